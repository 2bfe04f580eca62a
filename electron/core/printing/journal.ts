// The print job journal in SQLite: every job's life (queued → sent → done / failed), restart recovery, reprint, dismiss.
import { z } from 'zod';
import { appendAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { isPurgedSlipData } from '../privacy/retention.js';
import { StaffNoSchema } from '../staff/schema.js';
import {
  PrintJobSchema,
  TemplateIdSchema,
  type PrintFailure,
  type PrintJob,
  type PrinterState,
  type PrinterStatus,
  type TemplateId,
} from './schema.js';
import { PaperSchema, type Paper } from './slip.js';

/** A job as the caller hands it over: `data` is what the template needs, already masked (no full names or numbers). */
export const PrintJobInputSchema = z
  .object({
    template: TemplateIdSchema,
    label: z.string().max(64),
    data: z.record(z.string(), z.unknown()),
    paper: PaperSchema,
  })
  .strict();
export type PrintJobInput = z.infer<typeof PrintJobInputSchema>;

/** A slip's data is a few fields; a bigger one is a bug (or personal data that should not be here). */
const MAX_DATA_BYTES = 16 * 1024;

/** What the printer loop needs to print a job. */
export interface JobToPrint {
  id: number;
  template: TemplateId;
  data: Record<string, unknown>;
  paper: Paper;
  reprintNumber: number;
}

interface JobRow {
  id: number;
  template: string;
  label: string;
  data: string;
  paper: string;
  state: string;
  reason: string | null;
  reprint_number: number;
  reprint_of: number | null;
  may_have_printed: number;
  resolved: number;
  created_at: string;
  updated_at: string;
}

export function enqueue(db: Db, clock: Clock, input: PrintJobInput): PrintJob {
  const parsed = PrintJobInputSchema.safeParse(input);
  if (!parsed.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  return insertJob(db, clock, parsed.data, 0, null);
}

/** The oldest job waiting to go out, if any. */
export function nextQueued(db: Db): JobToPrint | null {
  const row = prepared(db, `SELECT * FROM print_jobs WHERE state = 'queued' ORDER BY id LIMIT 1`).get() as JobRow | undefined;
  return row ? toJobToPrint(row) : null;
}

/** Any job as the printer would render it (for a preview of a journal entry); not-found for an unknown id. */
export function jobToPrint(db: Db, jobId: number): JobToPrint {
  return toJobToPrint(findRow(db, jobId));
}

function toJobToPrint(row: JobRow): JobToPrint {
  refusePurged(row);
  return {
    id: row.id,
    template: TemplateIdSchema.parse(row.template),
    data: JSON.parse(row.data) as Record<string, unknown>,
    paper: PaperSchema.parse(row.paper),
    reprintNumber: row.reprint_number,
  };
}

/**
 * queued → sent. The same UPDATE sets may_have_printed, and it commits before the caller writes a byte: if the app
 * dies at any point after this, the job is never printed again without a 补打 mark.
 */
export function markSent(db: Db, clock: Clock, jobId: number): void {
  transition(db, clock, jobId, `state = 'sent', may_have_printed = 1`, `state = 'queued'`, null);
}

/** sent → done: the printer acknowledged the whole job. */
export function markDone(db: Db, clock: Clock, jobId: number): void {
  transition(db, clock, jobId, `state = 'done'`, `state = 'sent'`, null);
}

/**
 * queued → failed (refused before a byte went out; may_have_printed stays 0) or sent → failed (it may have printed).
 * Failed is final: the loop never sends a failed job again; staff reprint or dismiss it.
 */
export function markFailed(db: Db, clock: Clock, jobId: number, reason: PrintFailure): void {
  transition(db, clock, jobId, `state = 'failed', reason = ?`, `state IN ('queued', 'sent')`, reason);
}

/**
 * At start-up: a job still 'sent' was out when the app stopped, and whether it printed is unknown. It becomes failed
 * 'interrupted' for staff to look at, never resent. Queued jobs stay queued: nothing of them went out.
 */
export function recoverAfterRestart(db: Db, clock: Clock): number {
  return prepared(db, `UPDATE print_jobs SET state = 'failed', reason = 'interrupted', updated_at = ? WHERE state = 'sent'`).run(
    clock.now().toISOString(),
  ).changes;
}

/** Newest first, as the printer panel lists them. */
export function listJobs(db: Db, limit: number): PrintJob[] {
  const n = Math.max(0, Math.min(Math.trunc(limit), 1000));
  const rows = prepared(db, `SELECT * FROM print_jobs ORDER BY id DESC LIMIT ?`).all(n) as JobRow[];
  return rows.map(toPrintJob);
}

export function getJob(db: Db, jobId: number): PrintJob | null {
  const row = prepared(db, `SELECT * FROM print_jobs WHERE id = ?`).get(jobId) as JobRow | undefined;
  return row ? toPrintJob(row) : null;
}

export function jobCounts(db: Db): Pick<PrinterStatus, 'failedJobs' | 'pendingJobs'> {
  const row = prepared(
    db,
    `SELECT (SELECT count(*) FROM print_jobs WHERE state = 'failed' AND resolved = 0) AS failed,
            (SELECT count(*) FROM print_jobs WHERE state IN ('queued', 'sent')) AS pending`,
  ).get() as { failed: number; pending: number };
  return { failedJobs: row.failed, pendingJobs: row.pending };
}

/**
 * Staff print a done or failed job again. The new job's number:
 * - one more than the highest number in the job's chain (the original and all its reprints) that is on paper or may
 *   still reach it — done, sent, queued, or failed after sending — so two slips never carry the same 补打 number;
 * - 0 (a plain first print) when no job of the chain may have printed: a job refused before a byte went out left
 *   nothing on paper, so printing it again is not a 补打.
 * A failed job becomes resolved, so the same failure cannot be reprinted twice by a double tap (→ 'conflict'); a
 * done job can be reprinted again later (a resident may lose a slip twice), each time with the next number.
 * The new job, the resolved flag and the audit row commit together.
 */
export function reprint(db: Db, clock: Clock, jobId: number, actor: string): PrintJob {
  const staffNo = staffNumber(actor);
  return inTransaction(db, () => {
    const row = findRow(db, jobId);
    if (row.state === 'queued' || row.state === 'sent' || row.resolved === 1) throw new KioskError('conflict', 'errors.conflict');
    refusePurged(row);
    const highest = prepared(
      db,
      `WITH RECURSIVE
         up(id, reprint_of) AS (SELECT id, reprint_of FROM print_jobs WHERE id = ?
                                UNION SELECT p.id, p.reprint_of FROM print_jobs p JOIN up ON p.id = up.reprint_of),
         chain(id) AS (SELECT id FROM up WHERE reprint_of IS NULL
                       UNION SELECT p.id FROM print_jobs p JOIN chain ON p.reprint_of = chain.id)
       SELECT max(reprint_number) AS n FROM print_jobs
         WHERE id IN (SELECT id FROM chain) AND NOT (state = 'failed' AND may_have_printed = 0)`,
    ).get(jobId) as { n: number | null };
    const reprintNumber = highest.n === null ? 0 : highest.n + 1;
    if (row.state === 'failed') markResolved(db, clock, jobId);
    const input = {
      template: TemplateIdSchema.parse(row.template),
      label: row.label,
      data: JSON.parse(row.data),
      paper: PaperSchema.parse(row.paper),
    };
    const job = insertJob(db, clock, input, reprintNumber, jobId);
    appendAudit(db, {
      at: clock.now(),
      actor: staffNo,
      action: 'print.reprint',
      subject: `print-job:${jobId}`,
      detail: { newJob: job.id, reprintNumber, template: job.template, previousState: row.state, previousReason: row.reason },
    });
    return job;
  });
}

/** Staff acknowledge a failed job without printing it again (the resident left, the slip was not needed). */
export function dismiss(db: Db, clock: Clock, jobId: number, actor: string): PrintJob {
  const staffNo = staffNumber(actor);
  return inTransaction(db, () => {
    const row = findRow(db, jobId);
    if (row.state !== 'failed' || row.resolved === 1) throw new KioskError('conflict', 'errors.conflict');
    markResolved(db, clock, jobId);
    appendAudit(db, {
      at: clock.now(),
      actor: staffNo,
      action: 'print.dismiss',
      subject: `print-job:${jobId}`,
      detail: { template: row.template, reason: row.reason, mayHavePrinted: row.may_have_printed === 1 },
    });
    return toPrintJob(findRow(db, jobId));
  });
}

/** A refusal for the printer's state is recorded with that state as its reason. */
export function failureFromState(state: Exclude<PrinterState, 'ready' | 'paper-near-end'>): PrintFailure {
  return state;
}

/**
 * Who reprinted or dismissed, for the audit row: a staff number, or 'resident' for a reprint the resident asked for
 * at the kiosk with their own card (the application desk checks the card first).
 */
function staffNumber(actor: string): string {
  if (actor === 'resident') return actor;
  const parsed = StaffNoSchema.safeParse(actor);
  if (!parsed.success) throw new KioskError('invalid-input', 'errors.staffNoInvalid');
  return parsed.data;
}

function insertJob(db: Db, clock: Clock, job: PrintJobInput, reprintNumber: number, reprintOf: number | null): PrintJob {
  const data = JSON.stringify(job.data);
  if (Buffer.byteLength(data, 'utf8') > MAX_DATA_BYTES) throw new KioskError('invalid-input', 'errors.invalidInput');
  const now = clock.now().toISOString();
  const result = prepared(
    db,
    `INSERT INTO print_jobs (template, label, data, paper, reprint_number, reprint_of, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(job.template, job.label, data, job.paper, reprintNumber, reprintOf, now, now);
  return toPrintJob(findRow(db, Number(result.lastInsertRowid)));
}

function markResolved(db: Db, clock: Clock, jobId: number): void {
  prepared(db, `UPDATE print_jobs SET resolved = 1, updated_at = ? WHERE id = ?`).run(clock.now().toISOString(), jobId);
}

function transition(db: Db, clock: Clock, jobId: number, set: string, from: string, reason: PrintFailure | null): void {
  const params = reason === null ? [clock.now().toISOString(), jobId] : [reason, clock.now().toISOString(), jobId];
  const changed = prepared(db, `UPDATE print_jobs SET ${set}, updated_at = ? WHERE id = ? AND ${from}`).run(...params).changes;
  // Only the printer loop moves jobs along, one at a time: a miss is a bug, and must not pass silently.
  if (changed !== 1) throw new Error(`print job ${jobId}: not in ${from}`);
}

/** The retention purge replaced the slip's data with a marker (privacy/purge.ts): there is nothing left to print. */
function refusePurged(row: JobRow): void {
  if (isPurgedSlipData(row.data)) throw new KioskError('not-found', 'errors.slipPurged', { jobId: row.id });
}

function findRow(db: Db, jobId: number): JobRow {
  const row = prepared(db, `SELECT * FROM print_jobs WHERE id = ?`).get(jobId) as JobRow | undefined;
  if (!row) throw new KioskError('not-found', 'errors.notFound');
  return row;
}

function toPrintJob(row: JobRow): PrintJob {
  return PrintJobSchema.parse({
    id: row.id,
    template: row.template,
    label: row.label,
    state: row.state,
    reason: row.reason,
    reprintNumber: row.reprint_number,
    reprintOf: row.reprint_of,
    mayHavePrinted: row.may_have_printed === 1,
    resolved: row.resolved === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Joins the caller's transaction when there is one; otherwise an IMMEDIATE one, since it reads then writes. */
function inTransaction<T>(db: Db, body: () => T): T {
  return db.inTransaction ? body() : db.transaction(body).immediate();
}
