// Checks a file offered for restore: a SQLite database, intact, a kiosk's, with a migration history this app knows.
import { closeSync, openSync, readSync } from 'node:fs';
import { MigrationError, migrate, type MigrateResult, type Migration } from '../db/migrations.js';
import { integrityCheck, openDatabase, type Db } from '../db/open.js';
import { KioskError } from '../errors.js';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The 16-byte magic every SQLite 3 database starts with; an empty or short file is not a database either. */
export function looksLikeSqlite(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a private copy (never the operator's file) and brings it to this app's schema, exactly as the app would on
 * start, so a restore that succeeds is one the app will open. Throws a KioskError naming what is wrong.
 */
export function checkCandidate(copy: string, migrations: Migration[]): MigrateResult {
  if (!looksLikeSqlite(copy)) throw new KioskError('invalid-input', 'errors.backupNotSqlite');
  let db: Db | undefined;
  try {
    db = openDatabase(copy);
    if (integrityCheck(db) !== 'ok') throw new KioskError('invalid-input', 'errors.backupCorrupt');
    const hasHistory = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasHistory) throw new KioskError('invalid-input', 'errors.backupNotKiosk');
    return migrate(db, migrations);
  } catch (error) {
    throw candidateRefusal(error);
  } finally {
    db?.close();
  }
}

function candidateRefusal(error: unknown): unknown {
  if (error instanceof MigrationError) {
    if (error.problem === 'newer-than-app') return new KioskError('conflict', 'errors.backupSchemaNewer');
    if (error.problem === 'edited' || error.problem === 'unknown-applied')
      return new KioskError('conflict', 'errors.backupMigrationsDiffer');
    if (error.problem === 'failed') return new KioskError('conflict', 'errors.backupMigrationFailed');
    return error;
  }
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_NOTADB') return new KioskError('invalid-input', 'errors.backupNotSqlite');
  if (code.startsWith('SQLITE_CORRUPT')) return new KioskError('invalid-input', 'errors.backupCorrupt');
  return error;
}
