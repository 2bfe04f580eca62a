// The outbox: calls to the province written in the caller's transaction, then sent by the dispatcher in order.
import { prepared } from '../db/prepared.js';
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import { DecisionSchema, LossReportSchema, SubmitApplicationSchema, type LossReport, type SubmitApplication } from '../province/schema.js';
import type { z } from 'zod';
import { isSealedObject, openObject, sealObject } from '../privacy/sealed-json.js';

export type OutboxKind = 'submit-application' | 'send-decision' | 'report-loss';
export type OutboxState = 'pending' | 'done' | 'failed';

export type OutboxItem =
  | { kind: 'submit-application'; applicantKey: string; body: SubmitApplication }
  | { kind: 'send-decision'; applicantKey: string; applicationId: string; idempotencyKey: string; body: z.infer<typeof DecisionSchema> }
  | { kind: 'report-loss'; applicantKey: string; applicationId: string; idempotencyKey: string; body: LossReport };

export interface OutboxRow {
  seq: number;
  kind: OutboxKind;
  applicant_key: string;
  idempotency_key: string;
  target_id: string;
  body: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

/** Orders one person's items without the outbox holding their ID number: a keyed hash under a per-terminal key. */
export function applicantKey(idNumber: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(idNumber, 'utf8').digest('hex');
}

/**
 * Adds an item. Must run inside the caller's `db.transaction`, beside its domain and audit rows (DESIGN.md rule 2):
 * outside one, an application could be saved with no call queued, or a call queued for an application never saved.
 * A submission's idempotency key is its applicationId, so any resend of it is the same filing. The body carries the full
 * ID number and name: it is stored sealed (AES-256-GCM, bound to the idempotency key), so the db must be unlocked.
 */
export function enqueue(db: Db, clock: Clock, item: OutboxItem): number {
  if (!db.inTransaction) throw new Error('outbox.enqueue must run inside the transaction that writes the domain row');
  const now = clock.now();
  const [targetId, key, body] = checked(item);
  const result = prepared(
    db,
    `INSERT INTO outbox (kind, applicant_key, idempotency_key, target_id, body, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(item.kind, item.applicantKey, key, targetId, sealedBody(db, key, body), now.getTime(), now.toISOString());
  return Number(result.lastInsertRowid);
}

/** The body as stored: sealed, bound to the row's idempotency key. */
const sealedBody = (db: Db, idempotencyKey: string, body: unknown): string => sealObject(db, 'outbox-body', body, idempotencyKey);

/**
 * The request body of a pending or failed item, opened. A body written before bodies were sealed (a plain JSON
 * object) is read as it is; `sealClearBodies` seals those at the first unlocked start.
 */
export function outboxBody(db: Db, row: Pick<OutboxRow, 'body' | 'idempotency_key'>): unknown {
  return openObject(db, 'outbox-body', row.body, row.idempotency_key);
}

/** Seals every body still held in the clear (written by a version before 0012); returns how many. */
export function sealClearBodies(db: Db): number {
  return db
    .transaction(() => {
      const rows = db.prepare(`SELECT seq, idempotency_key, body FROM outbox WHERE json_type(body) = 'object'`).all() as Pick<
        OutboxRow,
        'seq' | 'idempotency_key' | 'body'
      >[];
      const clear = rows.filter((row) => !isSealedObject(row.body));
      const update = db.prepare('UPDATE outbox SET body = ? WHERE seq = ?');
      for (const row of clear) update.run(sealedBody(db, row.idempotency_key, JSON.parse(row.body)), row.seq);
      return clear.length;
    })
    .immediate();
}

/** Target, idempotency key and body of an item, the body checked against the contract before anything is written. */
function checked(item: OutboxItem): readonly [string, string, unknown] {
  switch (item.kind) {
    case 'submit-application': {
      const body = SubmitApplicationSchema.parse(item.body);
      return [body.applicationId, body.applicationId, body];
    }
    case 'send-decision':
      return [item.applicationId, item.idempotencyKey, DecisionSchema.parse(item.body)];
    case 'report-loss':
      return [item.applicationId, item.idempotencyKey, LossReportSchema.parse(item.body)];
  }
}

/**
 * Items due now, each the earliest pending item of its applicant: a later item waits for the earlier one to be done
 * or failed. A failed item does not block (see docs in dispatcher.ts).
 */
export function dueItems(db: Db, nowMs: number, limit: number): OutboxRow[] {
  return prepared(
    db,
    `SELECT * FROM outbox o
       WHERE o.state = 'pending' AND o.next_attempt_at <= ?
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'pending' AND p.applicant_key = o.applicant_key AND p.seq < o.seq)
       ORDER BY o.seq LIMIT ?`,
  ).all(nowMs, limit) as OutboxRow[];
}

/** The body is dropped once the province has it: the outbox keeps no personal data longer than needed. */
export function markDone(db: Db, seq: number, at: Date): void {
  prepared(
    db,
    `UPDATE outbox SET state = 'done', body = 'null', attempts = attempts + 1, last_error = NULL, done_at = ? WHERE seq = ?`,
  ).run(at.toISOString(), seq);
}

export function markFailed(db: Db, seq: number, at: Date, code: string): void {
  prepared(db, `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, done_at = ? WHERE seq = ?`).run(
    code,
    at.toISOString(),
    seq,
  );
}

export function reschedule(db: Db, seq: number, nextAttemptAt: number, code: string): void {
  prepared(db, `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE seq = ?`).run(
    nextAttemptAt,
    code,
    seq,
  );
}

/**
 * The province answers again after an outage: items still backing off from it are due now, instead of waiting out a
 * backoff that may have grown to minutes. Returns how many were brought forward.
 */
export function retryWaitingNow(db: Db, nowMs: number): number {
  return prepared(db, `UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`).run(nowMs, nowMs).changes;
}

/**
 * When the next sendable item becomes due. Only the head of each applicant's queue counts: a later item may look due
 * but waits for the head, so its own time would wake the loop for nothing.
 */
export function nextDueAt(db: Db): number | null {
  const row = prepared(
    db,
    `SELECT min(o.next_attempt_at) AS at FROM outbox o
       WHERE o.state = 'pending'
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'pending' AND p.applicant_key = o.applicant_key AND p.seq < o.seq)`,
  ).get() as { at: number | null };
  return row.at;
}
