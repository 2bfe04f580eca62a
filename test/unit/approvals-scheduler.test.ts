// The SLA scheduler: each warning, escalation and breach recorded once with its audit row, none before its time, a
// clock stepped back fires nothing, stepped forward fires every missed step once; escalation targets; auto-default.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide } from '../../electron/core/approvals/decide.js';
import { queuePage, reviewDetail } from '../../electron/core/approvals/review-store.js';
import { recordAutoDefault, runScheduler, timeoutNoticeFacts } from '../../electron/core/approvals/scheduler.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { KioskError } from '../../electron/core/errors.js';
import type { ApplicationView } from '../../electron/core/province/schema.js';
import { applyView } from '../../electron/core/sync/code-status.js';
import { addStaff, bj, count, HALL, policies, reviewSetup, submitForReview } from '../helpers/approvals-fixtures.js';

const fired = (events: { kind: string; step: string; staffNo: string | null }[]) => events.map((e) => `${e.kind} ${e.step} ${e.staffNo}`);

test('offline review: warnings, reminder, breach and backup, each once and only when due; the clock may step back', (t) => {
  const { db, clock } = reviewSetup(t); // Friday 09:00: due 15:00, warned 12:00 and 14:24
  addStaff(db, '1001', ['approver'], { backup: '1002' });
  addStaff(db, '1002', ['approver'], { onDuty: false });
  addStaff(db, '0999', ['community-head']);
  const { applicationId } = submitForReview(db, clock);
  const at = (when: string) => {
    clock.set(bj(when).getTime());
    return fired(runScheduler(db, clock, { policies }));
  };
  assert.deepEqual(at('2026-11-27 11:59'), []);
  assert.deepEqual(at('2026-11-27 12:00'), ['warned 0.5 1001']);
  assert.deepEqual(at('2026-11-27 12:00'), []);
  // The clock steps back an hour: nothing fires and nothing is un-fired.
  assert.deepEqual(at('2026-11-27 11:00'), []);
  assert.equal(count(db, 'sla_event'), 1);
  // Forward past everything: the missed steps fire once, in order; the backup takes it (escalated_to).
  assert.deepEqual(at('2026-11-27 20:00'), ['warned 0.9 1001', 'escalated 0.9:officer 1001', 'overdue 1 1001', 'escalated 1:backup 1002']);
  assert.deepEqual(at('2026-11-28 20:00'), [], 'offline has no auto-default steps');
  const rows = db.prepare('SELECT kind, step, due_at, fired_at, staff_no FROM sla_event ORDER BY due_at, kind').all();
  assert.deepEqual(rows[0], {
    kind: 'warned',
    step: '0.5',
    due_at: bj('2026-11-27 12:00').toISOString(),
    fired_at: bj('2026-11-27 12:00').toISOString(),
    staff_no: '1001',
  });
  assert.ok(rows.every((row) => (row as { fired_at: string }).fired_at >= (row as { due_at: string }).due_at));
  // One audit row per record, and the chain holds.
  const audit = db
    .prepare(`SELECT action, detail FROM audit WHERE action IN ('review.warned', 'review.escalated', 'review.overdue')`)
    .all() as {
    action: string;
    detail: string;
  }[];
  assert.deepEqual(
    audit.map((a) => `${a.action.slice(7)} ${JSON.parse(a.detail).step}`).sort(),
    (db.prepare('SELECT kind, step FROM sla_event').all() as { kind: string; step: string }[]).map((e) => `${e.kind} ${e.step}`).sort(),
  );
  assert.equal(verifyAuditChain(db).ok, true);
  // Escalated to 1002: it is in 1002's own queue now, and the history shows every step.
  const mine = queuePage(db, { scope: 'mine', page: 0, pageSize: 50 }, { staffNo: '1002', now: clock.now(), policies });
  assert.deepEqual(
    mine.items.map((i) => [i.applicationId, i.escalatedTo?.staffNo]),
    [[applicationId, '1002']],
  );
  const history = reviewDetail(db, applicationId, { staffNo: '1002', now: clock.now(), policies }).history.map(
    (e) => `${e.kind} ${e.detail}`,
  );
  assert.deepEqual(history, ['assigned clock', 'warned 0.5', 'warned 0.9', 'escalated 0.9:officer', 'overdue 1', 'escalated 1:backup']);
});

test('online review: the auto-default steps go to the community head and the report; decided items stop firing', (t) => {
  const { db, clock } = reviewSetup(t);
  addStaff(db, '0999', ['community-head']);
  const approver = addStaff(db, '1001', ['approver']);
  // Nobody present at 09:00 → unassigned: the reminder and the backup step go to the community head.
  db.prepare(`UPDATE officer SET on_duty = 0 WHERE staff_no = '1001'`).run();
  const first = submitForReview(db, clock, { channel: 'online' }); // due Fri 16:30, auto-default Sat 18:00
  db.prepare(`UPDATE officer SET on_duty = 1 WHERE staff_no = '1001'`).run();
  const second = submitForReview(db, clock, { channel: 'online' });
  assert.deepEqual([first.assignedTo, second.assignedTo], [null, '1001']);
  clock.set(bj('2026-11-27 12:00').getTime()); // 50% (3 working hours) is 12:00
  runScheduler(db, clock);
  decide(db, clock, { applicationId: second.applicationId, decision: 'approve', ruleId: null }, approver, { policies });
  clock.set(bj('2026-11-30 09:00').getTime()); // long after Saturday 18:00
  const events = runScheduler(db, clock);
  assert.ok(events.every((e) => e.applicationId === first.applicationId && e.ref.startsWith('MSB-')));
  assert.deepEqual(fired(events), [
    'warned 0.9 null',
    'escalated 0.9:officer 0999',
    'overdue 1 null',
    'escalated 1:backup 0999',
    'escalated autoDefault:community-head 0999',
    'escalated autoDefault:report null',
  ]);
  assert.equal(count(db, `sla_event WHERE application_id = ?`, second.applicationId), 1, 'only the 50% warning before the decision');
});

const autoDefaultView = (applicationId: string, reasonCode = 'auto-default'): ApplicationView => ({
  applicationId,
  status: 'GREEN',
  reasonCode,
  statusAsOf: bj('2026-11-28 18:00').toISOString(),
  reviewDueAt: null,
  code: null,
});

test('auto-default: recorded once against the assigned officer and the hall; the review closes; the notice facts', (t) => {
  const { db, clock } = reviewSetup(t);
  addStaff(db, '1001', ['approver'], { name: '王小明' });
  const { applicationId } = submitForReview(db, clock, { channel: 'online' });
  assert.throws(
    () => timeoutNoticeFacts(db, applicationId),
    (error: unknown) => error instanceof KioskError && error.key === 'errors.notAutoDefaulted',
  );
  clock.set(bj('2026-11-28 18:05').getTime());
  assert.equal(recordAutoDefault(db, clock, autoDefaultView(applicationId, 'SD-0327-1')), null, 'not an auto-default view');
  applyView(db, clock, autoDefaultView(applicationId));
  const event = recordAutoDefault(db, clock, autoDefaultView(applicationId));
  assert.deepEqual(event && [event.kind, event.step, event.staffNo], ['auto-defaulted', 'autoDefault', '1001']);
  assert.equal(recordAutoDefault(db, clock, autoDefaultView(applicationId)), null, 'exactly once');
  assert.deepEqual(db.prepare('SELECT state, declaration, answers, next_step_at FROM review').get(), {
    state: 'auto-defaulted',
    declaration: null,
    answers: null,
    next_step_at: null,
  });
  const audit = db.prepare(`SELECT actor, detail FROM audit WHERE action = 'review.auto-defaulted'`).all() as { detail: string }[];
  assert.equal(audit.length, 1);
  assert.deepEqual(JSON.parse(audit[0]!.detail), { staffNo: '1001', hallId: HALL, dueAt: bj('2026-11-28 18:00').toISOString() });
  // The scheduler has nothing more for a closed review.
  assert.deepEqual(runScheduler(db, clock), []);
  assert.deepEqual(timeoutNoticeFacts(db, applicationId), {
    applicationRef: 'MSB-20261127-0001',
    maskedName: '张*',
    maskedNumber: '37**************1X',
    submittedAt: bj('2026-11-27 09:00').toISOString(),
    dueAt: bj('2026-11-27 16:30').toISOString(),
    autoDefaultAt: bj('2026-11-28 18:00').toISOString(),
    issuedStatus: 'GREEN',
    officer: { staffNo: '1001', maskedName: '王**' },
    hallId: HALL,
  });
});

test('auto-default of a decided review records nothing', (t) => {
  const { db, clock } = reviewSetup(t);
  const approver = addStaff(db, '1001', ['approver']);
  const { applicationId } = submitForReview(db, clock, { channel: 'online' });
  decide(db, clock, { applicationId, decision: 'approve', ruleId: null }, approver, { policies });
  assert.equal(recordAutoDefault(db, clock, autoDefaultView(applicationId)), null);
  assert.equal(count(db, 'sla_event'), 0);
});
