// The SLA engine by property over 100,000 random timelines (2004–2026): the deadline is after submission, monotone in
// submission time, never on a day off or outside office hours, auto-default at 18:00 on the right day; plus a naive
// minute-by-minute oracle over the raw dataset, and agreement with the emulator's weekday rule where no holiday is near.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { policiesDir } from '../../electron/app/paths.js';
import { CalendarYearError, createCalendar, defaultCalendarFile, loadCalendarData } from '../../electron/core/approvals/calendar.js';
import { slaFor, type SlaInput } from '../../electron/core/approvals/sla.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import { addWorkingHours, defaultPolicy } from '../../emulators/provincial/policy.js';

const policy = loadPolicies(policiesDir()).policies.find((p) => p.id === 'shandong-2020-03-27')!;
const calendar = createCalendar(loadCalendarData(), policy.sla);
/** The raw dataset, read independently of the loader, for checks that must not trust the calendar. */
const raw = JSON.parse(readFileSync(defaultCalendarFile(), 'utf8')) as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;
const FIRST = Date.parse('2004-01-01T00:00:00+08:00');
/** Late enough in 2026 that every deadline (at most ~10 days after submission) still falls inside the dataset. */
const LAST_SAFE = Date.parse('2026-12-20T00:00:00+08:00');
const END = Date.parse('2027-01-01T00:00:00+08:00');

const beijingDate = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);
const minuteOfDay = (ms: number) => Math.floor((((ms + OFFSET) % DAY) + DAY) % DAY) / MINUTE;
const isoWeekday = (ms: number) => ((new Date(ms + OFFSET).getUTCDay() + 6) % 7) + 1;
/** Working day straight from the dataset: (Mon–Fri and not a holiday) or a 调休 workday. */
const rawWorking = (ms: number) => {
  const date = beijingDate(ms);
  return (isoWeekday(ms) <= 5 && raw.holidays[date] === undefined) || raw.workdays[date] !== undefined;
};
/** In [08:30, 12:00] or [13:30, 17:00]: a deadline may end a slot exactly. */
const inOfficeHours = (ms: number) => {
  const m = minuteOfDay(ms);
  return (m > 510 && m <= 720) || (m > 810 && m <= 1020);
};

/** Uniform over 2004–2026, or within days of a holiday or 调休 day (where mistakes would hide). */
const specialDays = [...Object.keys(raw.holidays), ...Object.keys(raw.workdays)]
  .map((date) => Date.parse(`${date}T00:00:00+08:00`))
  .filter((ms) => ms >= FIRST + 3 * DAY && ms < LAST_SAFE);
const instantArb = fc.oneof(
  fc.integer({ min: FIRST, max: LAST_SAFE }),
  fc.constantFrom(...specialDays).chain((day) => fc.integer({ min: day - 3 * DAY, max: day + DAY })),
);

const eventArb = fc.record({
  kind: fc.constantFrom('assigned', 'reassigned', 'sent-back', 'resubmitted'),
  afterMs: fc.integer({ min: 0, max: 10 * DAY }),
});
const timelineArb = fc.record({
  submitted: instantArb,
  /** A second, later submission for the monotonicity check: up to four days later, often within minutes. */
  laterBy: fc.oneof(fc.integer({ min: 0, max: HOUR }), fc.integer({ min: 0, max: 4 * DAY })),
  channel: fc.constantFrom('online', 'online', 'offline' as const),
  needsVerification: fc.boolean(),
  events: fc.array(eventArb, { maxLength: 3 }),
});

test('100,000 random timelines: deadline, warnings and auto-default obey the rules', () => {
  fc.assert(
    fc.property(timelineArb, ({ submitted, laterBy, channel, needsVerification, events }) => {
      const input: SlaInput = {
        channel,
        submittedAt: new Date(submitted),
        needsVerification,
        events: events.map((e) => ({ kind: e.kind, at: new Date(submitted + e.afterMs) })),
      };
      const result = slaFor(input, policy, calendar);
      const due = result.dueAt.getTime();
      const later = slaFor({ ...input, submittedAt: new Date(submitted + laterBy), events: [] }, policy, calendar);

      // Monotone in submission time (and events never matter: `later` has none).
      assert.ok(later.dueAt.getTime() >= due, 'a later submission is never due earlier');
      if (result.autoDefaultAt !== null) assert.ok(later.autoDefaultAt!.getTime() >= result.autoDefaultAt.getTime());

      if (channel === 'offline' && !needsVerification) {
        assert.equal(due, submitted);
        assert.equal(result.warnAt.length, 0);
        assert.equal(result.autoDefaultAt, null);
        return;
      }
      assert.ok(due > submitted, 'the deadline is after submission');
      const warnings = result.warnAt.map((d) => d.getTime());
      assert.ok(warnings[0]! > submitted && warnings[0]! < warnings[1]! && warnings[1]! < due, 'warnings in order, before the deadline');
      if (channel === 'offline') {
        assert.equal(due - submitted, 6 * HOUR);
        assert.equal(result.autoDefaultAt, null);
        return;
      }
      // Online: the deadline lies in office hours of a working day per the raw dataset — never inside a holiday.
      assert.ok(rawWorking(due), `due ${beijingDate(due)} is not a working day`);
      assert.ok(inOfficeHours(due), `due at minute ${minuteOfDay(due)} is outside office hours`);
      assert.equal(calendar.workingTimeBetween(input.submittedAt, result.dueAt), 6 * HOUR);
      assert.equal(calendar.workingTimeBetween(input.submittedAt, result.warnAt[1]!), 5.4 * HOUR);
      // Auto-default: 18:00 Beijing on the calendar day after the deadline's day.
      const auto = result.autoDefaultAt!.getTime();
      assert.equal(minuteOfDay(auto), 18 * 60);
      assert.equal(beijingDate(auto), beijingDate(Date.parse(`${beijingDate(due)}T12:00:00Z`) + DAY - OFFSET));
    }),
    { numRuns: 100_000 },
  );
});

test('at the end of the dataset a deadline is either inside 2026 or refused naming 2027', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.parse('2026-12-20T00:00:00+08:00'), max: END - 1 }), (submitted) => {
      try {
        const result = slaFor({ channel: 'online', submittedAt: new Date(submitted), needsVerification: false }, policy, calendar);
        assert.ok(result.dueAt.getTime() < END);
      } catch (error) {
        assert.ok(error instanceof CalendarYearError, String(error));
        assert.equal(error.year, 2027);
        // Refused only when 6 working hours really do not fit before the year ends.
        assert.ok(calendar.workingTimeBetween(new Date(submitted), new Date(END)) < 6 * HOUR);
      }
    }),
    { numRuns: 2_000 },
  );
});

test('a naive minute-by-minute count over the raw dataset gives the same deadline', () => {
  const naiveDue = (submitted: number, minutes: number): number => {
    let t = submitted;
    for (let counted = 0; counted < minutes; t += MINUTE) {
      const m = minuteOfDay(t);
      if (rawWorking(t) && ((m >= 510 && m < 720) || (m >= 810 && m < 1020))) counted++;
    }
    return t;
  };
  fc.assert(
    fc.property(instantArb, (instant) => {
      const submitted = Math.floor(instant / MINUTE) * MINUTE;
      const result = slaFor({ channel: 'online', submittedAt: new Date(submitted), needsVerification: false }, policy, calendar);
      assert.equal(result.dueAt.getTime(), naiveDue(submitted, 360));
      assert.equal(result.warnAt[0]!.getTime(), naiveDue(submitted, 180));
    }),
    { numRuns: 500 },
  );
});

test("away from holidays and 调休 the engine agrees with the emulator's weekday rule; near them it may not", () => {
  let compared = 0;
  fc.assert(
    fc.property(fc.integer({ min: FIRST, max: LAST_SAFE }), (submitted) => {
      const due = slaFor(
        { channel: 'online', submittedAt: new Date(submitted), needsVerification: false },
        policy,
        calendar,
      ).dueAt.getTime();
      // Any holiday or 调休 day between submission and the weekday-rule deadline could change the answer.
      const weekdayDue = addWorkingHours(submitted, 6, defaultPolicy);
      for (let t = submitted; t <= weekdayDue + DAY; t += DAY) {
        const date = beijingDate(t);
        if (raw.holidays[date] !== undefined || raw.workdays[date] !== undefined) return;
      }
      compared++;
      assert.equal(due, weekdayDue);
    }),
    { numRuns: 5_000 },
  );
  assert.ok(compared > 3_000, `only ${compared} comparisons`);
});
