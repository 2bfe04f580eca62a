// A real SQLite file migrated up to a given version (per-migration tests), or fully and unlocked with the test key.
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { tempDir } from './temp.js';
import { unlocked } from './data-key.js';

export function migratedDb(t: TestContext, upTo?: number): Db {
  const db = openDatabase(join(tempDir(t), 'kiosk.sqlite'));
  t.after(() => db.close());
  const all = loadMigrations(migrationsDir());
  migrate(db, upTo === undefined ? all : all.slice(0, upTo));
  // Fully migrated means a database the app could use: unlocked, so sealed fields can be written and read.
  return upTo === undefined ? unlocked(db) : db;
}
