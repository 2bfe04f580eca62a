// The queue's live countdown as plain arithmetic: core gives the time left (on the item's own clock: working time for
// online applications) as of its answer and whether that clock runs now; the screen subtracts only the time since.
import type { QueueItem, SlaLevel } from '../api/approval-types';

/** Time left now, in ms (negative: overdue by that much). Outside office hours a working-time clock stands still. */
export function remainingNow(item: Pick<QueueItem, 'remainingMs' | 'ticking'>, fetchedAt: number, now: number): number {
  return item.ticking ? item.remainingMs - Math.max(0, now - fetchedAt) : item.remainingMs;
}

/** Core's level, except that a deadline passing on screen between two answers already shows as overdue. */
export function levelNow(item: Pick<QueueItem, 'level'>, remaining: number): SlaLevel {
  return remaining < 0 ? 'overdue' : item.level;
}

/** Whole hours and minutes of a duration (its size; the sign is said in words). Left time rounds down, overdue up. */
export function durationParts(ms: number): { hours: number; minutes: number } {
  const minutes = ms >= 0 ? Math.floor(ms / 60_000) : Math.ceil(-ms / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
