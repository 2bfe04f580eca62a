// Database start-up: opening a new file and migrating it, against opening it alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDir } from '../electron/app/paths.js';
import { loadMigrations, migrate } from '../electron/core/db/migrations.js';
import { integrityCheck, openDatabase } from '../electron/core/db/open.js';
import { medianMs, round, type Bench } from './types.js';

export const bench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  let n = 0;
  const fresh = () => join(dir, `db-${n++}.sqlite`);
  try {
    const openOnly = await medianMs(30, () => openDatabase(fresh()).close());
    const openAndMigrate = await medianMs(30, () => {
      const db = openDatabase(fresh());
      migrate(db, loadMigrations(migrationsDir()));
      db.close();
    });
    const db = openDatabase(fresh());
    migrate(db, loadMigrations(migrationsDir()));
    const check = await medianMs(30, () => integrityCheck(db));
    db.close();
    return [
      {
        name: 'db.open_and_migrate',
        value: round(openAndMigrate),
        unit: 'ms',
        baseline: round(openOnly),
        note: 'baseline: open a new file, no migrations',
      },
      { name: 'db.integrity_check', value: round(check), unit: 'ms', note: 'fresh database at the current schema' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
