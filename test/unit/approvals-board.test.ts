// The SLA board against hand-computed figures: decisions on time, median and p90 minutes, breaches by the officer
// recorded then, load now, per Beijing day; the range checks; the percentile helpers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, p90, slaBoard } from '../../electron/core/approvals/board.js';
import { decide } from '../../electron/core/approvals/decide.js';
import { runScheduler } from '../../electron/core/approvals/scheduler.js';
import { KioskError } from '../../electron/core/errors.js';
import { addStaff, bj, policies, reviewSetup, submitForReview } from '../helpers/approvals-fixtures.js';

const refusal = (key: string) => (error: unknown) => error instanceof KioskError && error.key === key;

test('median and nearest-rank p90 (null below 10 decisions)', () => {
  assert.equal(median([]), null);
  assert.equal(median([5]), 5);
  assert.equal(median([1, 2, 3, 10]), 2.5);
  assert.equal(p90([1, 2, 3, 4, 5, 6, 7, 8, 9]), null);
  assert.equal(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 9);
  assert.equal(p90(Array.from({ length: 20 }, (_, i) => i + 1)), 18);
  assert.equal(p90(Array.from({ length: 11 }, (_, i) => i + 1)), 10);
});

test('one Friday of a hall, figure by figure', (t) => {
  const { db, clock } = reviewSetup(t); // Friday 27 Nov 2026 09:00, offline reviews: due 15:00
  const a = addStaff(db, '1001', ['approver']);
  const b = addStaff(db, '1002', ['approver']);
  addStaff(db, '0999', ['community-head']);
  const r1 = submitForReview(db, clock); // → 1001
  const r2 = submitForReview(db, clock); // → 1002
  const r3 = submitForReview(db, clock); // → 1001
  const r4 = submitForReview(db, clock); // → 1002
  assert.deepEqual(
    [r1, r2, r3, r4].map((r) => r.assignedTo),
    ['1001', '1002', '1001', '1002'],
  );
  const at = (when: string) => clock.set(bj(when).getTime());
  at('2026-11-27 09:30');
  decide(db, clock, { applicationId: r1.applicationId, decision: 'approve', ruleId: null }, a, { policies }); // 30 min, on time
  at('2026-11-27 10:30');
  decide(db, clock, { applicationId: r2.applicationId, decision: 'refuse', ruleId: 'SD-0327-1' }, b, { policies }); // 90 min
  at('2026-11-27 15:30');
  runScheduler(db, clock); // r3 and r4 are overdue: one breach each, against 1001 and 1002
  at('2026-11-27 16:00');
  decide(db, clock, { applicationId: r3.applicationId, decision: 'approve', ruleId: null }, a, { policies }); // 420 min, late
  // r4 stays open.

  const board = slaBoard(db, { from: '2026-11-27', to: '2026-11-28' }, bj('2026-11-28 10:00'));
  assert.deepEqual(board.officers, [
    {
      officer: { staffNo: '1001', maskedName: '王****' },
      decided: 2,
      onTime: 1,
      onTimeRate: 0.5,
      medianMinutes: 225,
      p90Minutes: null,
      breaches: 1,
      autoDefaults: 0,
      load: 0,
    },
    {
      officer: { staffNo: '1002', maskedName: '王****' },
      decided: 1,
      onTime: 1,
      onTimeRate: 1,
      medianMinutes: 90,
      p90Minutes: null,
      breaches: 1,
      autoDefaults: 0,
      load: 1,
    },
  ]);
  assert.deepEqual(board.totals, {
    decided: 3,
    onTime: 2,
    onTimeRate: 2 / 3,
    medianMinutes: 90,
    p90Minutes: null,
    breaches: 2,
    autoDefaults: 0,
    load: 1,
  });
  assert.deepEqual(board.days, [
    { day: '2026-11-27', decided: 3, onTime: 2, breaches: 2 },
    { day: '2026-11-28', decided: 0, onTime: 0, breaches: 0 },
  ]);
  assert.equal(board.asOf, bj('2026-11-28 10:00').toISOString());
  // A range without that Friday has no decisions or breaches, but the load is still now's.
  const saturday = slaBoard(db, { from: '2026-11-28', to: '2026-11-28' }, bj('2026-11-28 10:00'));
  assert.deepEqual(
    [saturday.totals.decided, saturday.totals.breaches, saturday.totals.load, saturday.totals.onTimeRate, saturday.totals.medianMinutes],
    [0, 0, 1, null, null],
  );
});

test('days are Beijing days: a decision at 23:59 Beijing counts on that day, at 00:00 on the next', (t) => {
  const { db, clock } = reviewSetup(t);
  const a = addStaff(db, '1001', ['approver']);
  clock.set(bj('2026-11-27 20:00').getTime());
  const late = submitForReview(db, clock);
  const next = submitForReview(db, clock);
  clock.set(bj('2026-11-27 23:59').getTime());
  decide(db, clock, { applicationId: late.applicationId, decision: 'approve', ruleId: null }, a, { policies });
  clock.set(bj('2026-11-28 00:00').getTime());
  decide(db, clock, { applicationId: next.applicationId, decision: 'approve', ruleId: null }, a, { policies });
  const days = slaBoard(db, { from: '2026-11-27', to: '2026-11-28' }, clock.now()).days;
  assert.deepEqual(
    days.map((d) => [d.day, d.decided]),
    [
      ['2026-11-27', 1],
      ['2026-11-28', 1],
    ],
  );
});

test('range: from after to, or more than 92 days, is refused', (t) => {
  const { db } = reviewSetup(t);
  const now = new Date();
  assert.throws(() => slaBoard(db, { from: '2026-11-28', to: '2026-11-27' }, now), refusal('errors.rangeReversed'));
  assert.throws(() => slaBoard(db, { from: '2026-01-01', to: '2026-04-03' }, now), refusal('errors.rangeTooLong'));
  assert.equal(slaBoard(db, { from: '2026-01-01', to: '2026-04-02' }, now).days.length, 92);
});
