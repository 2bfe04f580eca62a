// Drives a dispatcher to an empty queue under a fake clock, like the real loop polling every stepMs, without the waiting.
import type { Db } from '../../electron/core/db/open.js';
import { nextDueAt } from '../../electron/core/sync/outbox.js';
import type { FakeClock } from './sync-fixtures.js';

export async function drain(db: Db, clock: FakeClock, tick: () => Promise<unknown>, maxRounds = 10_000, stepMs = 1000): Promise<number> {
  for (let round = 0; round < maxRounds; round++) {
    const due = nextDueAt(db);
    if (due === null) return round;
    if (due > clock.ms()) clock.set(Math.max(due, clock.ms() + stepMs));
    await tick();
  }
  throw new Error('the outbox did not drain');
}
