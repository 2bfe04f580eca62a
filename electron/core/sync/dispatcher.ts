// Sends the outbox to the province: per-applicant order, backoff with full jitter, reconciliation of ambiguous sends.
import { createRepeater } from './repeater.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import type { ProvinceClient, ProvinceOutcome } from '../province/client.js';
import type { ApplicationView, LossReport, ProvinceErrorCode, SubmitApplication } from '../province/schema.js';
import { applyView } from './code-status.js';
import { dueItems, markDone, outboxBody, markFailed, nextDueAt, reschedule, type OutboxRow } from './outbox.js';
import type { SyncState } from './schema.js';
import { recordContact, syncState } from './state.js';

export interface Backoff {
  baseMs: number;
  capMs: number;
}
export const DEFAULT_BACKOFF: Backoff = { baseMs: 1000, capMs: 5 * 60_000 };

/** A uniform number in [0, 1) from the injected random source (48 bits is plenty for a delay). */
export function uniform(random: RandomSource): number {
  const b = random.bytes(6);
  return b.reduce((acc, byte) => acc * 256 + byte, 0) / 2 ** 48;
}

/**
 * "Full jitter" (AWS Architecture Blog, 2015): delay = random(0, min(cap, base·2^attempts)), where attempts counts
 * the sends already made before this failure. Spreading retries over the whole window keeps a hall's terminals from
 * retrying in lockstep when the province comes back. Retry-After is a floor: the province asked for at least that.
 */
export function backoffDelay(attempts: number, backoff: Backoff, random: RandomSource, retryAfterMs = 0): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(attempts, 52));
  return Math.max(retryAfterMs, Math.floor(uniform(random) * (ceiling + 1)));
}

/**
 * Refusals about this terminal (its signature, its clock, its registration) say nothing about the item: the item
 * stays pending so that fixing the configuration sends the whole queue. Every other refusal is about the item itself
 * and is final: the item fails with its code for staff to see.
 */
const TERMINAL_PROBLEMS: readonly ProvinceErrorCode[] = [
  'missing-headers',
  'unknown-terminal',
  'bad-signature',
  'stale-timestamp',
  'nonce-reused',
];

export interface DispatcherOptions {
  db: Db;
  client: ProvinceClient;
  clock: Clock;
  random: RandomSource;
  backoff?: Backoff;
  /** Sends at once; different applicants proceed independently, one applicant's items never overlap. */
  concurrency?: number;
  /** Items taken per tick. */
  batch?: number;
  onState?: (state: SyncState) => void;
  /** A view that changed code_status (after commit), for the screen or the printer. */
  onView?: (view: ApplicationView) => void;
}

export interface TickResult {
  sent: number;
  done: number;
  failed: number;
  rescheduled: number;
}

type Verdict =
  | { kind: 'done'; view: ApplicationView }
  | { kind: 'failed'; code: string; reached: boolean }
  | { kind: 'later'; code: string; retryAfterMs?: number; reached: boolean };

/**
 * Why a failed item does not block later items of the same applicant: a permanent refusal never clears by itself, so
 * blocking would strand every later application of that person until staff step in. Items that truly depend on the
 * failed one (a decision on a submission the province refused) are refused by the province in their turn
 * (not-found) and fail visibly too; independent ones (a new application next week) go through.
 */
export function createDispatcher(options: DispatcherOptions) {
  const { db, client, clock, random, backoff = DEFAULT_BACKOFF, concurrency = 4, batch = 32, onState, onView } = options;
  let lastState = '';

  function send(item: OutboxRow): Promise<ProvinceOutcome<ApplicationView>> {
    switch (item.kind) {
      case 'submit-application':
        return client.submitApplication(outboxBody(db, item) as SubmitApplication);
      case 'send-decision':
        return client.sendDecision(item.target_id, outboxBody(db, item), item.idempotency_key);
      case 'report-loss':
        return client.reportLoss(item.target_id, outboxBody(db, item) as LossReport, item.idempotency_key);
    }
  }

  async function judge(item: OutboxRow): Promise<Verdict> {
    const outcome = await send(item);
    switch (outcome.kind) {
      case 'ok':
        return { kind: 'done', view: outcome.value };
      case 'refused':
        return TERMINAL_PROBLEMS.includes(outcome.code)
          ? { kind: 'later', code: outcome.code, reached: true }
          : { kind: 'failed', code: outcome.code, reached: true };
      case 'retry':
        return { kind: 'later', code: outcome.reason, retryAfterMs: outcome.retryAfterMs, reached: false };
      case 'ambiguous':
        // A decision's or a loss report's view cannot prove the call landed (a lookup shows the application either
        // way); resending under the same key is the safe check: the province answers its first answer again.
        return item.kind === 'submit-application'
          ? reconcile(item, outcome.reason)
          : { kind: 'later', code: outcome.reason, reached: false };
    }
  }

  /** After a lost answer, ask the province: found means it was filed; not found means nothing happened. */
  async function reconcile(item: OutboxRow, reason: string): Promise<Verdict> {
    const found = await client.getApplication(item.target_id);
    if (found.kind === 'ok') return { kind: 'done', view: found.value };
    // Not found: safe to resend (the same idempotency key covers a filing that lands between the two calls).
    if (found.kind === 'refused' && found.code === 'not-found') return { kind: 'later', code: reason, reached: true };
    return { kind: 'later', code: reason, reached: found.kind === 'refused' };
  }

  function record(item: OutboxRow, verdict: Verdict, result: TickResult): ApplicationView | null {
    const now = clock.now();
    let changed: ApplicationView | null = null;
    db.transaction(() => {
      if (verdict.kind === 'done') {
        markDone(db, item.seq, now);
        if (applyView(db, clock, verdict.view)) changed = verdict.view;
        recordContact(db, clock, true);
        result.done++;
      } else if (verdict.kind === 'failed') {
        markFailed(db, item.seq, now, verdict.code);
        recordContact(db, clock, verdict.reached);
        result.failed++;
      } else {
        const delay = backoffDelay(item.attempts, backoff, random, verdict.retryAfterMs);
        reschedule(db, item.seq, now.getTime() + delay, verdict.code);
        recordContact(db, clock, verdict.reached);
        result.rescheduled++;
      }
    }).immediate();
    return changed;
  }

  async function run(): Promise<TickResult> {
    const result: TickResult = { sent: 0, done: 0, failed: 0, rescheduled: 0 };
    const queue = dueItems(db, clock.now().getTime(), batch);
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        result.sent++;
        const changed = record(item, await judge(item), result);
        // In-memory reactions come after the commit (DESIGN.md rule 2).
        if (changed) onView?.(changed);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    publishState();
    return result;
  }

  function publishState(): void {
    if (!onState) return;
    const state = syncState(db, clock);
    const key = JSON.stringify(state);
    if (key !== lastState) {
      lastState = key;
      onState(state);
    }
  }

  const repeater = createRepeater(run, '[sync] dispatcher tick failed');

  /** Real-time loop: sleeps until the next item is due (at most pollMs, so new items are picked up). */
  function start(pollMs = 1000): void {
    repeater.start(() => {
      const due = nextDueAt(db);
      return due === null ? pollMs : Math.min(pollMs, Math.max(10, due - clock.now().getTime()));
    });
  }

  /** tick: processes due items; a tick already in progress is returned instead of starting a second one. */
  return { tick: repeater.once, start, stop: repeater.stop, state: () => syncState(db, clock) };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
