// Which policy version is in force at an instant: the newest whose effectiveFrom has begun on the Beijing calendar.
import { KioskError } from '../errors.js';
import type { Policy, PolicySet } from './schema.js';

/** Thrown when the kiosk's clock is before every loaded policy: nothing may be decided without rules. */
export class NoPolicyInForceError extends KioskError {
  constructor(readonly date: string) {
    super('unavailable', 'errors.noPolicy', { date });
  }
}

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Asia/Shanghai calendar date of `at` as YYYY-MM-DD (the kiosk's own time zone setting does not matter). */
export function shanghaiDate(at: Date): string {
  const parts = Object.fromEntries(shanghaiDay.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The policy in force at `at`: a new version takes over at 00:00 Beijing time on its effectiveFrom day. */
export function policyInForce(set: PolicySet, at: Date): Policy {
  const today = shanghaiDate(at);
  let current: Policy | undefined;
  for (const policy of set.policies) if (policy.effectiveFrom <= today) current = policy;
  if (current === undefined) throw new NoPolicyInForceError(today);
  return current;
}

/** The next version already on file but not yet in force (for "rules change on …" notices), or null. */
export function nextPolicy(set: PolicySet, at: Date): Policy | null {
  const today = shanghaiDate(at);
  return set.policies.find((policy) => policy.effectiveFrom > today) ?? null;
}
