// The cached code status per application: written from submit answers and the change feed, newest wins, once.
import { prepared } from '../db/prepared.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { ApplicationView } from '../province/schema.js';

interface Row {
  application_id: string;
  status: ApplicationView['status'];
  reason_code: string | null;
  status_as_of: string;
  review_due_at: string | null;
  code_text: string | null;
  code_id: string | null;
  valid_until: string | null;
  feed_seq: number | null;
}

const sameView = (row: Row, view: ApplicationView) =>
  row.status === view.status && row.reason_code === view.reasonCode && row.code_id === (view.code?.codeId ?? null);

/**
 * Applies a view inside the caller's transaction; true when it changed what the terminal knows (so the screen or
 * printer should act). A feed change whose seq is not above the row's last applied seq is a duplicate or older and is
 * ignored; any view whose statusAsOf is older than the row's is stale (the feed and a submit answer can cross).
 */
export function applyView(db: Db, clock: Clock, view: ApplicationView, feedSeq?: number): boolean {
  const row = prepared(db, 'SELECT * FROM code_status WHERE application_id = ?').get(view.applicationId) as Row | undefined;
  if (row && feedSeq !== undefined && row.feed_seq !== null && feedSeq <= row.feed_seq) return false;
  const seq = feedSeq ?? row?.feed_seq ?? null;
  if (row && (Date.parse(view.statusAsOf) < Date.parse(row.status_as_of) || sameView(row, view))) {
    if (seq !== row.feed_seq) prepared(db, 'UPDATE code_status SET feed_seq = ? WHERE application_id = ?').run(seq, row.application_id);
    return false;
  }
  prepared(
    db,
    `INSERT INTO code_status (application_id, status, reason_code, status_as_of, review_due_at, code_text, code_id, valid_until, feed_seq, updated_at)
     VALUES (@id, @status, @reason, @asOf, @due, @text, @codeId, @validUntil, @seq, @now)
     ON CONFLICT (application_id) DO UPDATE SET status = @status, reason_code = @reason, status_as_of = @asOf, review_due_at = @due,
       code_text = @text, code_id = @codeId, valid_until = @validUntil, feed_seq = @seq, updated_at = @now`,
  ).run({
    id: view.applicationId,
    status: view.status,
    reason: view.reasonCode,
    asOf: view.statusAsOf,
    due: view.reviewDueAt,
    text: view.code?.codeText ?? null,
    codeId: view.code?.codeId ?? null,
    validUntil: view.code?.validUntil ?? null,
    seq,
    now: clock.now().toISOString(),
  });
  return true;
}

export function readCodeStatus(db: Db, applicationId: string): ApplicationView | null {
  const row = prepared(db, 'SELECT * FROM code_status WHERE application_id = ?').get(applicationId) as Row | undefined;
  if (!row) return null;
  return {
    applicationId: row.application_id,
    status: row.status,
    reasonCode: row.reason_code,
    statusAsOf: row.status_as_of,
    reviewDueAt: row.review_due_at,
    code:
      row.code_text && row.code_id && row.valid_until
        ? { codeText: row.code_text, codeId: row.code_id, validUntil: row.valid_until }
        : null,
  };
}
