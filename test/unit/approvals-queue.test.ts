// The queue: order (overdue first, then by deadline), levels, time left on the basis's clock and whether it ticks,
// scopes and pages, and the decision screen. Expected values are worked out by hand from the shipped policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queuePage, reviewDetail } from '../../electron/core/approvals/review-store.js';
import { KioskError } from '../../electron/core/errors.js';
import { addStaff, bj, policies, policy, reviewSetup, submitForReview } from '../helpers/approvals-fixtures.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

function setup(t: Parameters<typeof reviewSetup>[0]) {
  const { db, clock } = reviewSetup(t); // Friday 27 Nov 2026 09:00 Beijing
  addStaff(db, '1001', ['approver']);
  // Online at 10:00 Fri: 2 h to 12:00 + 3 h 30 afternoon = 5 h 30 Friday; due Mon 30 Nov 09:00 (6 working hours);
  // warnings at 3 h (Fri 14:30) and 5 h 24 (Fri 16:54); auto-default Tue 1 Dec 18:00.
  clock.set(bj('2026-11-27 10:00').getTime());
  const online = submitForReview(db, clock, { channel: 'online', source: 'family' }).applicationId;
  // Offline needing verification at 09:00 Fri: due 15:00 (6 clock hours), warnings at 12:00 and 14:24.
  clock.set(bj('2026-11-27 09:00').getTime());
  const offline = submitForReview(db, clock, { channel: 'offline' }).applicationId;
  // Offline at 11:00: due 17:00, warnings 14:00 and 16:24.
  clock.set(bj('2026-11-27 11:00').getTime());
  const later = submitForReview(db, clock, { channel: 'offline', source: 'staff' }).applicationId;
  const page = (at: string, scope: 'mine' | 'team' | 'overdue' = 'team', pageNo = 0, pageSize = 50) =>
    queuePage(db, { scope, page: pageNo, pageSize }, { staffNo: '1001', now: bj(at), policies });
  return { db, clock, online, offline, later, page };
}

test('deadlines as stored: online on working hours with auto-default, offline on clock hours without', (t) => {
  const { online, offline, page } = setup(t);
  const items = new Map(page('2026-11-27 11:00').items.map((item) => [item.applicationId, item]));
  const o = items.get(online)!;
  assert.equal(o.basis, 'working');
  assert.equal(o.source, 'family');
  assert.equal(o.dueAt, bj('2026-11-30 09:00').toISOString());
  assert.deepEqual(o.warnAt, [bj('2026-11-27 14:30').toISOString(), bj('2026-11-27 16:54').toISOString()]);
  assert.equal(o.autoDefaultAt, bj('2026-12-01 18:00').toISOString());
  const f = items.get(offline)!;
  assert.equal(f.basis, 'clock');
  assert.equal(f.dueAt, bj('2026-11-27 15:00').toISOString());
  assert.deepEqual(f.warnAt, [bj('2026-11-27 12:00').toISOString(), bj('2026-11-27 14:24').toISOString()]);
  assert.equal(f.autoDefaultAt, null);
  assert.equal(f.assignedTo?.staffNo, '1001');
  assert.equal(f.assignedTo?.maskedName, '王****'); // 王1001, masked
  assert.equal(f.maskedName, '张*');
});

test('levels, remaining time and ticking through Friday, the weekend and Monday', (t) => {
  const { online, offline, later, page } = setup(t);
  const at = (when: string) => new Map(page(when).items.map((item) => [item.applicationId, item]));
  const view = (when: string, id: string) => {
    const item = at(when).get(id)!;
    return [item.level, item.remainingMs, item.ticking];
  };
  // 11:30: nothing warned yet. Online: 30 min + 3 h 30 today + 30 min Monday = 4 h 30 of working time left.
  assert.deepEqual(view('2026-11-27 11:30', online), ['ok', 4.5 * HOUR, true]);
  assert.deepEqual(view('2026-11-27 11:30', offline), ['ok', 3.5 * HOUR, true]);
  // 12:30 (lunch): offline is yellow and its wall clock runs; the online clock stands still.
  assert.deepEqual(view('2026-11-27 12:30', offline), ['yellow', 2.5 * HOUR, true]);
  assert.deepEqual(view('2026-11-27 12:30', online), ['ok', 4 * HOUR, false]);
  // 14:40: offline red (14:24 passed); online yellow (14:30 passed): 2 h 20 today + 30 min Monday.
  assert.deepEqual(view('2026-11-27 14:40', offline), ['red', 20 * MINUTE, true]);
  assert.deepEqual(view('2026-11-27 14:40', online), ['yellow', 2 * HOUR + 50 * MINUTE, true]);
  // 15:10: offline overdue by 10 minutes.
  assert.deepEqual(view('2026-11-27 15:10', offline), ['overdue', -10 * MINUTE, true]);
  // Saturday noon: online red, 30 working minutes left, not ticking; the later offline item is 19 h overdue.
  assert.deepEqual(view('2026-11-28 12:00', online), ['red', 30 * MINUTE, false]);
  assert.deepEqual(view('2026-11-28 12:00', later), ['overdue', -19 * HOUR, true]);
  // Monday 08:45: 15 working minutes left and ticking; 09:30: 30 working minutes overdue.
  assert.deepEqual(view('2026-11-30 08:45', online), ['red', 15 * MINUTE, true]);
  assert.deepEqual(view('2026-11-30 09:30', online), ['overdue', -30 * MINUTE, true]);
  // At the deadline itself: red with nothing left (overdue means past it).
  assert.deepEqual(view('2026-11-30 09:00', online), ['red', 0, true]);
});

test('past a working-hours deadline with no working time since (lunch): overdue and below zero, not ticking', (t) => {
  const { db, clock, page } = setup(t);
  // Thursday 14:30: 2 h 30 Thursday + 3 h 30 Friday morning = due Friday 12:00 sharp (a slot's end, not 13:30).
  clock.set(bj('2026-11-26 14:30').getTime());
  const { applicationId } = submitForReview(db, clock, { channel: 'online' });
  const item = page('2026-11-27 12:30').items.find((i) => i.applicationId === applicationId)!;
  assert.equal(item.dueAt, bj('2026-11-27 12:00').toISOString());
  assert.deepEqual([item.level, item.remainingMs, item.ticking], ['overdue', -1, false]);
  assert.equal(page('2026-11-27 12:30').items[0]!.applicationId, applicationId, 'the oldest deadline comes first');
});

test('order: overdue first, then by deadline; scopes and pages with totals', (t) => {
  const { online, offline, later, page } = setup(t);
  const ids = (when: string, scope: 'mine' | 'team' | 'overdue') => page(when, scope).items.map((item) => item.applicationId);
  assert.deepEqual(ids('2026-11-27 11:30', 'team'), [offline, later, online]);
  assert.deepEqual(ids('2026-11-27 11:30', 'overdue'), []);
  assert.deepEqual(ids('2026-11-27 16:00', 'overdue'), [offline]);
  assert.deepEqual(ids('2026-11-27 18:00', 'overdue'), [offline, later]);
  assert.deepEqual(ids('2026-11-27 18:00', 'team'), [offline, later, online]);
  assert.deepEqual(ids('2026-11-27 18:00', 'mine'), [offline, later, online]);
  const second = page('2026-11-27 18:00', 'team', 1, 2);
  assert.deepEqual([second.total, second.items.map((item) => item.applicationId)], [3, [online]]);
  assert.equal(page('2026-11-27 18:00', 'overdue', 0, 1).total, 2);
  assert.equal(page('2026-11-27 18:00').asOf, bj('2026-11-27 18:00').toISOString());
});

test('decision screen: declaration while open, citations, every rule of the policy to cite, proxy, history', (t) => {
  const { db, online, page } = setup(t);
  const ctx = { staffNo: '1001', now: bj('2026-11-27 11:00'), policies };
  const detail = reviewDetail(db, online, ctx);
  assert.equal(detail.item.applicationId, online);
  assert.equal(detail.declaration?.fever, true);
  assert.deepEqual(detail.answers, {});
  assert.deepEqual(
    detail.citations.map((c) => c.ruleId),
    ['SD-0327-1'],
  );
  assert.equal(detail.policyId, policy.id);
  assert.deepEqual(
    detail.refusableRules.map((rule) => rule.id),
    policy.rules.map((rule) => rule.id),
  );
  assert.ok(detail.refusableRules.some((rule) => rule.effect === 'review'));
  assert.equal(detail.proxy, null); // source 'family' here is the queue's label; the fixture's row has no proxy columns
  assert.deepEqual(
    detail.history.map((event) => [event.kind, event.officer?.staffNo]),
    [['assigned', '1001']],
  );
  assert.throws(
    () => reviewDetail(db, crypto.randomUUID(), ctx),
    (error: unknown) => error instanceof KioskError && error.code === 'not-found' && error.key === 'errors.reviewNotFound',
  );
  assert.equal(page('2026-11-27 11:00').items.length, 3);
});
