// An officer's decision on a review (approve / refuse citing a rule / ask for information): the review row, its audit
// row and the call to the province, in one transaction.
import { appendAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { PolicySet } from '../policy/schema.js';
import { decisionKey } from '../province/client.js';
import type { Officer } from '../staff/officers.js';
import { enqueue } from '../sync/outbox.js';
import { holdsRole } from './assign.js';
import { DecideInputSchema, type DecideInput } from './queue/schema.js';
import { policyById } from './review-store.js';

/**
 * Records `input` by `by` and queues it for the province. approve / refuse close the review and drop the declaration
 * and answers (the province keeps the record); ask-info keeps it open as 'info-requested' — the SLA clock runs on.
 * The outbox key is decisionKey(applicationId, body), so a resend can never decide twice.
 * Throws KioskError: forbidden (errors.roleMissing) without approver or community-head; invalid-input
 * (errors.invalidInput) for a bad input or a rule on approve / ask-info; invalid-input (errors.ruleNotInPolicy) for a
 * refusal without a rule of the application's policy; not-found (errors.reviewNotFound); conflict (errors.reviewClosed).
 */
export function decide(db: Db, clock: Clock, input: DecideInput, by: Officer, ctx: { policies: PolicySet }): void {
  if (!by.active || !holdsRole(by, 'approver', 'community-head'))
    throw new KioskError('forbidden', 'errors.roleMissing', { role: 'approver' });
  const parsed = DecideInputSchema.safeParse(input);
  if (!parsed.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const { applicationId, decision, ruleId } = parsed.data;
  if (decision !== 'refuse' && ruleId !== null) throw new KioskError('invalid-input', 'errors.invalidInput');

  db.transaction(() => {
    const now = clock.now();
    const row = prepared(
      db,
      `SELECT r.state, r.policy_id, a.applicant_key FROM review r JOIN application a ON a.application_id = r.application_id
        WHERE r.application_id = ?`,
    ).get(applicationId) as { state: string; policy_id: string; applicant_key: string } | undefined;
    if (row === undefined) throw new KioskError('not-found', 'errors.reviewNotFound');
    if (row.state !== 'open' && row.state !== 'info-requested') throw new KioskError('conflict', 'errors.reviewClosed');
    if (decision === 'refuse') {
      const rules = policyById(ctx.policies, row.policy_id).rules;
      if (ruleId === null || !rules.some((rule) => rule.id === ruleId)) {
        throw new KioskError('invalid-input', 'errors.ruleNotInPolicy', { policyId: row.policy_id });
      }
    }
    const decidedAt = now.toISOString();
    if (decision === 'ask-info') {
      prepared(db, `UPDATE review SET state = 'info-requested' WHERE application_id = ?`).run(applicationId);
    } else {
      prepared(
        db,
        `UPDATE review SET state = 'decided', decision = ?, decision_rule = ?, decided_by = ?, decided_at = ?,
           declaration = NULL, answers = NULL, next_step_at = NULL
         WHERE application_id = ?`,
      ).run(decision, ruleId, by.staffNo, decidedAt, applicationId);
    }
    appendAudit(db, {
      at: now,
      actor: by.staffNo,
      action: decision === 'ask-info' ? 'review.info-requested' : 'review.decided',
      subject: `application:${applicationId}`,
      detail: { decision, rule: ruleId, officer: by.staffNo },
    });
    const body = { decision, officerStaffNo: by.staffNo, ruleId, decidedAt };
    enqueue(db, clock, {
      kind: 'send-decision',
      applicantKey: row.applicant_key,
      applicationId,
      idempotencyKey: decisionKey(applicationId, body),
      body,
    });
  }).immediate();
}
