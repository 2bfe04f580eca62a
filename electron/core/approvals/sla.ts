// The approval SLA as a pure function: (application timeline, policy, calendar) → deadline, warnings, escalation steps
// and the auto-default time (DOMAIN.md §3). No I/O and no clock: the caller passes every instant.
import type { channels } from '../applications/schema.js';
import type { Policy, escalationTargets } from '../policy/schema.js';
import { weekKeyOf, type Calendar } from './calendar.js';
import type { SlaBasis } from './schema.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Channel = (typeof channels)[number];
export type EscalationTarget = (typeof escalationTargets)[number];

/** Something that happened to an application after it was submitted (assigned, reassigned, sent back, …). */
export interface TimelineEvent {
  kind: string;
  at: Date;
}

export interface SlaInput {
  channel: Channel;
  submittedAt: Date;
  /** Offline only: the hall must check something first, so the decision may take offlineReviewClockHours. */
  needsVerification: boolean;
  /**
   * The rest of the application's timeline. Accepted so a caller can pass a whole timeline, and deliberately never
   * read: the clock starts at submission and reassignment or "sent back" never pauses it (DOMAIN.md §3).
   */
  events?: readonly TimelineEvent[];
}

export interface SlaEscalation {
  at: Date;
  to: EscalationTarget;
  /** The policy's step: a fraction of the allowed time (1 = the deadline) or 'autoDefault'. */
  step: number | 'autoDefault';
}

export interface SlaDeadlines {
  policyId: string;
  basis: SlaBasis;
  submittedAt: Date;
  /** The allowed time in ms: working time for 'working', wall-clock time for 'clock', 0 for 'immediate'. */
  allowedMs: number;
  /** Offline without verification is decided on the spot: due at submission. */
  dueAt: Date;
  /** One instant per policy `sla.warnAt` fraction (yellow, then red); none for 'immediate'. */
  warnAt: Date[];
  warnFractions: number[];
  /** When the province issues green to an unreviewed online application; null offline or when the policy has none. */
  autoDefaultAt: Date | null;
  /** In time order; steps that cannot happen (auto-default offline, anything for 'immediate') are left out. */
  escalations: SlaEscalation[];
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The deadlines of one application under `policy`, counted on `calendar` (built with the same policy's office hours). */
export function slaFor(input: SlaInput, policy: Policy, calendar: Calendar): SlaDeadlines {
  const { sla } = policy;
  if (calendar.weekKey !== weekKeyCached(policy)) {
    // A calendar built for other office hours would give a plausible but wrong deadline: refuse instead.
    throw new RangeError(`calendar was built for other office hours than policy ${policy.id}`);
  }
  const submitted = input.submittedAt.getTime();
  if (Number.isNaN(submitted)) throw new RangeError('submittedAt is not a valid time');
  const basis: SlaBasis = input.channel === 'online' ? 'working' : input.needsVerification ? 'clock' : 'immediate';

  if (basis === 'immediate') {
    return {
      policyId: policy.id,
      basis,
      submittedAt: new Date(submitted),
      allowedMs: 0,
      dueAt: new Date(submitted),
      warnAt: [],
      warnFractions: [],
      autoDefaultAt: null,
      escalations: [],
    };
  }

  const allowedMs = Math.round((basis === 'working' ? sla.onlineReviewWorkingHours : sla.offlineReviewClockHours) * HOUR);
  // A fraction of the allowed time, on the basis's own clock (whole ms, so 90% of 6 h is exactly 5 h 24 min).
  // Remembered per fraction: the 90% warning and the 90% escalation step are one walk through the calendar.
  const instants = new Map<number, number>();
  const after = (fraction: number): Date => {
    let instant = instants.get(fraction);
    if (instant === undefined) {
      const ms = Math.round(fraction * allowedMs);
      instant = basis === 'working' ? calendar.addWorkingTime(new Date(submitted), ms).getTime() : submitted + ms;
      instants.set(fraction, instant);
    }
    return new Date(instant);
  };
  const dueAt = after(1);
  const warnAt = sla.warnAt.map(after);
  const autoDefaultAt = basis === 'working' ? autoDefaultTime(policy, new Date(submitted), dueAt) : null;
  const escalations: SlaEscalation[] = [];
  for (const step of sla.escalation) {
    if (step.at === 'autoDefault') {
      if (autoDefaultAt !== null) escalations.push({ at: autoDefaultAt, to: step.to, step: 'autoDefault' });
    } else {
      escalations.push({ at: after(step.at), to: step.to, step: step.at });
    }
  }
  // Stable sort: steps at the same instant keep the policy's order (community head before the report).
  escalations.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    policyId: policy.id,
    basis,
    submittedAt: new Date(submitted),
    allowedMs,
    dueAt,
    warnAt,
    warnFractions: [...sla.warnAt],
    autoDefaultAt,
    escalations,
  };
}

const weekKeys = new WeakMap<Policy['sla'], string>();
/** The policy's week key, computed once per loaded `sla` object (the SLA board evaluates thousands of items). */
function weekKeyCached(policy: Policy): string {
  let key = weekKeys.get(policy.sla);
  if (key === undefined) weekKeys.set(policy.sla, (key = weekKeyOf(policy.sla)));
  return key;
}

/**
 * "超时未签发…的，次日18时前": `at` on the calendar day `dayOffset` days after the Beijing day of the anchor (the
 * deadline in the shipped policy). A calendar day, not a working day: it may fall on a holiday.
 */
export function autoDefaultTime(policy: Policy, submittedAt: Date, dueAt: Date): Date | null {
  const rule = policy.sla.autoDefault;
  if (rule === null) return null;
  const offset = policy.sla.utcOffsetMinutes * MINUTE;
  const anchor = (rule.anchor === 'deadline' ? dueAt : submittedAt).getTime();
  const day = Math.floor((anchor + offset) / DAY) + rule.dayOffset;
  return new Date(day * DAY - offset + minutesOf(rule.at) * MINUTE);
}

export interface SlaStatus {
  /** How many warnAt instants have passed (0 = on time, 1 = yellow, 2 = red with the shipped policy). */
  warnings: number;
  overdue: boolean;
  autoDefaulted: boolean;
  /** Escalation targets whose time has come, in order. */
  escalatedTo: EscalationTarget[];
}

/** Where a pending application stands at `now` (an instant at or after the time given counts as reached). */
export function slaStatusAt(deadlines: SlaDeadlines, now: Date): SlaStatus {
  const t = now.getTime();
  return {
    warnings: deadlines.warnAt.filter((at) => at.getTime() <= t).length,
    overdue: t > deadlines.dueAt.getTime(),
    autoDefaulted: deadlines.autoDefaultAt !== null && t >= deadlines.autoDefaultAt.getTime(),
    escalatedTo: deadlines.escalations.filter((step) => step.at.getTime() <= t).map((step) => step.to),
  };
}
