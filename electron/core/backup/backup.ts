// One backup: SQLite's online backup API into a hidden temp file, checked, flushed, renamed; then the oldest pruned.
import { storageFailure } from '../db/storage-errors.js';
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../clock.js';
import { integrityCheck, type Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { fsyncDir, fsyncFile, keepNewest, partialName, removeStalePartials } from './files.js';
import { backupFileName } from './schema.js';

export interface BackupOptions {
  /** The live database; it stays usable (and other connections keep writing) while the copy is made. */
  db: Db;
  dir: string;
  /** Names the file (kiosk-YYYYMMDDTHHMMSSZ.sqlite). */
  clock: Clock;
  /** The newest `keep` backups stay; older ones are deleted once this one is safely in place. */
  keep: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

/** sqlite3_backup_step's "all remaining pages": see takeBackup for why the copy is one step. */
const ALL_PAGES = 0x7fffffff;

/** Temp files being written by this process right now, so a parallel run does not remove them as stale. */
const inProgress = new Set<string>();

/**
 * Copies the whole database in ONE backup step, i.e. inside one read transaction of the source. A step-by-step copy
 * restarts from page 1 whenever another connection commits between steps, and under steady writes might never end;
 * one step is a consistent snapshot and, in WAL mode, does not block writers. It holds this thread for the copy
 * (about 1 ms per MB here), which is the price of a backup that always finishes.
 */
export async function takeBackup(options: BackupOptions): Promise<BackupResult> {
  const { db, dir, clock, keep } = options;
  const started = performance.now();
  try {
    mkdirSync(dir, { recursive: true });
    removeStalePartials(dir, inProgress);
  } catch (error) {
    throw backupRefusal(error) ?? error;
  }
  const file = freeName(dir, clock.now());
  const partial = join(dir, partialName(file.slice(dir.length + 1)));
  inProgress.add(partial);
  try {
    rmSync(partial, { force: true });
    const { totalPages } = await db.backup(partial, { progress: () => ALL_PAGES });
    sealCopy(partial);
    fsyncFile(partial);
    renameSync(partial, file);
    fsyncDir(dir);
    keepNewest(dir, keep);
    return { file, bytes: statSync(file).size, pages: totalPages, ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw backupRefusal(error) ?? error;
  } finally {
    inProgress.delete(partial);
  }
}

/** A backup file stands alone (rollback journal, not WAL) and is checked before it may carry a backup's name. */
function sealCopy(partial: string): void {
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    if (integrityCheck(copy) !== 'ok') throw new KioskError('internal', 'errors.backupCopyCorrupt');
  } finally {
    copy.close();
  }
}

function freeName(dir: string, at: Date): string {
  for (let n = 1; ; n++) {
    const file = join(dir, backupFileName(at, n));
    if (!existsSync(file)) return file;
  }
}

/** File-system errors of the copy itself (the backup folder), which SQLite's codes do not cover. */
const FS_FAILURES: Readonly<Record<string, 'full' | 'failed'>> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EIO: 'failed',
  ENOTDIR: 'failed',
  EROFS: 'failed',
  EACCES: 'failed',
  EPERM: 'failed',
};

/**
 * Disk full and I/O errors become refusals the operator can read; anything else is a bug and stays as it is. SQLite's
 * own codes are classified by db/storage-errors.ts, as for every other write.
 */
export function backupRefusal(error: unknown): KioskError | null {
  if (error instanceof KioskError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const kind = storageFailure(error)?.kind ?? FS_FAILURES[code];
  if (kind === undefined) return null;
  return kind === 'full'
    ? new KioskError('unavailable', 'errors.backupDiskFull')
    : new KioskError('unavailable', 'errors.backupIoError', { reason: code });
}
