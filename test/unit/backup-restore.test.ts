// Restore: a checked copy replaces the database in one rename, the old file kept; every kind of bad backup refused.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { appendAudit, verifyAuditChain } from '../../electron/core/audit/log.js';
import { takeBackup } from '../../electron/core/backup/backup.js';
import { restoreBackup } from '../../electron/core/backup/restore.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const migrations = loadMigrations(migrationsDir());
const clock = fakeClock('2026-11-27T02:00:00Z');

function addRows(db: Db, from: number, to: number): void {
  db.transaction(() => {
    for (let i = from; i <= to; i++)
      appendAudit(db, { at: clock.now(), actor: 'system', action: 'test.row', subject: `row:${i}`, detail: { i } });
  })();
}

/** A closed database file with `rows` audit rows, migrated up to `upTo` migrations (all by default). */
function databaseFile(t: TestContext, rows: number, upTo = migrations.length, name = 'kiosk.sqlite'): string {
  const file = join(tempDir(t), name);
  const db = openDatabase(file);
  migrate(db, migrations.slice(0, upTo));
  addRows(db, 1, rows);
  db.close();
  return file;
}

async function backupOf(t: TestContext, rows: number, tamper?: (db: Db) => void): Promise<string> {
  const source = openDatabase(databaseFile(t, rows));
  tamper?.(source);
  const { file } = await takeBackup({ db: source, dir: tempDir(t), clock, keep: 1 });
  source.close();
  return file;
}

function auditRows(file: string): number {
  const db = openDatabase(file, { readonly: true });
  try {
    const verdict = verifyAuditChain(db);
    assert.equal(verdict.ok, true);
    return verdict.rows;
  } finally {
    db.close();
  }
}

test('a backup replaces the database; the old file is kept beside it and no stale WAL or temp file is left', async (t) => {
  const from = await backupOf(t, 10);
  const target = databaseFile(t, 25);
  const result = restoreBackup({ from, db: target, clock, migrations });
  const kept = `${target}.before-restore-20261127T020000Z`;
  assert.deepEqual(result, { restoredFrom: from, kept, schemaVersion: migrations.length, applied: [] });
  assert.deepEqual(readdirSync(join(target, '..')).sort(), ['kiosk.sqlite', 'kiosk.sqlite.before-restore-20261127T020000Z']);
  assert.equal(auditRows(target), 11, 'the backup’s 10 rows and the restore’s own');
  assert.equal(auditRows(kept), 25, 'the replaced database is whole');
  assert.equal(readFileSync(from).length > 0, true, 'the backup itself is untouched');
  // A second restore in the same second keeps the file it replaces under its own name.
  assert.equal(restoreBackup({ from, db: target, clock, migrations }).kept, `${kept}-2`);
});

test('restoring where there is no database creates it; a backup from an older app is brought up to date', async (t) => {
  const old = databaseFile(t, 0, 4, 'old.sqlite');
  const target = join(tempDir(t), 'new', 'kiosk.sqlite');
  const result = restoreBackup({ from: old, db: target, clock, migrations });
  assert.equal(result.kept, null);
  assert.deepEqual(
    result.applied,
    migrations.slice(4).map((m) => m.file),
  );
  const db = openDatabase(target);
  t.after(() => db.close());
  assert.deepEqual(migrate(db, migrations).applied, [], 'the app finds nothing left to migrate');
});

function refusedWith(key: string) {
  return (error: unknown) => error instanceof KioskError && error.key === key;
}

test('each kind of bad backup is refused with its own key, and the database is not touched', async (t) => {
  const target = databaseFile(t, 5);
  const before = readFileSync(target);
  const dir = tempDir(t);
  const text = join(dir, 'notes.sqlite');
  writeFileSync(text, 'these are not the pages you are looking for');
  const empty = join(dir, 'empty.sqlite');
  writeFileSync(empty, '');
  const corrupt = join(dir, 'corrupt.sqlite');
  const bytes = readFileSync(await backupOf(t, 300));
  bytes.fill(0x5a, bytes.readUInt16BE(16) + 8, bytes.readUInt16BE(16) + 400);
  writeFileSync(corrupt, bytes);
  const foreign = join(dir, 'foreign.sqlite');
  const other = new Database(foreign);
  other.exec('CREATE TABLE notes (body TEXT)');
  other.close();
  const newer = await backupOf(t, 1, (db) => {
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'from_the_future', 'x', '2027-01-01')").run(migrations.length + 1);
  });
  const edited = await backupOf(t, 1, (db) => db.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2").run());
  const cases: Array<[string, string]> = [
    [join(dir, 'absent.sqlite'), 'errors.backupNotFound'],
    [text, 'errors.backupNotSqlite'],
    [empty, 'errors.backupNotSqlite'],
    [corrupt, 'errors.backupCorrupt'],
    [foreign, 'errors.backupNotKiosk'],
    [newer, 'errors.backupSchemaNewer'],
    [edited, 'errors.backupMigrationsDiffer'],
    [target, 'errors.backupSameFile'],
  ];
  for (const [from, key] of cases) {
    assert.throws(() => restoreBackup({ from, db: target, clock, migrations }), refusedWith(key), key);
    assert.ok(readFileSync(target).equals(before), `${key}: the database is byte-for-byte unchanged`);
    assert.deepEqual(readdirSync(join(target, '..')), ['kiosk.sqlite'], `${key}: no temp file left`);
  }
});

test('refused while another connection has the database open; allowed once it is closed', async (t) => {
  const from = await backupOf(t, 3);
  const target = databaseFile(t, 7);
  const app = openDatabase(target);
  addRows(app, 8, 9);
  assert.throws(() => restoreBackup({ from, db: target, clock, migrations }), refusedWith('errors.databaseInUse'));
  assert.equal(auditRows(target), 9, 'still the app’s database');
  app.close();
  assert.equal(existsSync(`${target}-wal`), false);
  const { kept } = restoreBackup({ from, db: target, clock, migrations });
  assert.equal(auditRows(target), 4);
  assert.equal(auditRows(kept!), 9);
});
