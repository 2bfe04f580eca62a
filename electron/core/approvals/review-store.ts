// The review table: opening a review in the submission's transaction, and the queue pages and decision screen.
import { openReviewDeclaration, openReviewAnswers, sealReviewDeclaration, sealReviewAnswers } from './review-declaration.js';
import { z } from 'zod';
import { DeclarationSchema, type Declaration } from '../applications/schema.js';
import { appendAudit } from '../audit/log.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { AnswersSchema, CitationSchema, type Answers, type Policy, type PolicySet } from '../policy/schema.js';
import { maskName } from '../privacy/mask.js';
import type { QueueItem, QueuePage, QueueQuery, ReviewDetail, ReviewEvent, ReviewSource, SlaLevel, OfficerRef } from './queue/schema.js';
import { pickAssignee } from './assign.js';
import { calendarFor } from './calendars.js';
import { OPEN_STATES } from './scheduler.js';
import { slaFor, type EscalationTarget, type SlaDeadlines } from './sla.js';

export interface OpenReviewInput {
  applicationId: string;
  source: ReviewSource;
  channel: 'offline' | 'online';
  submittedAt: Date;
  declaration: Declaration;
  answers: Answers;
  policy: Policy;
  hallId: string;
  now: Date;
}

/** One SLA step the scheduler records (stored per review when it opens, so a later file never moves it). */
export interface StoredStep {
  at: string;
  kind: 'warned' | 'overdue' | 'escalated';
  /** warned: the fraction ('0.5'); overdue: '1'; escalated: fraction or 'autoDefault', then the target ('1:backup'). */
  step: string;
  to?: EscalationTarget;
}

/** At one instant: warn, then record the breach, then escalate (the backup step happens *because* it is overdue). */
const kindOrder: Record<StoredStep['kind'], number> = { warned: 0, overdue: 1, escalated: 2 };

/** The steps of a review in the order the scheduler records them. */
export function stepsOf(deadlines: SlaDeadlines): StoredStep[] {
  const iso = (at: Date) => at.toISOString();
  const steps: StoredStep[] = [
    ...deadlines.warnAt.map((at, i): StoredStep => ({ at: iso(at), kind: 'warned', step: String(deadlines.warnFractions[i]) })),
    { at: iso(deadlines.dueAt), kind: 'overdue', step: '1' },
    ...deadlines.escalations.map((e): StoredStep => ({ at: iso(e.at), kind: 'escalated', step: `${e.step}:${e.to}`, to: e.to })),
  ];
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : kindOrder[a.kind] - kindOrder[b.kind]));
}

/**
 * Opens the review of an application the policy sent to review. Must run INSIDE the caller's transaction, right after
 * insertApplication: an application needing review without its review row (or the reverse) must never commit. An
 * offline application reaching review needs verification, so it runs on the 6 clock hours; online on working hours.
 */
export function openReview(db: Db, input: OpenReviewInput): { assignedTo: string | null } {
  if (!db.inTransaction) throw new Error('openReview must run inside the transaction that inserts the application');
  const deadlines = slaFor(
    { channel: input.channel, submittedAt: input.submittedAt, needsVerification: true },
    input.policy,
    calendarFor(input.policy),
  );
  if (deadlines.basis === 'immediate') throw new Error('openReview: a review always has a deadline');
  const assignedTo = pickAssignee(db, input.now);
  const iso = (at: Date) => at.toISOString();
  const steps = stepsOf(deadlines);
  prepared(
    db,
    `INSERT INTO review (application_id, source, basis, state, policy_id, submitted_at, due_at, warn_at, steps,
       auto_default_at, next_step_at, assigned_to, assigned_at, declaration, answers, hall_id)
     VALUES (@id, @source, @basis, 'open', @policyId, @submittedAt, @dueAt, @warnAt, @steps,
       @autoDefaultAt, @nextStepAt, @assignedTo, @assignedAt, @declaration, @answers, @hallId)`,
  ).run({
    id: input.applicationId,
    source: input.source,
    basis: deadlines.basis,
    policyId: input.policy.id,
    submittedAt: iso(input.submittedAt),
    dueAt: iso(deadlines.dueAt),
    warnAt: JSON.stringify(deadlines.warnAt.map(iso)),
    steps: JSON.stringify(steps),
    autoDefaultAt: deadlines.autoDefaultAt && iso(deadlines.autoDefaultAt),
    nextStepAt: steps[0]?.at ?? null,
    assignedTo,
    assignedAt: assignedTo === null ? null : iso(input.now),
    // The health declaration (with the phone number) waits here, sealed, until the decision drops it.
    declaration: sealReviewDeclaration(db, input.applicationId, DeclarationSchema.parse(input.declaration)),
    answers: sealReviewAnswers(db, input.applicationId, AnswersSchema.parse(input.answers)),
    hallId: input.hallId,
  });
  // The staff number only: whose queue it went to is the audit's business, not who the applicant is.
  appendAudit(db, {
    at: input.now,
    actor: 'system',
    action: 'review.assigned',
    subject: `application:${input.applicationId}`,
    detail: { assignedTo, dueAt: iso(deadlines.dueAt), basis: deadlines.basis },
  });
  return { assignedTo };
}

export interface QueueContext {
  staffNo: string;
  now: Date;
  policies: PolicySet;
}

interface ItemRow {
  application_id: string;
  ref: string;
  masked_name: string;
  masked_number: string;
  source: ReviewSource;
  basis: 'clock' | 'working';
  state: QueueItem['state'];
  policy_id: string;
  submitted_at: string;
  due_at: string;
  warn_at: string;
  auto_default_at: string | null;
  assigned_to: string | null;
  escalated_to: string | null;
}

const ITEM_COLUMNS = `r.application_id, a.ref, a.masked_name, a.masked_number, r.source, r.basis, r.state, r.policy_id,
  r.submitted_at, r.due_at, r.warn_at, r.auto_default_at, r.assigned_to, r.escalated_to`;

/** Masked names of every officer (a hall has a handful): one read per page instead of one per item. */
function officerNames(db: Db): Map<string, string> {
  const rows = prepared(db, 'SELECT staff_no, name FROM officer').all() as { staff_no: string; name: string }[];
  return new Map(rows.map((row) => [row.staff_no, maskName(row.name)]));
}

/** An officer as the queue shows them; an officer since removed (a demo account) still shows by staff number. */
const refOf = (names: Map<string, string>, staffNo: string | null): OfficerRef | null =>
  staffNo === null ? null : { staffNo, maskedName: names.get(staffNo) ?? '*' };

export function policyById(policies: PolicySet, policyId: string): Policy {
  const policy = policies.policies.find((p) => p.id === policyId);
  // A policy file removed while its reviews are open: the kiosk cannot explain their deadlines, so it says so.
  if (policy === undefined) throw new KioskError('unavailable', 'errors.policyMissing', { policyId });
  return policy;
}

function itemOf(row: ItemRow, now: Date, policies: PolicySet, names: Map<string, string>): QueueItem {
  const t = now.getTime();
  const due = Date.parse(row.due_at);
  const warnAt = z.array(z.string()).parse(JSON.parse(row.warn_at));
  const warnings = warnAt.filter((at) => Date.parse(at) <= t).length;
  const overdue = t > due;
  const level: SlaLevel = overdue ? 'overdue' : warnings >= 2 ? 'red' : warnings === 1 ? 'yellow' : 'ok';
  let remainingMs: number;
  let ticking: boolean;
  if (row.basis === 'working') {
    const calendar = calendarFor(policyById(policies, row.policy_id));
    remainingMs = calendar.workingTimeBetween(now, new Date(due));
    ticking = calendar.workingIntervals(now).some((slot) => slot.from.getTime() <= t && t < slot.to.getTime());
  } else {
    remainingMs = due - t;
    ticking = true;
  }
  // Past due but no working time since (due 17:00, now the evening): still overdue, and the contract says < 0.
  if (overdue && remainingMs >= 0) remainingMs = -1;
  return {
    applicationId: row.application_id,
    ref: row.ref,
    maskedName: row.masked_name,
    maskedNumber: row.masked_number,
    source: row.source,
    basis: row.basis,
    state: row.state,
    submittedAt: row.submitted_at,
    dueAt: row.due_at,
    warnAt,
    autoDefaultAt: row.auto_default_at,
    level,
    remainingMs: Math.round(remainingMs),
    ticking,
    assignedTo: refOf(names, row.assigned_to),
    escalatedTo: refOf(names, row.escalated_to),
  };
}

/** Staff numbers whose items are "mine" for `staffNo` now: their own, and those of officers away who delegated to them. */
function mineOwners(db: Db, staffNo: string, now: Date): string[] {
  const away = prepared(
    db,
    `SELECT staff_no FROM officer WHERE delegate_to = ? AND (on_duty = 0 OR (away_until IS NOT NULL AND away_until > ?))`,
  ).all(staffNo, now.toISOString()) as { staff_no: string }[];
  return [staffNo, ...away.map((row) => row.staff_no)];
}

/**
 * One page of a queue. Overdue first, then by deadline: an overdue item's deadline is already past, so this is one
 * ascending order on due_at (ties by application id, so pages never overlap). Served by the partial indexes of 0009.
 */
export function queuePage(db: Db, query: QueueQuery, ctx: QueueContext): QueuePage {
  const nowIso = ctx.now.toISOString();
  let where: string;
  let params: unknown[];
  switch (query.scope) {
    case 'team':
      where = `r.state IN ${OPEN_STATES}`;
      params = [];
      break;
    case 'overdue':
      where = `r.state IN ${OPEN_STATES} AND r.due_at < ?`;
      params = [nowIso];
      break;
    case 'mine':
      where = `r.state IN ${OPEN_STATES} AND (r.assigned_to IN (SELECT value FROM json_each(?)) OR r.escalated_to = ?)`;
      params = [JSON.stringify(mineOwners(db, ctx.staffNo, ctx.now)), ctx.staffNo];
      break;
  }
  const pageSize = query.pageSize ?? 50;
  const rows = prepared(
    db,
    `SELECT ${ITEM_COLUMNS} FROM review r JOIN application a ON a.application_id = r.application_id
      WHERE ${where} ORDER BY r.due_at, r.application_id LIMIT ? OFFSET ?`,
  ).all(...params, pageSize, (query.page ?? 0) * pageSize) as ItemRow[];
  const total = (prepared(db, `SELECT count(*) AS n FROM review r WHERE ${where}`).get(...params) as { n: number }).n;
  const names = officerNames(db);
  return { items: rows.map((row) => itemOf(row, ctx.now, ctx.policies, names)), total, asOf: nowIso };
}

/** One queue item (after a reassignment or decision); not-found (errors.reviewNotFound) when there is no review. */
export function queueItemOf(db: Db, applicationId: string, ctx: { now: Date; policies: PolicySet }): QueueItem {
  const row = prepared(
    db,
    `SELECT ${ITEM_COLUMNS} FROM review r JOIN application a ON a.application_id = r.application_id WHERE r.application_id = ?`,
  ).get(applicationId) as ItemRow | undefined;
  if (row === undefined) throw new KioskError('not-found', 'errors.reviewNotFound');
  return itemOf(row, ctx.now, ctx.policies, officerNames(db));
}

const JsonObject = z.record(z.string(), z.unknown());
const CitationsSchema = z.array(CitationSchema);

/** Audit actions that appear in a review's history (the scheduler's steps come from sla_event instead). */
const historyActions: Record<string, ReviewEvent['kind']> = {
  'review.assigned': 'assigned',
  'review.reassigned': 'reassigned',
  'review.decided': 'decided',
  'review.info-requested': 'info-requested',
};

/** The decision screen of one application. Throws KioskError not-found (errors.reviewNotFound). */
export function reviewDetail(db: Db, applicationId: string, ctx: QueueContext): ReviewDetail {
  const item = queueItemOf(db, applicationId, ctx);
  const row = prepared(
    db,
    `SELECT r.policy_id, r.declaration, r.answers, a.citations, a.proxy_kind, a.proxy_masked_name, a.proxy_relationship
       FROM review r JOIN application a ON a.application_id = r.application_id WHERE r.application_id = ?`,
  ).get(applicationId) as {
    policy_id: string;
    declaration: string | null;
    answers: string | null;
    citations: string;
    proxy_kind: 'family' | 'staff' | 'batch' | null;
    proxy_masked_name: string | null;
    proxy_relationship: string | null;
  };
  const policy = policyById(ctx.policies, row.policy_id);
  const names = officerNames(db);
  return {
    item,
    declaration: row.declaration === null ? null : openReviewDeclaration(db, applicationId, row.declaration),
    answers: row.answers === null ? null : openReviewAnswers(db, applicationId, row.answers),
    citations: CitationsSchema.parse(JSON.parse(row.citations)),
    policyId: policy.id,
    // An officer may refuse citing any rule of the policy, a review rule included (the check found the reason true).
    refusableRules: policy.rules.map((rule) => ({ id: rule.id, effect: rule.effect, sentence: rule.sentence })),
    // The relationship is the policy's code (familyRelationships): the screen shows its label.
    proxy:
      row.proxy_kind === null ? null : { kind: row.proxy_kind, maskedName: row.proxy_masked_name, relationship: row.proxy_relationship },
    history: reviewHistory(db, applicationId, names),
  };
}

function reviewHistory(db: Db, applicationId: string, names: Map<string, string>): ReviewEvent[] {
  const audits = prepared(db, `SELECT at, actor, action, detail FROM audit WHERE subject = ? ORDER BY seq`).all(
    `application:${applicationId}`,
  ) as { at: string; actor: string | null; action: string; detail: string }[];
  const events: ReviewEvent[] = [];
  for (const audit of audits) {
    const kind = historyActions[audit.action];
    if (kind === undefined) continue;
    const detail = JsonObject.parse(JSON.parse(audit.detail));
    const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);
    const officer =
      kind === 'assigned' ? text('assignedTo') : kind === 'reassigned' ? text('to') : audit.actor === 'system' ? null : audit.actor;
    const about =
      kind === 'decided'
        ? [text('decision'), text('rule')].filter((part) => part !== null).join(' ')
        : kind === 'assigned'
          ? text('basis')
          : null;
    events.push({ kind, at: audit.at, officer: refOf(names, officer), detail: about });
  }
  // In the order they were recorded: by firing time, then scheduled instant, then warn → breach → escalate.
  const fired = prepared(
    db,
    `SELECT kind, step, fired_at, staff_no FROM sla_event WHERE application_id = ?
      ORDER BY fired_at, due_at, CASE kind WHEN 'warned' THEN 0 WHEN 'overdue' THEN 1 WHEN 'escalated' THEN 2 ELSE 3 END`,
  ).all(applicationId) as {
    kind: 'warned' | 'escalated' | 'overdue' | 'auto-defaulted';
    step: string;
    fired_at: string;
    staff_no: string | null;
  }[];
  for (const event of fired)
    events.push({ kind: event.kind, at: event.fired_at, officer: refOf(names, event.staff_no), detail: event.step });
  // Stable: same-instant events keep audit order, then SLA records.
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
