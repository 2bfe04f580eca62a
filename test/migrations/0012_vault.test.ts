// Migration 0012: the vault holds the data key's check value and the sealed lookup key, nothing in the clear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migratedDb } from '../helpers/migrated-db.js';

test('0012 creates an empty vault that takes only sealed values, one row', (t) => {
  const db = migratedDb(t, 12);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM vault').get(), { n: 0 });
  const put = db.prepare('INSERT INTO vault (singleton, key_check, lookup_key) VALUES (?, ?, ?)');
  assert.throws(() => put.run(1, 'clear text', null), /CHECK constraint/);
  assert.throws(() => put.run(1, 'v1.abc', 'a'.repeat(64)), /CHECK constraint/);
  put.run(1, 'v1.abc', 'v1.def');
  assert.throws(() => put.run(2, 'v1.abc', null), /CHECK constraint/);
  assert.throws(() => put.run(1, 'v1.abc', null), /UNIQUE constraint|PRIMARY KEY/);
});
