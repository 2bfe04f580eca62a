// A real SQLite file migrated up to a given version, for the per-migration tests.
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { tempDir } from './temp.js';

export function migratedDb(t: TestContext, upTo?: number): Db {
  const db = openDatabase(join(tempDir(t), 'kiosk.sqlite'));
  t.after(() => db.close());
  const all = loadMigrations(migrationsDir());
  migrate(db, upTo === undefined ? all : all.slice(0, upTo));
  return db;
}
