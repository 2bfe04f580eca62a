// Migration 0008: the outbox rebuilt to accept 'report-loss': rows, seqs, counter, indexes and constraints kept.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { tempDir } from '../helpers/temp.js';

const key = 'a'.repeat(64);
const id = (n: number) => `7b0e3c1a-2f4d-4c8e-9a6b-${String(n).padStart(12, '0')}`;
const insert = `INSERT INTO outbox (kind, applicant_key, idempotency_key, target_id, body, next_attempt_at, created_at, state, done_at, last_error, attempts)
  VALUES (@kind, @key, @idem, @target, @body, @next, 'now', @state, @doneAt, @error, @attempts)`;
const row = (n: number, over: Record<string, unknown> = {}) => ({
  kind: 'submit-application',
  key,
  idem: id(n),
  target: id(n),
  body: '{"n":' + n + '}',
  next: 1000 + n,
  state: 'pending',
  doneAt: null,
  error: null,
  attempts: 0,
  ...over,
});

/** A file at schema 7 with the given rows written, then migrated to 8: what an installed kiosk goes through. */
function upgraded(t: TestContext, before: (db: Db) => void): Db {
  const db = openDatabase(join(tempDir(t), 'kiosk.sqlite'));
  t.after(() => db.close());
  const all = loadMigrations(migrationsDir());
  migrate(db, all.slice(0, 7));
  before(db);
  migrate(db, all.slice(0, 8));
  return db;
}

const counter = (db: Db) => (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined)?.seq;

test('0008 keeps every row with its seq and every column, and the AUTOINCREMENT counter above deleted rows', (t) => {
  let before: unknown[] = [];
  const db = upgraded(t, (old) => {
    const put = old.prepare(insert);
    put.run(row(1));
    put.run(row(2, { kind: 'send-decision', state: 'done', doneAt: 'later', body: 'null', attempts: 3 }));
    put.run(row(3, { state: 'failed', doneAt: 'later', error: 'invalid-request', attempts: 1 }));
    put.run(row(4));
    put.run(row(5));
    // The two newest rows go (a future retention purge): the counter stays at 5, so seq 4 and 5 are never reused.
    old.prepare('DELETE FROM outbox WHERE seq > 3').run();
    before = old.prepare('SELECT * FROM outbox ORDER BY seq').all();
    assert.equal(counter(old), 5);
  });
  assert.deepEqual(db.prepare('SELECT * FROM outbox ORDER BY seq').all(), before);
  assert.equal(counter(db), 5, 'the counter moved with the table');
  assert.equal(db.prepare("SELECT count(*) AS n FROM sqlite_sequence WHERE name LIKE 'outbox%'").pluck().get(), 1);
  const next = db.prepare(insert).run(row(6, { kind: 'report-loss', idem: 'b7c1d2e3-loss-key' }));
  assert.equal(next.lastInsertRowid, 6, 'the next seq continues after the deleted ones');
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(db.pragma('foreign_key_check'), []);
});

test('0008 on an outbox never written: the counter starts from nothing, the first seq is 1', (t) => {
  const db = upgraded(t, () => {});
  assert.equal(counter(db) ?? 0, 0);
  assert.equal(db.prepare(insert).run(row(1, { kind: 'report-loss' })).lastInsertRowid, 1);
  assert.equal(counter(db), 1);
});

test("0008 accepts 'report-loss', still refuses an unknown kind and every constraint of 0003", (t) => {
  const db = migratedDb(t, 8);
  const put = db.prepare(insert);
  put.run(row(1, { kind: 'report-loss' }));
  assert.equal(db.prepare('SELECT kind FROM outbox').pluck().get(), 'report-loss');
  assert.throws(() => put.run(row(2, { kind: 'delete-everything' })), /CHECK constraint/);
  assert.throws(() => put.run(row(3, { key: '11010519491231002X' })), /CHECK constraint/, 'an ID number is not an applicant key');
  assert.throws(() => put.run(row(4, { body: 'not json' })), /CHECK constraint/);
  assert.throws(() => put.run(row(5, { state: 'sending' })), /CHECK constraint/);
  assert.throws(() => put.run(row(6, { state: 'done' })), /CHECK constraint/, 'done needs done_at');
  assert.throws(() => put.run(row(7, { error: '身份证 11010519491231002X 无效' })), /CHECK constraint/, 'last_error is a code');
  assert.throws(() => put.run(row(8, { target: 'short' })), /CHECK constraint/);
  assert.throws(() => put.run(row(9, { idem: 'short' })), /CHECK constraint/);
  assert.throws(() => put.run(row(10, { attempts: -1 })), /CHECK constraint/);
  assert.throws(() => put.run(row(1, { target: id(11) })), /UNIQUE constraint/, 'one row per idempotency key');
  assert.throws(() => db.prepare("UPDATE outbox SET kind = 'nonsense'").run(), /CHECK constraint/);
});

test('0008 changes only the kind list: the table otherwise as 0003 made it, the three indexes exactly as before', (t) => {
  const schemaOf = (db: Db) =>
    db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'outbox' ORDER BY type, name").all() as Array<{
      type: string;
      name: string;
      sql: string;
    }>;
  let before: ReturnType<typeof schemaOf> = [];
  const db = upgraded(t, (old) => (before = schemaOf(old)));
  const after = schemaOf(db);
  assert.deepEqual(
    after.filter((e) => e.type === 'index').map((e) => e.name),
    ['outbox_applicant', 'outbox_due', 'outbox_failed', 'sqlite_autoindex_outbox_1'],
    'the three partial indexes, and the UNIQUE key on idempotency_key under its usual name',
  );
  assert.deepEqual(
    after.filter((e) => e.type === 'index'),
    before.filter((e) => e.type === 'index'),
  );
  const table = (entries: typeof before) => entries.find((e) => e.type === 'table')!.sql.replace(/^CREATE TABLE "?outbox"? /, '');
  assert.equal(
    table(after),
    table(before).replace("'submit-application', 'send-decision')", "'submit-application', 'send-decision', 'report-loss')"),
  );
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'outbox_new'").pluck().get(), 0);
});
