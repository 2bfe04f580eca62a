// Before a restore replaces the database file: make sure nobody has it open, and fold its WAL into the file.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { KioskError } from '../errors.js';

export type SettledState = 'absent' | 'settled' | 'unreadable';

/**
 * How "the app holds the database" is detected: the app opens its file in WAL mode and keeps the connection for its
 * whole life, and a WAL-mode connection keeps a SHARED lock on the file while it is open. An EXCLUSIVE lock (locking
 * mode EXCLUSIVE + BEGIN EXCLUSIVE) is therefore refused while the app, the browser host or any other process has
 * the file open, and granted once they have all closed it — including after a crash, because the OS drops a dead
 * process's locks. No lock file to go stale. Holding that lock, committed transactions still in the WAL (an app that
 * was killed) are checkpointed into the file, so the copy kept aside is complete.
 * `unreadable`: the current file is too damaged to open (often the reason for the restore); it is kept as it is.
 */
export function settleDatabase(file: string): SettledState {
  if (!existsSync(file)) return 'absent';
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 250 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return 'settled';
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY'))
      throw new KioskError('conflict', 'errors.databaseInUse');
    return 'unreadable';
  } finally {
    db?.close();
  }
}
