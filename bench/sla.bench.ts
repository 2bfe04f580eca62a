// SLA: evaluating 10,000 pending applications (deadline, warnings, escalation, auto-default, status now) on the holiday
// calendar, against the emulator's weekday-only rule for the same items; and loading the dataset into a calendar.
import { policiesDir } from '../electron/app/paths.js';
import { createCalendar, loadCalendarData } from '../electron/core/approvals/calendar.js';
import { slaFor, slaStatusAt, type SlaInput } from '../electron/core/approvals/sla.js';
import { loadPolicies } from '../electron/core/policy/load.js';
import { policyInForce } from '../electron/core/policy/select.js';
import { reviewTimes, defaultPolicy } from '../emulators/provincial/policy.js';
import { medianMs, round, type Bench } from './types.js';

const ITEMS = 10_000;

/** Deterministic pending items spread over 2020–2026 (a small LCG, so every run measures the same work). */
function pendingItems(): SlaInput[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const from = Date.parse('2020-03-27T00:00:00+08:00');
  const span = Date.parse('2026-12-01T00:00:00+08:00') - from;
  return Array.from({ length: ITEMS }, () => {
    const r = next();
    return {
      channel: r < 0.7 ? 'online' : 'offline',
      submittedAt: new Date(from + Math.floor(next() * span)),
      needsVerification: r >= 0.7 && r < 0.9,
    };
  });
}

export const bench: Bench = async () => {
  const policy = policyInForce(loadPolicies(policiesDir()), new Date('2020-04-01T00:00:00+08:00'));
  const items = pendingItems();
  let calendar = createCalendar(loadCalendarData(), policy.sla);
  const loadMs = await medianMs(5, () => (calendar = createCalendar(loadCalendarData(), policy.sla)));

  const now = new Date('2026-12-01T12:00:00+08:00');
  let overdue = 0;
  const evalMs = await medianMs(7, () => {
    overdue = 0;
    for (const item of items) if (slaStatusAt(slaFor(item, policy, calendar), now).overdue) overdue++;
  });
  if (overdue === 0) throw new Error('bench evaluated nothing');
  // Baseline: the provincial emulator's deadline and auto-default only, weekday rule, no warnings or escalation.
  const baselineMs = await medianMs(7, () => {
    for (const item of items) reviewTimes(item.channel, item.submittedAt.getTime(), defaultPolicy);
  });

  return [
    {
      name: 'sla.eval_ms_10k',
      value: round(evalMs),
      unit: 'ms',
      baseline: round(baselineMs),
      note: `${ITEMS} pending items (70% online) 2020–2026: slaFor + status at now on the holiday calendar; baseline: emulator weekday rule, due + auto-default only`,
    },
    {
      name: 'sla.calendar_load_ms',
      value: round(loadMs),
      unit: 'ms',
      note: 'read + zod-check chinese-days.json (2004–2026) and precompute every day for one policy',
    },
  ];
};
