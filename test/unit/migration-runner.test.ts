// The migration runner on real database files: fresh, repeat, edited, newer, failing, misnamed.
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate, MigrationError } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { tempDir } from '../helpers/temp.js';

function setup(t: TestContext) {
  const root = tempDir(t);
  const dir = join(root, 'migrations');
  mkdirSync(dir);
  writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x INTEGER) STRICT;\n');
  writeFileSync(join(dir, '0002_second.sql'), 'CREATE TABLE b (y INTEGER) STRICT;\n');
  const db = openDatabase(join(root, 'kiosk.sqlite'));
  t.after(() => db.close());
  return { dir, db, root };
}

const tables = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

test('applies all pending migrations once and records their checksums', (t) => {
  const { dir, db } = setup(t);
  const first = migrate(db, loadMigrations(dir));
  assert.deepEqual(first, { schemaVersion: 2, applied: ['0001_first.sql', '0002_second.sql'] });
  assert.deepEqual(tables(db), ['a', 'b', 'schema_migrations']);
  const again = migrate(db, loadMigrations(dir));
  assert.deepEqual(again.applied, [], 'a second run applies nothing');
  const rows = db.prepare('SELECT version, checksum FROM schema_migrations').all() as { checksum: string }[];
  assert.equal(rows.length, 2);
  assert.match(rows[0]!.checksum, /^[0-9a-f]{64}$/);
});

test('the database is opened with WAL, synchronous=FULL and foreign keys on', (t) => {
  const { db } = setup(t);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('synchronous', { simple: true }), 2);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
});

test('refuses a database whose applied migration was edited, naming the file', (t) => {
  const { dir, db } = setup(t);
  migrate(db, loadMigrations(dir));
  appendFileSync(join(dir, '0001_first.sql'), 'CREATE INDEX ax ON a (x);\n');
  assert.throws(
    () => migrate(db, loadMigrations(dir)),
    (e: unknown) =>
      e instanceof MigrationError && e.problem === 'edited' && /0001_first\.sql.*changed after it was applied/.test(e.message),
  );
});

test('a Windows checkout (CRLF) of the same file is not an edit', (t) => {
  const { dir, db } = setup(t);
  migrate(db, loadMigrations(dir));
  writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x INTEGER) STRICT;\r\n');
  assert.doesNotThrow(() => migrate(db, loadMigrations(dir)));
});

test('refuses a database newer than the app', (t) => {
  const { dir, db } = setup(t);
  migrate(db, loadMigrations(dir));
  const older = loadMigrations(dir).slice(0, 1);
  assert.throws(
    () => migrate(db, older),
    (e: unknown) =>
      e instanceof MigrationError && e.problem === 'newer-than-app' && /schema version 2 but this app knows only 1/.test(e.message),
  );
});

test('a failing migration leaves nothing applied, not even the ones before it', (t) => {
  const { dir, db } = setup(t);
  writeFileSync(join(dir, '0003_broken.sql'), 'CREATE TABLE c (z INTEGER) STRICT;\nTHIS IS NOT SQL;\n');
  assert.throws(
    () => migrate(db, loadMigrations(dir)),
    (e: unknown) => e instanceof MigrationError && e.problem === 'failed' && /0003_broken\.sql/.test(e.message),
  );
  assert.deepEqual(tables(db), ['schema_migrations']);
  assert.equal((db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n, 0);
});

test('refuses misnamed files and gaps in the numbering', (t) => {
  const { dir } = setup(t);
  writeFileSync(join(dir, '3_oops.sql'), '');
  assert.throws(
    () => loadMigrations(dir),
    (e: unknown) => e instanceof MigrationError && e.problem === 'bad-file-name',
  );
  const other = join(tempDir(t), 'm');
  mkdirSync(other);
  copyFileSync(join(dir, '0001_first.sql'), join(other, '0001_first.sql'));
  writeFileSync(join(other, '0003_third.sql'), '');
  assert.throws(
    () => loadMigrations(other),
    (e: unknown) => e instanceof MigrationError && e.problem === 'gap',
  );
});

test('every shipped migration has its own test file', () => {
  const files = readdirSync(migrationsDir()).filter((f) => f.endsWith('.sql'));
  const tests = new Set(readdirSync(new URL('../migrations/', import.meta.url)));
  assert.ok(files.length > 0);
  for (const f of files)
    assert.ok(tests.has(f.replace(/\.sql$/, '.test.ts')), `test/migrations/${f.replace(/\.sql$/, '.test.ts')} is missing`);
});
