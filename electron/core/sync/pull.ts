// The change-feed loop: pulls status changes after the stored cursor and applies each once, cursor in the same commit.
import { createRepeater } from './repeater.js';
import { prepared } from '../db/prepared.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { ProvinceClient } from '../province/client.js';
import type { ApplicationView } from '../province/schema.js';
import { applyView } from './code-status.js';
import { recordContact } from './state.js';

export interface PullerOptions {
  db: Db;
  client: ProvinceClient;
  clock: Clock;
  /** Changes per page. */
  limit?: number;
  /** A new status (after commit): "the code follows automatically when the service answers". */
  onChange?: (view: ApplicationView) => void;
}

export type PullResult = { kind: 'ok'; applied: number; received: number; cursor: number } | { kind: 'failed'; reason: string };

export function feedCursor(db: Db): number {
  return (prepared(db, 'SELECT feed_cursor FROM sync_state WHERE singleton = 1').get() as { feed_cursor: number }).feed_cursor;
}

export function createPuller({ db, client, clock, limit = 100, onChange }: PullerOptions) {
  async function run(): Promise<PullResult> {
    const cursor = feedCursor(db);
    const outcome = await client.changes(cursor, limit);
    if (outcome.kind !== 'ok') {
      db.transaction(() => recordContact(db, clock, outcome.kind === 'refused'))();
      return { kind: 'failed', reason: outcome.kind === 'refused' ? outcome.code : outcome.reason };
    }
    const { changes, nextCursor } = outcome.value;
    const applied: ApplicationView[] = [];
    db.transaction(() => {
      for (const { seq, ...view } of changes) {
        // A change at or below the cursor was applied before (a page served twice): skip it outright.
        if (seq <= cursor) continue;
        if (applyView(db, clock, view, seq)) applied.push(view);
      }
      // Never move the cursor backwards, whatever the page says.
      prepared(db, 'UPDATE sync_state SET feed_cursor = max(feed_cursor, ?) WHERE singleton = 1').run(nextCursor);
      recordContact(db, clock, true);
    }).immediate();
    for (const view of applied) onChange?.(view);
    return { kind: 'ok', applied: applied.length, received: changes.length, cursor: feedCursor(db) };
  }

  const repeater = createRepeater(run, '[sync] change-feed pull failed');

  /** Pulls every intervalMs; a full page means more is waiting, so the next page follows at once. */
  const start = (intervalMs = 5000): void =>
    repeater.start((result) => (result?.kind === 'ok' && result.received >= limit ? 0 : intervalMs));

  /** One page from the stored cursor; a pull already in progress is returned instead of starting another. */
  return { pullOnce: repeater.once, start, stop: repeater.stop };
}
