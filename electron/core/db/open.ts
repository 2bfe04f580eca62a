// Opens the terminal's SQLite file with the durability settings the house rules require.
import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros, not left in free pages: a purged resident is gone from the file itself.
    db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    // Not a database, or a read-only disk refusing the WAL: close, or the handle keeps the file system busy.
    db.close();
    throw error;
  }
}

export function integrityCheck(db: Db): string {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).join('; ');
}
