// Scheduled backups for a running terminal: due from the newest backup on disk, failures reported, never thrown.
import { join, resolve } from 'node:path';
import { takeBackup, backupRefusal, type BackupResult } from '../core/backup/backup.js';
import { listBackups } from '../core/backup/files.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db/open.js';

export type BackupOutcome =
  | ({ ok: true } & BackupResult)
  /** `key` is an errors.* key when the cause is known (disk full, I/O); `message` is for the log (no personal data). */
  | { ok: false; key: string | null; message: string };

export interface BackupSchedule {
  /** Backs up now (a run already going is joined, not doubled); never rejects. */
  runNow(): Promise<BackupOutcome>;
  /** No further runs; resolves once a run in progress has finished, so the database can then be closed. */
  stop(): Promise<void>;
}

export interface BackupScheduleOptions {
  db: Db;
  dir: string;
  clock: Clock;
  everyHours: number;
  keep: number;
  onResult(outcome: BackupOutcome): void;
  /** Real timers unless a test gives its own; returns a cancel function. */
  setTimer?: (run: () => void, ms: number) => () => void;
}

/** Not in the first minute: the app is starting and the screen comes first. */
export const FIRST_RUN_DELAY_MS = 60_000;
/** After a failure (disk full…) the next try comes sooner than a whole period later. */
export const RETRY_MS = 3_600_000;
const HOUR_MS = 3_600_000;

/** `<dataDir>/backups`, or the configured folder (relative to the data folder). */
export function backupsDir(dataDir: string, configured?: string): string {
  return configured ? resolve(dataDir, configured) : join(dataDir, 'backups');
}

export function startBackups(options: BackupScheduleOptions): BackupSchedule {
  const { db, dir, clock, keep, onResult } = options;
  const everyMs = options.everyHours * HOUR_MS;
  const setTimer = options.setTimer ?? realTimer;
  let running: Promise<BackupOutcome> | null = null;
  let cancel: (() => void) | null = null;
  let stopped = false;

  const schedule = (ms: number) => {
    if (!stopped) cancel = setTimer(() => void runNow(), ms);
  };

  const runNow = (): Promise<BackupOutcome> => {
    running ??= attempt().then((outcome) => {
      running = null;
      cancel?.();
      schedule(outcome.ok ? everyMs : Math.min(RETRY_MS, everyMs));
      try {
        onResult(outcome);
      } catch {
        // A broken listener must not stop the schedule.
      }
      return outcome;
    });
    return running;
  };

  const attempt = async (): Promise<BackupOutcome> => {
    try {
      return { ok: true, ...(await takeBackup({ db, dir, clock, keep })) };
    } catch (error) {
      return { ok: false, key: backupRefusal(error)?.key ?? null, message: (error as Error).message };
    }
  };

  schedule(firstDelay());
  return {
    runNow,
    async stop() {
      stopped = true;
      cancel?.();
      await running;
    },
  };

  /** Due one period after the newest backup on disk, so a terminal restarted every night still gets its backups. */
  function firstDelay(): number {
    let newest: number | undefined;
    try {
      newest = listBackups(dir).at(-1)?.takenAt.getTime();
    } catch {
      newest = undefined;
    }
    const due = newest === undefined ? 0 : newest + everyMs - clock.now().getTime();
    return Math.min(Math.max(FIRST_RUN_DELAY_MS, due), everyMs);
  }
}

function realTimer(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  // A pending backup never keeps a closing process alive.
  timer.unref();
  return () => clearTimeout(timer);
}
