// Storage failures (core/db/storage-errors.ts) and the dispatcher's envelope for them: the right words, only SQLite's
// code in the log, and everything that is not a storage failure left alone.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/open.js';
import { storageError, storageFailure } from '../../electron/core/db/storage-errors.js';
import { KioskError } from '../../electron/core/errors.js';
import { createDispatcher, type Handlers } from '../../electron/ipc/dispatch.js';
import { tempDir } from '../helpers/temp.js';

const sqliteError = (code: string, message = 'database or disk is full') => new Database.SqliteError(message, code);

const mapped: Array<[code: string, key: string]> = [
  ['SQLITE_FULL', 'errors.storageFull'],
  ['SQLITE_READONLY', 'errors.storageReadOnly'],
  ['SQLITE_READONLY_DBMOVED', 'errors.storageReadOnly'],
  ['SQLITE_READONLY_RECOVERY', 'errors.storageReadOnly'],
  ['SQLITE_IOERR', 'errors.storageFailed'],
  ['SQLITE_IOERR_WRITE', 'errors.storageFailed'],
  ['SQLITE_IOERR_FSYNC', 'errors.storageFailed'],
  ['SQLITE_IOERR_SHMSIZE', 'errors.storageFailed'],
  ['SQLITE_CORRUPT', 'errors.storageFailed'],
  ['SQLITE_CORRUPT_INDEX', 'errors.storageFailed'],
  ['SQLITE_CANTOPEN', 'errors.storageFailed'],
  ['SQLITE_NOTADB', 'errors.storageFailed'],
];

for (const [code, key] of mapped) {
  test(`${code} becomes ${key}`, () => {
    const refusal = storageError(sqliteError(code));
    assert.ok(refusal instanceof KioskError);
    assert.equal(refusal.code, 'unavailable');
    assert.equal(refusal.key, key);
    assert.equal(refusal.params, undefined);
    assert.equal(storageFailure(sqliteError(code))?.sqliteCode, code);
  });
}

test('what is not a storage failure is left alone (constraints, busy, plain errors, Node errnos, non-errors)', () => {
  const others: unknown[] = [
    sqliteError('SQLITE_CONSTRAINT_UNIQUE'),
    sqliteError('SQLITE_BUSY'),
    sqliteError('SQLITE_ERROR'),
    sqliteError('SQLITE_FULLX'),
    new KioskError('conflict', 'errors.conflict'),
    new Error('boom'),
    Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }),
    { code: 'SQLITE_FULL' }, // not an Error: nothing SQLite threw
    'SQLITE_FULL',
    null,
    undefined,
  ];
  for (const other of others) assert.equal(storageError(other), null, String(other));
});

test('real SQLite failures: a read-only connection, a folder for a file, a file that is not a database', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'kiosk.sqlite');
  const writer = openDatabase(file);
  writer.exec('CREATE TABLE t (x TEXT)');
  writer.close();
  const reader = openDatabase(file, { readonly: true });
  t.after(() => reader.close());
  assert.throws(
    () => reader.prepare("INSERT INTO t VALUES ('a')").run(),
    (error: unknown) => storageError(error)?.key === 'errors.storageReadOnly',
  );
  assert.throws(
    () => openDatabase(dir), // a folder where the file should be
    (error: unknown) => storageError(error)?.key === 'errors.storageFailed',
  );
  const garbage = join(dir, 'garbage.sqlite');
  writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
  assert.throws(
    () => openDatabase(garbage),
    (error: unknown) => storageFailure(error)?.sqliteCode === 'SQLITE_NOTADB' && storageError(error)?.key === 'errors.storageFailed',
  );
});

test('the dispatcher answers a storage failure with its key, and logs the code only', async () => {
  // The message carries SQL and a number, as a real SqliteError's may: neither may reach the log or the envelope.
  const secret = "INSERT INTO application VALUES ('370102198001010011')";
  const thrown: unknown[] = [
    sqliteError('SQLITE_FULL', secret),
    sqliteError('SQLITE_IOERR_WRITE', secret),
    sqliteError('SQLITE_READONLY', secret),
  ];
  const events: unknown[] = [];
  const handlers = {
    'app.info': () => {
      throw thrown.shift();
    },
  } as unknown as Handlers;
  const dispatch = createDispatcher(handlers, (event) => events.push(event));
  const answers = [];
  for (let i = 0; i < 3; i++) answers.push(await dispatch('app.info', {}, { transport: 'ipc' }));
  assert.deepEqual(answers, [
    { ok: false, error: { code: 'unavailable', key: 'errors.storageFull' } },
    { ok: false, error: { code: 'unavailable', key: 'errors.storageFailed' } },
    { ok: false, error: { code: 'unavailable', key: 'errors.storageReadOnly' } },
  ]);
  assert.deepEqual(events, [
    { channel: 'app.info', code: 'storage-full', detail: 'SQLITE_FULL' },
    { channel: 'app.info', code: 'storage-failed', detail: 'SQLITE_IOERR_WRITE' },
    { channel: 'app.info', code: 'storage-read-only', detail: 'SQLITE_READONLY' },
  ]);
  assert.ok(!JSON.stringify([answers, events]).includes('370102'));
});

test('the dispatcher still answers errors.internal for other failures (a constraint is a bug, not a disk)', async () => {
  const handlers = {
    'app.info': () => {
      throw sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed');
    },
  } as unknown as Handlers;
  const answer = await createDispatcher(handlers)('app.info', {}, { transport: 'ipc' });
  assert.deepEqual(answer, { ok: false, error: { code: 'internal', key: 'errors.internal' } });
});

test('the three keys are said in zh-CN and en, and say that nothing was saved', () => {
  const read = (language: string) =>
    JSON.parse(readFileSync(new URL(`../../renderer/locales/${language}/common.json`, import.meta.url), 'utf8')) as {
      errors: Record<string, string>;
    };
  const zh = read('zh-CN').errors;
  const en = read('en').errors;
  for (const key of ['storageFull', 'storageReadOnly', 'storageFailed']) {
    assert.match(zh[key] ?? '', /没有保存/, `zh-CN ${key}`);
    assert.match(zh[key] ?? '', /工作人员/, `zh-CN ${key}`);
    assert.match(en[key] ?? '', /nothing .*was saved/i, `en ${key}`);
    assert.match(en[key] ?? '', /staff/, `en ${key}`);
  }
});
