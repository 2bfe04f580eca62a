// How the link to the province is doing, from what the DB records: connected, degraded or offline, and the backlog.
import { prepared } from '../db/prepared.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { SyncState } from './schema.js';

/** A pending item older than this means the queue is not keeping up, even if the last call worked. */
export const BACKLOG_AGE_MS = 2 * 60_000;
/** With no success for this long and a failed last attempt, the terminal says it is offline. */
export const OFFLINE_AFTER_MS = 60_000;

/**
 * Records one contact with the province inside the caller's transaction. Any answer from the province, even a
 * refusal, proves the link works; only "no answer" (retry, ambiguous) is a failure of the link.
 */
export function recordContact(db: Db, clock: Clock, reached: boolean): void {
  const column = reached ? 'last_success_at' : 'last_failure_at';
  prepared(db, `UPDATE sync_state SET ${column} = ? WHERE singleton = 1`).run(clock.now().toISOString());
}

export function syncState(db: Db, clock: Clock): SyncState {
  const now = clock.now().getTime();
  const link = prepared(db, 'SELECT last_success_at, last_failure_at FROM sync_state WHERE singleton = 1').get() as
    { last_success_at: string | null; last_failure_at: string | null } | undefined;
  const queue = prepared(
    db,
    `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, min(created_at) FILTER (WHERE state = 'pending') AS oldest,
              count(*) FILTER (WHERE state = 'failed') AS failed FROM outbox`,
  ).get() as { pending: number; oldest: string | null; failed: number };
  const lastSuccessAt = link?.last_success_at ?? null;
  const lastFailureAt = link?.last_failure_at ?? null;
  const success = lastSuccessAt === null ? null : Date.parse(lastSuccessAt);
  const failure = lastFailureAt === null ? null : Date.parse(lastFailureAt);
  const lastFailed = failure !== null && (success === null || failure > success);
  const lastSucceeded = success !== null && !lastFailed;
  const backlog = queue.oldest !== null && now - Date.parse(queue.oldest) > BACKLOG_AGE_MS;

  // Nothing tried yet is "degraded", not "connected": the terminal has not proved the link works.
  let connection: SyncState['connection'] = 'degraded';
  if (lastFailed && (success === null || now - success > OFFLINE_AFTER_MS)) connection = 'offline';
  else if (lastSucceeded && !backlog) connection = 'connected';
  return { connection, queueLength: queue.pending, oldestWaitingAt: queue.oldest, lastSuccessAt, lastFailureAt, failed: queue.failed };
}
