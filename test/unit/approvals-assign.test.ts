// Assignment (least load among present approvers, ties by today's count then staff number), delegation while away,
// and reassignment (manager only, active approver only, deadline unchanged).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickAssignee, reassign } from '../../electron/core/approvals/assign.js';
import { decide } from '../../electron/core/approvals/decide.js';
import { queuePage } from '../../electron/core/approvals/review-store.js';
import { KioskError } from '../../electron/core/errors.js';
import { addStaff, audits, bj, policies, reviewSetup, submitForReview } from '../helpers/approvals-fixtures.js';

const HOUR = 3_600_000;
const refusal = (key: string) => (error: unknown) => error instanceof KioskError && error.key === key;

test('a new review goes to the least-loaded present approver; off duty, away, inactive and non-approvers are skipped', (t) => {
  const { db, clock } = reviewSetup(t);
  addStaff(db, '1001', ['approver']);
  addStaff(db, '1002', ['approver', 'officer']);
  addStaff(db, '1003', ['officer']);
  addStaff(db, '1004', ['approver'], { onDuty: false });
  addStaff(db, '1005', ['approver'], { awayUntil: bj('2026-11-27 12:00').toISOString() });
  addStaff(db, '1006', ['approver'], { active: false });
  addStaff(db, '0999', ['community-head']);
  const order = Array.from({ length: 4 }, () => submitForReview(db, clock).assignedTo);
  // Equal load and equal count today: the lower staff number first, then they alternate.
  assert.deepEqual(order, ['1001', '1002', '1001', '1002']);
  // 1001 gets two more (say, by reassignment): the next two go to 1002 until loads are level again.
  db.prepare(`UPDATE review SET assigned_to = '1001' WHERE assigned_to = '1002'`).run();
  assert.equal(submitForReview(db, clock).assignedTo, '1002');
  // 1005 is back after 12:00 and has nothing open: least load wins.
  clock.set(bj('2026-11-27 12:30').getTime());
  assert.equal(submitForReview(db, clock).assignedTo, '1005');
});

test('ties on load go to whoever was given fewer items today (Beijing day)', (t) => {
  const { db, clock } = reviewSetup(t);
  const first = addStaff(db, '1001', ['approver']);
  addStaff(db, '1002', ['approver'], { onDuty: false });
  const a = submitForReview(db, clock);
  const b = submitForReview(db, clock);
  for (const id of [a, b]) decide(db, clock, { applicationId: id.applicationId, decision: 'approve', ruleId: null }, first, { policies });
  db.prepare(`UPDATE officer SET on_duty = 1 WHERE staff_no = '1002'`).run();
  // Both have nothing open; 1001 was given two today.
  assert.equal(pickAssignee(db, clock.now()), '1002');
  // The next Beijing day (00:00 +08:00 = 16:00Z) the count starts again: 1001 wins on staff number.
  assert.equal(pickAssignee(db, bj('2026-11-28 00:00')), '1001');
});

test("nobody present: the item waits unassigned in the team queue, and shows in nobody's own queue", (t) => {
  const { db, clock } = reviewSetup(t);
  addStaff(db, '1001', ['approver'], { onDuty: false });
  const { applicationId, assignedTo } = submitForReview(db, clock);
  assert.equal(assignedTo, null);
  const ctx = { staffNo: '1001', now: clock.now(), policies };
  assert.deepEqual(
    queuePage(db, { scope: 'team', page: 0, pageSize: 50 }, ctx).items.map((i) => i.applicationId),
    [applicationId],
  );
  assert.equal(queuePage(db, { scope: 'mine', page: 0, pageSize: 50 }, ctx).total, 0);
  assert.deepEqual(audits(db, 'review.assigned')[0]!.detail, { assignedTo: null, basis: 'clock', dueAt: '2026-11-27T07:00:00.000Z' });
});

test('delegation: while 1001 is away, items assigned to 1001 are in 1002\'s "mine"; when 1001 is back they are not', (t) => {
  const { db, clock } = reviewSetup(t);
  addStaff(db, '1001', ['approver']);
  addStaff(db, '1002', ['approver']);
  const mine = submitForReview(db, clock); // → 1001
  const theirs = submitForReview(db, clock); // → 1002
  assert.equal(mine.assignedTo, '1001');
  db.prepare(`UPDATE officer SET away_until = ?, delegate_to = '1002' WHERE staff_no = '1001'`).run(bj('2026-11-27 14:00').toISOString());
  const ids = (now: Date, staffNo = '1002') =>
    queuePage(db, { scope: 'mine', page: 0, pageSize: 50 }, { staffNo, now, policies })
      .items.map((i) => i.applicationId)
      .sort();
  assert.deepEqual(ids(clock.now()), [mine.applicationId, theirs.applicationId].sort());
  assert.deepEqual(ids(clock.now(), '1001'), [mine.applicationId]);
  assert.deepEqual(ids(bj('2026-11-27 14:00')), [theirs.applicationId]);
  // Off duty counts as away for delegation.
  db.prepare(`UPDATE officer SET away_until = NULL, on_duty = 0 WHERE staff_no = '1001'`).run();
  assert.equal(ids(bj('2026-11-27 14:00')).length, 2);
});

test('reassign: a community head gives an open item to another active approver; due time unchanged, audited', (t) => {
  const { db, clock } = reviewSetup(t);
  const approver = addStaff(db, '1001', ['approver']);
  addStaff(db, '1002', ['approver']);
  addStaff(db, '1003', ['officer']);
  addStaff(db, '1004', ['approver'], { active: false });
  const head = addStaff(db, '0999', ['community-head']);
  const { applicationId } = submitForReview(db, clock);
  const before = queuePage(db, { scope: 'team', page: 0, pageSize: 50 }, { staffNo: '0999', now: clock.now(), policies }).items[0]!;
  clock.advance(2 * HOUR);
  const move = (to: string, by = head) => reassign(db, clock, { applicationId, toStaffNo: to }, by, { policies });
  assert.throws(() => move('1002', approver), refusal('errors.roleMissing'));
  assert.throws(() => move('1003'), refusal('errors.assigneeInvalid'));
  assert.throws(() => move('1004'), refusal('errors.assigneeInvalid'));
  assert.throws(() => move('7777'), refusal('errors.assigneeInvalid'));
  assert.throws(
    () => reassign(db, clock, { applicationId: crypto.randomUUID(), toStaffNo: '1002' }, head, { policies }),
    refusal('errors.reviewNotFound'),
  );
  const item = move('1002');
  assert.equal(item.assignedTo?.staffNo, '1002');
  assert.equal(item.dueAt, before.dueAt);
  assert.deepEqual(item.warnAt, before.warnAt);
  assert.deepEqual(audits(db, 'review.reassigned'), [
    { actor: '0999', subject: `application:${applicationId}`, detail: { from: '1001', to: '1002' } },
  ]);
  decide(db, clock, { applicationId, decision: 'approve', ruleId: null }, approver, { policies });
  assert.throws(() => move('1001'), refusal('errors.reviewClosed'));
});
