// The emulated province's rules as data (JSON-able, zod-checked) plus the pure functions that apply them.
import { z } from 'zod';
import type { Declaration } from '../../electron/core/applications/schema.js';

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * What the province decides with. Defaults follow DOMAIN.md §2–3 (the 03-04 notice). Everything a province might read
 * differently — the auto-default anchor, day offset and time — is data, not code.
 */
export const HallPolicySchema = z
  .object({
    validityDays: z.number().int().positive().default(14),
    /** Above this (°C) a measured temperature needs review even if the resident said "no fever". */
    feverThresholdC: z.number().default(37.3),
    /** UTC offset of the province's wall clock; Asia/Shanghai is +08:00 all year (no summer time). */
    utcOffsetMinutes: z
      .number()
      .int()
      .default(8 * 60),
    officeHours: z.array(z.object({ from: HhMm, to: HhMm }).strict()).default([
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:00' },
    ]),
    /** ISO weekdays (1 = Monday) that are working days. */
    workingDays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
    onlineReviewWorkingHours: z.number().positive().default(6),
    offlineReviewClockHours: z.number().positive().default(6),
    autoDefault: z
      .object({
        anchor: z.enum(['deadline', 'submission']).default('deadline'),
        dayOffset: z.number().int().min(0).default(1),
        at: HhMm.default('18:00'),
      })
      .strict()
      .default({ anchor: 'deadline', dayOffset: 1, at: '18:00' }),
  })
  .strict();
export type HallPolicy = z.infer<typeof HallPolicySchema>;
export type HallPolicyInput = z.input<typeof HallPolicySchema>;

export const defaultPolicy: HallPolicy = HallPolicySchema.parse({});

/** Rule ids cited in reasonCode for a PENDING declaration; the first that applies wins, in this order. */
export const reviewRules = ['fever', 'symptoms', 'travel', 'contact'] as const;
export type ReviewRule = (typeof reviewRules)[number];

/** null = low risk (issue GREEN at once); otherwise the rule that sends it to review. */
export function reviewRuleFor(declaration: Declaration, policy: HallPolicy): ReviewRule | null {
  const t = declaration.temperatureC;
  if (declaration.fever || (t !== null && t >= policy.feverThresholdC)) return 'fever';
  if (declaration.coughOrOtherSymptoms) return 'symptoms';
  if (declaration.travelOutsideProvince14d) return 'travel';
  if (declaration.contactWithCase14d) return 'contact';
  return null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Start of the local calendar day containing `ms`, as a UTC instant. */
function localDayStart(ms: number, policy: HallPolicy): number {
  const offset = policy.utcOffsetMinutes * 60_000;
  return Math.floor((ms + offset) / DAY) * DAY - offset;
}

function isoWeekday(localDayStartMs: number, policy: HallPolicy): number {
  const day = new Date(localDayStartMs + policy.utcOffsetMinutes * 60_000).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * `hours` working hours after `startMs`: a start outside office hours begins at the next working minute.
 * NOT modelled here: statutory holidays and make-up working weekends (调休) — this is a weekday rule, good enough for
 * an emulator; the kiosk's own SLA engine (later) uses the maintained holiday calendar of DOMAIN.md §3.
 */
export function addWorkingHours(startMs: number, hours: number, policy: HallPolicy): number {
  let remaining = hours * HOUR;
  let day = localDayStart(startMs, policy);
  // 400 days is far beyond any sane review window; the bound keeps a policy with no working days from looping forever.
  for (let i = 0; i < 400; i++, day += DAY) {
    if (!policy.workingDays.includes(isoWeekday(day, policy))) continue;
    for (const slot of policy.officeHours) {
      const from = Math.max(day + minutesOf(slot.from) * 60_000, startMs);
      const to = day + minutesOf(slot.to) * 60_000;
      if (from >= to) continue;
      if (remaining <= to - from) return from + remaining;
      remaining -= to - from;
    }
  }
  throw new RangeError('policy has no working time within 400 days');
}

export interface ReviewTimes {
  reviewDueAt: number;
  /** When an unreviewed application turns GREEN on its own; null for offline (no auto-default, DOMAIN.md §3). */
  autoDefaultAt: number | null;
}

export function reviewTimes(channel: 'offline' | 'online', submittedAtMs: number, policy: HallPolicy): ReviewTimes {
  if (channel === 'offline') return { reviewDueAt: submittedAtMs + policy.offlineReviewClockHours * HOUR, autoDefaultAt: null };
  const reviewDueAt = addWorkingHours(submittedAtMs, policy.onlineReviewWorkingHours, policy);
  const anchor = policy.autoDefault.anchor === 'deadline' ? reviewDueAt : submittedAtMs;
  const autoDefaultAt = localDayStart(anchor, policy) + policy.autoDefault.dayOffset * DAY + minutesOf(policy.autoDefault.at) * 60_000;
  return { reviewDueAt, autoDefaultAt };
}

export function validUntil(issuedAtMs: number, policy: HallPolicy): number {
  return issuedAtMs + policy.validityDays * DAY;
}
