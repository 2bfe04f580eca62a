// The retention purge: scrubs the personal values of closed, synced applications older than the retention period, in
// batches of one transaction each with its audit row, then empties the WAL so no copy of the old pages is left.
import { appendAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { jobOfRefs, purgeCandidates, type PurgeCandidate } from './purge-select.js';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, PURGED_MASK, PURGED_SLIP_DATA, purgedKey } from './retention.js';

export interface PurgeOptions {
  /** Days since an application's last event before it is scrubbed (settings retention.days). */
  retentionDays: number;
  /** Count what would be scrubbed; write nothing. */
  dryRun?: boolean;
  /** Applications per transaction: bounds how long the kiosk's writes wait behind the purge. */
  batchSize?: number;
}

export interface PurgeCounts {
  applications: number;
  printJobs: number;
  codes: number;
  /** Done outbox rows whose applicant_key was replaced. */
  outbox: number;
}

export interface PurgeResult {
  /** The audit subject is `purge:<runId>` (the run's instant, lower case). */
  runId: string;
  /** When the purge ran. */
  at: string;
  /** Applications whose last event is before this instant were purged. */
  before: string;
  retentionDays: number;
  dryRun: boolean;
  purged: PurgeCounts;
  /** The WAL was checkpointed and truncated: false when a reader held it (the next checkpoint empties it). */
  walCleared: boolean;
}

const DAY_MS = 86_400_000;
const DEFAULT_BATCH = 500;

export function purgeExpired(db: Db, clock: Clock, options: PurgeOptions): PurgeResult {
  const { retentionDays, dryRun = false, batchSize = DEFAULT_BATCH } = options;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS || retentionDays > MAX_RETENTION_DAYS) {
    throw new RangeError(`retentionDays must be an integer from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const now = clock.now();
  const beforeMs = now.getTime() - retentionDays * DAY_MS;
  const at = now.toISOString();
  const runId = at.toLowerCase();
  const before = new Date(beforeMs).toISOString();
  const base = { runId, at, before, retentionDays, dryRun };

  if (dryRun) {
    const all = purgeCandidates(db, now, beforeMs, Number.MAX_SAFE_INTEGER);
    return { ...base, purged: countsFor(db, all), walCleared: false };
  }

  const total: PurgeCounts = { applications: 0, printJobs: 0, codes: 0, outbox: 0 };
  for (let batch = 1; ; batch++) {
    // Chosen inside the write transaction: an outbox row or print job added since cannot slip between check and scrub.
    const { found, counts } = db
      .transaction(() => {
        const candidates = purgeCandidates(db, now, beforeMs, batchSize);
        const counts = scrub(db, candidates, at);
        // One row per batch, also for an empty first run: the log shows the purge ran, and what it took.
        if (counts.applications > 0 || batch === 1) {
          appendAudit(db, {
            at: now,
            actor: 'system',
            action: 'privacy.purge',
            subject: `purge:${runId}`,
            detail: { ...counts, before, retentionDays, batch },
          });
        }
        return { found: candidates.length, counts };
      })
      .immediate();
    for (const key of Object.keys(total) as Array<keyof PurgeCounts>) total[key] += counts[key];
    if (found < batchSize || counts.applications === 0) break;
  }
  return { ...base, purged: total, walCleared: clearWal(db) };
}

/** What a purge of these applications would scrub (the dry run). */
function countsFor(db: Db, candidates: PurgeCandidate[]): PurgeCounts {
  const ids = JSON.stringify(candidates.map((c) => c.applicationId));
  const refs = JSON.stringify(candidates.map((c) => c.ref));
  const one = (sql: string, param: string | { refs: string }) => (prepared(db, sql).get(param) as { n: number }).n;
  return {
    applications: candidates.length,
    printJobs: one(`SELECT count(*) AS n FROM print_jobs p WHERE p.data <> '${PURGED_SLIP_DATA}' AND ${jobOfRefs}`, { refs }),
    codes: one(
      `SELECT count(*) AS n FROM code_status WHERE code_text IS NOT NULL AND application_id IN (SELECT value FROM json_each(?))`,
      ids,
    ),
    outbox: one(`SELECT count(*) AS n FROM outbox WHERE state = 'done' AND target_id IN (SELECT value FROM json_each(?))`, ids),
  };
}

/** Scrubs every personal value of the candidates, inside the caller's transaction. */
function scrub(db: Db, candidates: PurgeCandidate[], at: string): PurgeCounts {
  const none = { applications: 0, printJobs: 0, codes: 0, outbox: 0 };
  if (candidates.length === 0) return none;
  const ids = JSON.stringify(candidates.map((c) => c.applicationId));
  const refs = JSON.stringify(candidates.map((c) => c.ref));
  const application = prepared(
    db,
    `UPDATE application SET masked_name = @mask, masked_number = @mask, printed_code_id = NULL,
            proxy_masked_name = CASE WHEN proxy_masked_name IS NULL THEN NULL ELSE @mask END,
            applicant_key = @applicantKey, proxy_key = CASE WHEN proxy_key IS NULL THEN NULL ELSE @proxyKey END, purged_at = @at
      WHERE application_id = @id AND purged_at IS NULL`,
  );
  let applications = 0;
  for (const { applicationId: id } of candidates) {
    applications += application.run({
      id,
      at,
      mask: PURGED_MASK,
      applicantKey: purgedKey('applicant', id),
      proxyKey: purgedKey('proxy', id),
    }).changes;
  }
  // Print jobs (reprints copy their data, so they match too): one pass over the journal for the whole batch.
  const printJobs = prepared(
    db,
    `UPDATE print_jobs AS p SET data = '${PURGED_SLIP_DATA}' WHERE p.data <> '${PURGED_SLIP_DATA}' AND ${jobOfRefs}`,
  ).run({ refs }).changes;
  // The cached code: its QR text is the resident's signed code. The status and its times stay (SLA, complaints).
  const codes = prepared(
    db,
    `UPDATE code_status SET code_text = NULL, code_id = NULL, valid_until = NULL
      WHERE code_text IS NOT NULL AND application_id IN (SELECT value FROM json_each(?))`,
  ).run(ids).changes;
  // Done outbox rows keep no body, but their applicant_key still ties the application to the person's number.
  const done = prepared(db, `SELECT seq, target_id FROM outbox WHERE state = 'done' AND target_id IN (SELECT value FROM json_each(?))`).all(
    ids,
  ) as Array<{ seq: number; target_id: string }>;
  const rekey = prepared(db, 'UPDATE outbox SET applicant_key = ? WHERE seq = ?');
  for (const row of done) rekey.run(purgedKey('applicant', row.target_id), row.seq);
  return { applications, printJobs, codes, outbox: done.length };
}

/**
 * Copies the WAL into the file and truncates it to zero bytes: until then the WAL holds the pages as they were before
 * the purge. secure_delete (db/open.ts) has already zeroed the freed cells in the new pages, so no VACUUM is needed —
 * it would rewrite the whole file (an exclusive lock, twice the disk) to remove bytes that are already zeros.
 */
function clearWal(db: Db): boolean {
  if (String(db.pragma('journal_mode', { simple: true })) !== 'wal') return true;
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  return result !== undefined && result.busy === 0;
}
