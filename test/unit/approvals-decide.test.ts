// Decisions: approve / refuse citing a rule of the application's policy / ask for information; the review row, the
// audit row and the outbox row in one transaction; refusals with their keys and nothing written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outboxBody } from '../../electron/core/sync/outbox.js';
import { decide } from '../../electron/core/approvals/decide.js';
import { queuePage, reviewDetail } from '../../electron/core/approvals/review-store.js';
import { KioskError } from '../../electron/core/errors.js';
import { decisionKey } from '../../electron/core/province/client.js';
import { addStaff, audits, count, policies, reviewSetup, submitForReview } from '../helpers/approvals-fixtures.js';

const refusal = (key: string) => (error: unknown) => error instanceof KioskError && error.key === key;

function setup(t: Parameters<typeof reviewSetup>[0]) {
  const { db, clock } = reviewSetup(t);
  const approver = addStaff(db, '1001', ['approver']);
  const clerk = addStaff(db, '1002', ['officer']);
  const head = addStaff(db, '0999', ['community-head']);
  const { applicationId } = submitForReview(db, clock, { channel: 'online' });
  clock.advance(30 * 60_000);
  const ctx = { staffNo: '1001', now: clock.now(), policies };
  const outbox = () =>
    db.prepare(`SELECT kind, applicant_key, idempotency_key, target_id, body FROM outbox ORDER BY seq`).all() as {
      kind: string;
      applicant_key: string;
      idempotency_key: string;
      target_id: string;
      body: string;
    }[];
  return { db, clock, approver, clerk, head, applicationId, ctx, outbox };
}

test('approve: closed with officer and time, declaration dropped, audit row, one send-decision with a decision key', (t) => {
  const { db, clock, approver, applicationId, ctx, outbox } = setup(t);
  decide(db, clock, { applicationId, decision: 'approve', ruleId: null }, approver, { policies });
  const row = db
    .prepare('SELECT state, decision, decision_rule, decided_by, decided_at, declaration, answers, next_step_at FROM review')
    .get();
  assert.deepEqual(row, {
    state: 'decided',
    decision: 'approve',
    decision_rule: null,
    decided_by: '1001',
    decided_at: '2026-11-27T01:30:00.000Z',
    declaration: null,
    answers: null,
    next_step_at: null,
  });
  const body = { decision: 'approve', officerStaffNo: '1001', ruleId: null, decidedAt: '2026-11-27T01:30:00.000Z' };
  const [item] = outbox();
  assert.equal(item!.kind, 'send-decision');
  assert.equal(item!.target_id, applicationId);
  assert.deepEqual(outboxBody(db, item!), body);
  assert.equal(item!.idempotency_key, decisionKey(applicationId, body));
  assert.equal(item!.applicant_key, (db.prepare('SELECT applicant_key FROM application').get() as { applicant_key: string }).applicant_key);
  assert.deepEqual(audits(db, 'review.decided'), [
    { actor: '1001', subject: `application:${applicationId}`, detail: { decision: 'approve', rule: null, officer: '1001' } },
  ]);
  assert.equal(queuePage(db, { scope: 'team', page: 0, pageSize: 50 }, ctx).total, 0);
  const detail = reviewDetail(db, applicationId, ctx);
  assert.equal(detail.declaration, null);
  assert.equal(detail.item.state, 'decided');
  assert.deepEqual(
    detail.history.map((e) => [e.kind, e.officer?.staffNo ?? null, e.detail]),
    [
      ['assigned', '1001', 'working'],
      ['decided', '1001', 'approve'],
    ],
  );
  // Closed for good: a second decision is refused and writes nothing.
  assert.throws(
    () => decide(db, clock, { applicationId, decision: 'refuse', ruleId: 'SD-0327-1' }, approver, { policies }),
    refusal('errors.reviewClosed'),
  );
  assert.equal(count(db, 'outbox'), 1);
});

test("refuse must cite a rule of the application's policy (a review rule counts); the rule travels to the province", (t) => {
  const { db, clock, approver, applicationId, outbox } = setup(t);
  const refuse = (ruleId: string | null) => decide(db, clock, { applicationId, decision: 'refuse', ruleId }, approver, { policies });
  assert.throws(() => refuse(null), refusal('errors.ruleNotInPolicy'));
  assert.throws(() => refuse('SD-0304-1'), refusal('errors.ruleNotInPolicy'), 'a rule of another policy version');
  assert.throws(() => refuse('XX-1'), refusal('errors.ruleNotInPolicy'));
  assert.equal(count(db, 'outbox') + count(db, `audit WHERE action LIKE 'review.decided'`), 0);
  refuse('SD-0327-3');
  assert.deepEqual(db.prepare('SELECT state, decision, decision_rule FROM review').get(), {
    state: 'decided',
    decision: 'refuse',
    decision_rule: 'SD-0327-3',
  });
  assert.equal((outboxBody(db, outbox()[0]!) as { ruleId: string }).ruleId, 'SD-0327-3');
});

test('ask-info keeps the item open (info-requested) with its declaration; it can then be approved', (t) => {
  const { db, clock, approver, applicationId, ctx, outbox } = setup(t);
  decide(db, clock, { applicationId, decision: 'ask-info', ruleId: null }, approver, { policies });
  const page = queuePage(db, { scope: 'mine', page: 0, pageSize: 50 }, ctx);
  assert.equal(page.items[0]!.state, 'info-requested');
  assert.notEqual(reviewDetail(db, applicationId, ctx).declaration, null);
  assert.deepEqual(audits(db, 'review.info-requested')[0]!.detail, { decision: 'ask-info', rule: null, officer: '1001' });
  clock.advance(60_000);
  decide(db, clock, { applicationId, decision: 'approve', ruleId: null }, approver, { policies });
  assert.deepEqual(
    outbox().map((o) => (outboxBody(db, o) as { decision: string }).decision),
    ['ask-info', 'approve'],
  );
});

test('refusals: role, rule on approve, unknown review; a community head may decide', (t) => {
  const { db, clock, clerk, head, applicationId } = setup(t);
  assert.throws(
    () => decide(db, clock, { applicationId, decision: 'approve', ruleId: null }, clerk, { policies }),
    refusal('errors.roleMissing'),
  );
  assert.throws(
    () => decide(db, clock, { applicationId, decision: 'approve', ruleId: 'SD-0327-1' }, head, { policies }),
    refusal('errors.invalidInput'),
  );
  assert.throws(
    () => decide(db, clock, { applicationId: crypto.randomUUID(), decision: 'approve', ruleId: null }, head, { policies }),
    refusal('errors.reviewNotFound'),
  );
  assert.equal(count(db, 'outbox'), 0);
  decide(db, clock, { applicationId, decision: 'approve', ruleId: null }, head, { policies });
  assert.equal(count(db, 'outbox'), 1);
});
