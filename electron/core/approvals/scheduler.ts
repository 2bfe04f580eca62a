// The SLA scheduler: records each due warning, escalation and breach exactly once (sla_event's primary key), the
// province's auto-default once, and the facts a timeout-default notice prints.
import { z } from 'zod';
import { appendAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { PolicySet } from '../policy/schema.js';
import { maskName } from '../privacy/mask.js';
import type { ApplicationView } from '../province/schema.js';
import { readCodeStatus } from '../sync/code-status.js';
import type { OfficerRef } from './queue/schema.js';
import type { StoredStep } from './review-store.js';

// This module imports no schema beyond the audit's: the crash test starts it hundreds of times, and the app's
// scheduler tick should not pull the queue's and policy's schemas in either.

/** The states in which a review waits for an officer (SQL list). */
export const OPEN_STATES = `('open', 'info-requested')`;

/**
 * A community head for escalations: one present now (on duty, not away) if any, else any active one; lowest staff
 * number first; or null.
 */
export function communityHead(db: Db, now: Date): string | null {
  const row = prepared(
    db,
    `SELECT staff_no FROM officer WHERE active = 1 AND (' ' || roles || ' ') LIKE '% community-head %'
      ORDER BY (on_duty = 1 AND (away_until IS NULL OR away_until <= ?)) DESC, staff_no LIMIT 1`,
  ).get(now.toISOString()) as { staff_no: string } | undefined;
  return row?.staff_no ?? null;
}

export type SlaEventKind = 'warned' | 'escalated' | 'overdue' | 'auto-defaulted';

export interface FiredEvent {
  applicationId: string;
  ref: string;
  kind: SlaEventKind;
  /** warned: '0.5'; escalated: '0.9:officer', 'autoDefault:report' …; overdue: '1'; auto-defaulted: 'autoDefault'. */
  step: string;
  /** Whom it concerns; null for a report (通报) or when nobody could be named. */
  staffNo: string | null;
}

interface ReviewRow {
  application_id: string;
  ref: string;
  state: string;
  steps: string;
  assigned_to: string | null;
}

const StepsSchema = z.array(
  z.object({
    at: z.string(),
    kind: z.enum(['warned', 'overdue', 'escalated']),
    step: z.string(),
    to: z.enum(['officer', 'backup', 'community-head', 'report']).optional(),
  }),
);

/** Whom a step concerns, read at the moment it fires (duty and backups change; the record keeps who it was then). */
function targetOf(db: Db, step: StoredStep, row: ReviewRow, now: Date): string | null {
  if (step.kind !== 'escalated') return row.assigned_to;
  switch (step.to) {
    case 'officer':
      return row.assigned_to ?? communityHead(db, now);
    case 'backup': {
      const backup =
        row.assigned_to === null
          ? undefined
          : (prepared(
              db,
              `SELECT b.staff_no FROM officer o JOIN officer b ON b.staff_no = o.backup_staff_no WHERE o.staff_no = ? AND b.active = 1`,
            ).get(row.assigned_to) as { staff_no: string } | undefined);
      return backup?.staff_no ?? communityHead(db, now);
    }
    case 'community-head':
      return communityHead(db, now);
    default:
      return null;
  }
}

/**
 * Records the earliest unrecorded step of one review if it is due at `now`, in its own IMMEDIATE transaction:
 * sla_event row + audit row + escalated_to + next_step_at commit together or not at all. Returns null when nothing
 * of this review is due (and moves next_step_at to the next unrecorded step).
 */
function fireNext(db: Db, clock: Clock, applicationId: string): FiredEvent | null {
  return db
    .transaction((): FiredEvent | null => {
      const now = clock.now();
      const nowIso = now.toISOString();
      const row = prepared(
        db,
        `SELECT r.application_id, a.ref, r.state, r.steps, r.assigned_to
           FROM review r JOIN application a ON a.application_id = r.application_id WHERE r.application_id = ?`,
      ).get(applicationId) as ReviewRow | undefined;
      if (row === undefined || (row.state !== 'open' && row.state !== 'info-requested')) return null;
      const recorded = new Set(
        (
          prepared(db, 'SELECT kind, step FROM sla_event WHERE application_id = ?').all(applicationId) as { kind: string; step: string }[]
        ).map((e) => `${e.kind}|${e.step}`),
      );
      // Stored in the order they are recorded (review-store.ts stepsOf).
      const pending = StepsSchema.parse(JSON.parse(row.steps)).filter((s) => !recorded.has(`${s.kind}|${s.step}`));
      const next = pending[0];
      if (next === undefined || next.at > nowIso) {
        // A clock stepped back fires nothing and un-fires nothing: only the pointer to the next step is refreshed.
        prepared(db, 'UPDATE review SET next_step_at = ? WHERE application_id = ?').run(next?.at ?? null, applicationId);
        return null;
      }
      const staffNo = targetOf(db, next, row, now);
      const inserted = prepared(
        db,
        `INSERT OR IGNORE INTO sla_event (application_id, kind, step, due_at, fired_at, staff_no) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(applicationId, next.kind, next.step, next.at, nowIso, staffNo);
      if (inserted.changes === 0) return null; // cannot happen inside IMMEDIATE, but never audit a step twice
      if (next.kind === 'escalated' && (next.to === 'backup' || next.to === 'community-head') && staffNo !== null) {
        prepared(db, 'UPDATE review SET escalated_to = ? WHERE application_id = ?').run(staffNo, applicationId);
      }
      prepared(db, 'UPDATE review SET next_step_at = ? WHERE application_id = ?').run(pending[1]?.at ?? null, applicationId);
      appendAudit(db, {
        at: now,
        actor: 'system',
        action: `review.${next.kind}`,
        subject: `application:${applicationId}`,
        detail: { step: next.step, staffNo, dueAt: next.at },
      });
      return { applicationId, ref: row.ref, kind: next.kind, step: next.step, staffNo };
    })
    .immediate();
}

/**
 * Records every SLA step due at the clock's now that is not yet recorded, each once and in its own small
 * transaction, so a crash loses at most the step being written (and the next run writes it). A clock stepped
 * forward fires every missed step once; stepped back, it fires nothing and un-fires nothing. `ctx` is accepted for
 * the app's wiring: the steps were fixed when each review opened, so a policy file changed since never moves them.
 */
export function runScheduler(db: Db, clock: Clock, _ctx?: { policies: PolicySet }): FiredEvent[] {
  const fired: FiredEvent[] = [];
  const due = prepared(
    db,
    `SELECT application_id FROM review WHERE state IN ${OPEN_STATES} AND next_step_at IS NOT NULL AND next_step_at <= ?
      ORDER BY next_step_at, application_id`,
  );
  const ids = (due.all(clock.now().toISOString()) as { application_id: string }[]).map((row) => row.application_id);
  for (const id of ids) {
    for (let event = fireNext(db, clock, id); event !== null; event = fireNext(db, clock, id)) fired.push(event);
  }
  return fired;
}

/**
 * The province issued green by itself (a view with reasonCode 'auto-default'): closes the review if it was not
 * decided, drops the declaration, and records the breach against the assigned officer and the hall, once. Returns
 * the record, or null when there is nothing (left) to record.
 */
export function recordAutoDefault(db: Db, clock: Clock, view: ApplicationView): FiredEvent | null {
  if (view.reasonCode !== 'auto-default') return null;
  return db
    .transaction((): FiredEvent | null => {
      const now = clock.now();
      const row = prepared(
        db,
        `SELECT r.state, r.assigned_to, r.auto_default_at, r.hall_id, a.ref
           FROM review r JOIN application a ON a.application_id = r.application_id WHERE r.application_id = ?`,
      ).get(view.applicationId) as
        { state: string; assigned_to: string | null; auto_default_at: string | null; hall_id: string; ref: string } | undefined;
      if (row === undefined || (row.state !== 'open' && row.state !== 'info-requested')) return null;
      const dueAt = row.auto_default_at ?? new Date(view.statusAsOf).toISOString();
      const inserted = prepared(
        db,
        `INSERT OR IGNORE INTO sla_event (application_id, kind, step, due_at, fired_at, staff_no)
           VALUES (?, 'auto-defaulted', 'autoDefault', ?, ?, ?)`,
      ).run(view.applicationId, dueAt, now.toISOString(), row.assigned_to);
      if (inserted.changes === 0) return null;
      prepared(
        db,
        `UPDATE review SET state = 'auto-defaulted', declaration = NULL, answers = NULL, next_step_at = NULL WHERE application_id = ?`,
      ).run(view.applicationId);
      appendAudit(db, {
        at: now,
        actor: 'system',
        action: 'review.auto-defaulted',
        subject: `application:${view.applicationId}`,
        detail: { staffNo: row.assigned_to, hallId: row.hall_id, dueAt },
      });
      return { applicationId: view.applicationId, ref: row.ref, kind: 'auto-defaulted', step: 'autoDefault', staffNo: row.assigned_to };
    })
    .immediate();
}

/** What the timeout-default notice (超时默认通知书) prints, but the hall's name, the community wording and the reprint number. */
export interface TimeoutNoticeFacts {
  applicationRef: string;
  maskedName: string;
  maskedNumber: string;
  submittedAt: string;
  dueAt: string;
  autoDefaultAt: string;
  issuedStatus: 'PENDING' | 'GREEN' | 'YELLOW' | 'RED';
  /** The officer the breach is recorded against; null when the item was never assigned (the community bears it). */
  officer: OfficerRef | null;
  hallId: string;
}

/** Throws KioskError not-found (errors.reviewNotFound), conflict (errors.notAutoDefaulted) when it was not. */
export function timeoutNoticeFacts(db: Db, applicationId: string): TimeoutNoticeFacts {
  const row = prepared(
    db,
    `SELECT a.ref, a.masked_name, a.masked_number, r.submitted_at, r.due_at, r.hall_id, e.due_at AS defaulted_at,
            e.staff_no, o.name AS officer_name
       FROM review r JOIN application a ON a.application_id = r.application_id
       LEFT JOIN sla_event e ON e.application_id = r.application_id AND e.kind = 'auto-defaulted'
       LEFT JOIN officer o ON o.staff_no = e.staff_no
      WHERE r.application_id = ?`,
  ).get(applicationId) as
    | {
        ref: string;
        masked_name: string;
        masked_number: string;
        submitted_at: string;
        due_at: string;
        hall_id: string;
        defaulted_at: string | null;
        staff_no: string | null;
        officer_name: string | null;
      }
    | undefined;
  if (row === undefined) throw new KioskError('not-found', 'errors.reviewNotFound');
  if (row.defaulted_at === null) throw new KioskError('conflict', 'errors.notAutoDefaulted');
  const status = readCodeStatus(db, applicationId)?.status;
  return {
    applicationRef: row.ref,
    maskedName: row.masked_name,
    maskedNumber: row.masked_number,
    submittedAt: row.submitted_at,
    dueAt: row.due_at,
    autoDefaultAt: row.defaulted_at,
    // The 03-04 rule issues green; a later status (a RED after a report) is what the notice must state.
    issuedStatus: status === 'GREEN' || status === 'YELLOW' || status === 'RED' ? status : 'GREEN',
    officer:
      row.staff_no === null ? null : { staffNo: row.staff_no, maskedName: row.officer_name === null ? '*' : maskName(row.officer_name) },
    hallId: row.hall_id,
  };
}
