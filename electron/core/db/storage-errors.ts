// Turns a failed SQLite write (disk full, read-only, I/O error, corrupt or missing file) into a KioskError the screen can say.
// Pure on purpose (no better-sqlite3 import, no Node APIs): the IPC dispatcher uses it too.
import { KioskError } from '../errors.js';

/** What went wrong with the storage, as far as the person at the kiosk needs to know. */
export type StorageFailureKind = 'full' | 'read-only' | 'failed';

export interface StorageFailure {
  kind: StorageFailureKind;
  /** better-sqlite3's extended result code, e.g. 'SQLITE_IOERR_WRITE': safe to log (no SQL text, no values). */
  sqliteCode: string;
}

/**
 * The families of result codes that mean "the file could not be written or read", by primary code. Everything else
 * (constraints, BUSY, MISUSE…) is a programming or concurrency matter and stays errors.internal.
 * SQLITE_NOTADB is a file that is not a database any more: for the resident, the same as a corrupt one.
 */
const KIND_BY_PRIMARY: Record<string, StorageFailureKind> = {
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'read-only',
  SQLITE_IOERR: 'failed',
  SQLITE_CORRUPT: 'failed',
  SQLITE_CANTOPEN: 'failed',
  SQLITE_NOTADB: 'failed',
};

const KEY_BY_KIND: Record<StorageFailureKind, string> = {
  full: 'errors.storageFull',
  'read-only': 'errors.storageReadOnly',
  failed: 'errors.storageFailed',
};

/** 'SQLITE_IOERR_WRITE' → 'SQLITE_IOERR'; 'SQLITE_FULL' → 'SQLITE_FULL'. */
function primaryCode(code: string): string {
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

/** better-sqlite3 throws SqliteError with a string `code`; matched by shape so this module needs no native import. */
function sqliteCodeOf(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The storage failure behind `error`, or null when it is not one. */
export function storageFailure(error: unknown): StorageFailure | null {
  const sqliteCode = sqliteCodeOf(error);
  if (sqliteCode === null) return null;
  const kind = KIND_BY_PRIMARY[primaryCode(sqliteCode)];
  return kind === undefined ? null : { kind, sqliteCode };
}

/**
 * The refusal to show for a storage failure. SQLite rolls the failed statement's transaction back (better-sqlite3's
 * transaction wrapper does too), so each key says "nothing was saved". The code is 'unavailable': the kiosk cannot
 * serve this now, through no fault of the input.
 */
export function storageRefusal(failure: StorageFailure): KioskError {
  return new KioskError('unavailable', KEY_BY_KIND[failure.kind]);
}

/** The refusal for `error` when it is a storage failure, or null when it is not one. */
export function storageError(error: unknown): KioskError | null {
  const failure = storageFailure(error);
  return failure === null ? null : storageRefusal(failure);
}
