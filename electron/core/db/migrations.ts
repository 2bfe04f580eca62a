// Up-only migration runner: applies pending `NNNN_name.sql` files in one transaction and refuses diverged history.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './open.js';

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export type MigrationProblem = 'bad-file-name' | 'duplicate-version' | 'gap' | 'edited' | 'unknown-applied' | 'newer-than-app' | 'failed';

/** A migration problem stops the app: the message names the file and says what to do. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly problem: MigrationProblem,
    message: string,
  ) {
    super(message);
  }
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function checksumOf(sql: string): string {
  // Line endings are normalised so a checkout on Windows does not look like an edit.
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const migrations = files.map((file) => {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError('bad-file-name', `migration file "${file}" must be named NNNN_lowercase_name.sql`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version: Number(match[1]), name: match[2]!, file, sql, checksum: checksumOf(sql) };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      const kind = migrations.some((o, j) => j !== i && o.version === m.version) ? 'duplicate-version' : 'gap';
      throw new MigrationError(kind, `migration "${m.file}" should be version ${String(i + 1).padStart(4, '0')} (${kind})`);
    }
  });
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export interface MigrateResult {
  schemaVersion: number;
  applied: string[];
}

export function migrate(db: Db, migrations: Migration[]): MigrateResult {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  verifyHistory(applied, migrations);

  const pending = migrations.slice(applied.length);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const applyAll = db.transaction(() => {
    for (const m of pending) {
      try {
        db.exec(m.sql);
      } catch (error) {
        throw new MigrationError('failed', `migration "${m.file}" failed: ${(error as Error).message}; nothing was applied`);
      }
      record.run(m.version, m.name, m.checksum, new Date().toISOString());
    }
  });
  applyAll.immediate();
  return { schemaVersion: migrations.length, applied: pending.map((m) => m.file) };
}

function verifyHistory(applied: AppliedRow[], migrations: Migration[]): void {
  const newest = applied.at(-1);
  if (newest && newest.version > migrations.length) {
    throw new MigrationError(
      'newer-than-app',
      `the database is at schema version ${newest.version} but this app knows only ${migrations.length}: install the newer app, or restore a backup made by this version`,
    );
  }
  applied.forEach((row, i) => {
    const file = migrations[i];
    if (!file || row.version !== file.version) {
      throw new MigrationError('unknown-applied', `the database records migration ${row.version} (${row.name}) that has no matching file`);
    }
    if (row.checksum !== file.checksum) {
      throw new MigrationError(
        'edited',
        `migration "${file.file}" was changed after it was applied to this database (checksum differs); migrations are never edited once landed: restore the file and add a new migration instead`,
      );
    }
  });
}
