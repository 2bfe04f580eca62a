// Restore: a checked private copy of the backup replaces the database file in one rename; the old file is kept aside.
import { copyFileSync, constants, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Clock } from '../clock.js';
import { appendAudit } from '../audit/log.js';
import type { Migration } from '../db/migrations.js';
import { openDatabase } from '../db/open.js';
import { KioskError } from '../errors.js';
import { checkCandidate } from './candidate.js';
import { fsyncDir, fsyncFile } from './files.js';
import { fileStamp } from './schema.js';
import { settleDatabase } from './settle.js';

export interface RestoreOptions {
  /** The backup file; only read, never changed. */
  from: string;
  /** The database file to replace (or create). */
  db: string;
  /** Stamps the kept file (`<db>.before-restore-<stamp>`). */
  clock: Clock;
  /** This app's migrations: a backup with history the app does not know, or edited, is refused. */
  migrations: Migration[];
}

export interface RestoreResult {
  restoredFrom: string;
  /** The replaced database, kept aside; null when there was none. */
  kept: string | null;
  schemaVersion: number;
  /** Migrations applied to the restored copy (a backup from an older app is brought up to date). */
  applied: string[];
}

export function restoreBackup(options: RestoreOptions): RestoreResult {
  const from = resolve(options.from);
  const target = resolve(options.db);
  if (!statSync(from, { throwIfNoEntry: false })?.isFile()) throw new KioskError('not-found', 'errors.backupNotFound', { file: from });
  if (from === target) throw new KioskError('invalid-input', 'errors.backupSameFile');
  mkdirSync(dirname(target), { recursive: true });
  // Beside the target, so the final rename stays on one file system and is atomic.
  const copy = `${target}.restoring-${process.pid}`;
  removeWithSidecars(copy);
  try {
    copyFileSync(from, copy);
    const { schemaVersion, applied } = checkCandidate(copy, options.migrations);
    const replacing = existsSync(target);
    recordRestore(copy, options.clock, replacing);
    removeWithSidecars(copy, ['-wal', '-shm', '-journal']);
    fsyncFile(copy);
    const state = settleDatabase(target);
    const kept = state === 'absent' ? null : freeKeptName(target, options.clock.now());
    if (kept) keepAside(target, kept);
    // A WAL or rollback journal left beside the new file would be replayed into it: move it away with the old file.
    for (const suffix of ['-wal', '-journal']) moveSidecar(`${target}${suffix}`, kept ? `${kept}${suffix}` : null);
    rmSync(`${target}-shm`, { force: true });
    renameSync(copy, target);
    fsyncDir(dirname(target));
    return { restoredFrom: from, kept, schemaVersion, applied };
  } finally {
    removeWithSidecars(copy);
  }
}

/**
 * The restored log says it was restored: the rows after the backup's point are gone from this file (they are in the
 * kept one), and an audit chain that simply ends earlier than it once did must be explained by the log itself.
 */
function recordRestore(copy: string, clock: Clock, replacing: boolean): void {
  const db = openDatabase(copy);
  try {
    const rows = (db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    appendAudit(db, {
      at: clock.now(),
      actor: 'system',
      action: 'backup.restored',
      subject: 'database:main',
      detail: { rowsInBackup: rows, replacing },
    });
  } finally {
    db.close();
  }
}

/**
 * A hard link, so the database path never disappears: the rename that follows swaps the restored file in atomically,
 * and a power cut in between leaves the old database in place. File systems without links (FAT) get a copy.
 */
function keepAside(target: string, kept: string): void {
  try {
    linkSync(target, kept);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    copyFileSync(target, kept, constants.COPYFILE_EXCL);
    fsyncFile(kept);
  }
}

function freeKeptName(target: string, at: Date): string {
  const base = `${target}.before-restore-${fileStamp(at)}`;
  for (let n = 1; ; n++) {
    const kept = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(kept)) return kept;
  }
}

/** An empty sidecar is deleted; one with content goes beside the kept file, so nothing committed is thrown away. */
function moveSidecar(file: string, keptAs: string | null): void {
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) return;
  if (size > 0 && keptAs) renameSync(file, keptAs);
  else rmSync(file, { force: true });
}

function removeWithSidecars(file: string, suffixes = ['', '-wal', '-shm', '-journal']): void {
  for (const suffix of suffixes) rmSync(`${file}${suffix}`, { force: true });
}
