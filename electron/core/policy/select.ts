// Which policy version is in force at an instant: the newest whose effectiveFrom has begun on the Beijing calendar.
import { KioskError } from '../errors.js';
import type { Policy, PolicySet } from './schema.js';

/** Thrown when the kiosk's clock is before every loaded policy: nothing may be decided without rules. */
export class NoPolicyInForceError extends KioskError {
  constructor(readonly date: string) {
    super('unavailable', 'errors.noPolicy', { date });
  }
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The Asia/Shanghai calendar date of `at` as YYYY-MM-DD (the kiosk's own time zone setting does not matter). China has
 * kept UTC+8 without summer time since 1991, so plain arithmetic is exact for every policy date, and it spares each
 * process ICU's time-zone start-up (~30 ms) on its first submission.
 */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
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
