// The SLA board: per officer and per Beijing day, decisions on time, time to decision, breaches, auto-defaults, load.
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { maskName } from '../privacy/mask.js';
import type { OfficerSlaRow, SlaBoard, SlaBoardQuery } from './queue/schema.js';
import { OPEN_STATES } from './scheduler.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Asia/Shanghai is +08:00 all year: a board day is a Beijing calendar day. */
const BEIJING_OFFSET = 8 * 3_600_000;
/** About a quarter: the longest range the board (and its printed report) covers in one go. */
export const MAX_BOARD_DAYS = 92;
/** Below this many decisions a 90th percentile says nothing: null. */
const P90_MIN_DECISIONS = 10;

const dayNumber = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
const beijingDay = (iso: string): string => new Date(Date.parse(iso) + BEIJING_OFFSET).toISOString().slice(0, 10);
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Median of sorted values (mean of the middle two when even); null when empty. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 90th percentile by the nearest-rank method (the smallest value with at least 90% at or below it); null below 10. */
export function p90(sorted: readonly number[]): number | null {
  if (sorted.length < P90_MIN_DECISIONS) return null;
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

interface Tally {
  minutes: number[];
  onTime: number;
  breaches: number;
  autoDefaults: number;
  load: number;
}
const emptyTally = (): Tally => ({ minutes: [], onTime: 0, breaches: 0, autoDefaults: 0, load: 0 });

function figures(tally: Tally): Omit<OfficerSlaRow, 'officer'> {
  const sorted = [...tally.minutes].sort((a, b) => a - b);
  const decided = sorted.length;
  const mid = median(sorted);
  const high = p90(sorted);
  return {
    decided,
    onTime: tally.onTime,
    onTimeRate: decided === 0 ? null : tally.onTime / decided,
    medianMinutes: mid === null ? null : round1(mid),
    p90Minutes: high === null ? null : round1(high),
    breaches: tally.breaches,
    autoDefaults: tally.autoDefaults,
    load: tally.load,
  };
}

/**
 * The board for the Beijing days `from`..`to` (inclusive). Decisions count on the day they were made (on time:
 * decided at or before the deadline; minutes: submission to decision, wall clock); breaches and auto-defaults on the
 * day their instant fell, against the officer recorded then. Load is what is open now. Officers listed: every
 * approver, and anyone with a decision, breach or auto-default in the range. Totals include items nobody was
 * assigned to; totals.load counts every open review.
 * Throws KioskError invalid-input: errors.rangeReversed (from after to), errors.rangeTooLong (over 92 days).
 */
export function slaBoard(db: Db, query: SlaBoardQuery, now: Date): SlaBoard {
  const first = dayNumber(query.from);
  const last = dayNumber(query.to);
  if (Number.isNaN(first) || Number.isNaN(last)) throw new KioskError('invalid-input', 'errors.invalidInput');
  if (first > last) throw new KioskError('invalid-input', 'errors.rangeReversed');
  if (last - first + 1 > MAX_BOARD_DAYS) throw new KioskError('invalid-input', 'errors.rangeTooLong', { max: MAX_BOARD_DAYS });
  const start = new Date(first * DAY - BEIJING_OFFSET).toISOString();
  const end = new Date((last + 1) * DAY - BEIJING_OFFSET).toISOString();

  const officers = new Map<string, Tally>();
  const total = emptyTally();
  const tallyOf = (staffNo: string | null): Tally | null => {
    if (staffNo === null) return null;
    let tally = officers.get(staffNo);
    if (tally === undefined) officers.set(staffNo, (tally = emptyTally()));
    return tally;
  };
  const days = new Map<string, { decided: number; onTime: number; breaches: number }>();
  for (let day = first; day <= last; day++) {
    days.set(new Date(day * DAY).toISOString().slice(0, 10), { decided: 0, onTime: 0, breaches: 0 });
  }

  const staff = prepared(db, 'SELECT staff_no, name, roles FROM officer ORDER BY staff_no').all() as {
    staff_no: string;
    name: string;
    roles: string;
  }[];
  for (const officer of staff) if (officer.roles.split(' ').includes('approver')) tallyOf(officer.staff_no);

  const decisions = prepared(
    db,
    `SELECT decided_by, submitted_at, decided_at, due_at FROM review WHERE state = 'decided' AND decided_at >= ? AND decided_at < ?`,
  ).all(start, end) as { decided_by: string; submitted_at: string; decided_at: string; due_at: string }[];
  for (const d of decisions) {
    const onTime = d.decided_at <= d.due_at ? 1 : 0;
    const minutes = (Date.parse(d.decided_at) - Date.parse(d.submitted_at)) / MINUTE;
    for (const tally of [total, tallyOf(d.decided_by)]) {
      tally!.minutes.push(minutes);
      tally!.onTime += onTime;
    }
    const day = days.get(beijingDay(d.decided_at))!;
    day.decided += 1;
    day.onTime += onTime;
  }

  const events = prepared(
    db,
    `SELECT kind, due_at, staff_no FROM sla_event WHERE kind IN ('overdue', 'auto-defaulted') AND due_at >= ? AND due_at < ?`,
  ).all(start, end) as { kind: 'overdue' | 'auto-defaulted'; due_at: string; staff_no: string | null }[];
  for (const event of events) {
    for (const tally of [total, tallyOf(event.staff_no)]) {
      if (tally === null) continue;
      if (event.kind === 'overdue') tally.breaches += 1;
      else tally.autoDefaults += 1;
    }
    if (event.kind === 'overdue') days.get(beijingDay(event.due_at))!.breaches += 1;
  }

  const loads = prepared(db, `SELECT assigned_to, count(*) AS n FROM review WHERE state IN ${OPEN_STATES} GROUP BY assigned_to`).all() as {
    assigned_to: string | null;
    n: number;
  }[];
  for (const load of loads) {
    total.load += load.n;
    // Load alone does not add an officer to the board; it shows for those already listed.
    const tally = load.assigned_to === null ? undefined : officers.get(load.assigned_to);
    if (tally !== undefined) tally.load = load.n;
  }

  const names = new Map(staff.map((officer) => [officer.staff_no, maskName(officer.name)]));
  return {
    from: query.from,
    to: query.to,
    officers: [...officers.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([staffNo, tally]) => ({ officer: { staffNo, maskedName: names.get(staffNo) ?? '*' }, ...figures(tally) })),
    days: [...days.entries()].map(([day, figures]) => ({ day, ...figures })),
    totals: figures(total),
    asOf: now.toISOString(),
  };
}
