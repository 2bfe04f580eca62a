// The daily retention purge: once at start, then every 24 hours from that run; reports each outcome, never throws.
import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { purgeExpired, type PurgeResult } from '../core/privacy/purge.js';

export type PurgeJobOutcome =
  | { ok: true; result: PurgeResult }
  /** `stage` says whether the purge itself failed (nothing of that batch was written) or only the afterPurge step. */
  | { ok: false; stage: 'purge' | 'after-purge'; error: string; result?: PurgeResult };

export interface DailyPurgeOptions {
  db: Db;
  clock: Clock;
  /** A number, or read at every run so a changed setting applies from the next run without a restart. */
  retentionDays: number | (() => number);
  onResult: (outcome: PurgeJobOutcome) => void;
  /**
   * After every successful run (also one that purged nothing: a previous afterPurge may have failed), e.g. to delete
   * backups made before `result.at`, which still hold what was just purged.
   */
  afterPurge?: (result: PurgeResult) => void | Promise<void>;
  /** 24 hours; tests shorten it. */
  intervalMs?: number;
}

export interface DailyPurge {
  /** Runs a purge now (a run already in progress is joined, not doubled). */
  runNow(): Promise<PurgeJobOutcome>;
  stop(): void;
}

const DAY_MS = 86_400_000;

/**
 * Every 24 hours from start rather than at a fixed hour: a kiosk that is switched off at night would miss a fixed
 * hour for good, while a run at every start plus every 24 hours never goes more than a day without one. A run is
 * short (one batch of a day's applications), so running while the hall is open does not hold up residents.
 */
export function startDailyPurge(options: DailyPurgeOptions): DailyPurge {
  const { db, clock, onResult, afterPurge, intervalMs = DAY_MS } = options;
  const days = () => (typeof options.retentionDays === 'function' ? options.retentionDays() : options.retentionDays);
  let running: Promise<PurgeJobOutcome> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const report = (outcome: PurgeJobOutcome) => {
    try {
      onResult(outcome);
    } catch {
      console.error('purge: the result listener failed');
    }
    return outcome;
  };

  async function run(): Promise<PurgeJobOutcome> {
    let result: PurgeResult;
    try {
      result = purgeExpired(db, clock, { retentionDays: days() });
    } catch (error) {
      // The code only: the caller logs it, and a SQLite message names tables, never values, but a code is enough.
      return report({ ok: false, stage: 'purge', error: errorCode(error) });
    }
    try {
      await afterPurge?.(result);
    } catch (error) {
      return report({ ok: false, stage: 'after-purge', error: errorCode(error), result });
    }
    return report({ ok: true, result });
  }

  function runNow(): Promise<PurgeJobOutcome> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void runNow().finally(schedule), intervalMs);
    // A pending purge must not keep a CLI or test process alive.
    timer.unref();
  };

  void runNow().finally(schedule);

  return {
    runNow,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code)) return code;
  return error instanceof Error ? error.name : 'unknown';
}
