// Migration 0006: the trust cache, one row per list kind, JSON bodies and an ISO fetched time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migratedDb } from '../helpers/migrated-db.js';

const put = `INSERT INTO trust_cache (kind, body, fetched_at) VALUES (?, ?, ?)`;

test('0006 creates trust_cache, empty', (t) => {
  const db = migratedDb(t, 6);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM trust_cache').get(), { n: 0 });
  db.prepare(put).run('trust-list', '{"keys":[]}', '2026-11-27T02:00:00.000Z');
  db.prepare(put).run('revocations', '{"hashes":[]}', '2026-11-27T02:00:00.000Z');
  assert.deepEqual(
    db
      .prepare('SELECT kind FROM trust_cache ORDER BY kind')
      .all()
      .map((row) => (row as { kind: string }).kind),
    ['revocations', 'trust-list'],
  );
});

test('0006 refuses a second row of a kind, an unknown kind, a body that is not JSON, a fetched time that is not ISO', (t) => {
  const db = migratedDb(t, 6);
  const insert = db.prepare(put);
  insert.run('trust-list', '{}', '2026-11-27T02:00:00.000Z');
  assert.throws(() => insert.run('trust-list', '{}', '2026-11-27T03:00:00.000Z'), /UNIQUE constraint|PRIMARY KEY/);
  assert.throws(() => insert.run('keys', '{}', '2026-11-27T02:00:00.000Z'), /CHECK constraint/);
  assert.throws(() => insert.run('revocations', 'not json', '2026-11-27T02:00:00.000Z'), /CHECK constraint/);
  assert.throws(() => insert.run('revocations', '{}', 'yesterday'), /CHECK constraint/);
  assert.throws(() => insert.run('revocations', null, '2026-11-27T02:00:00.000Z'), /NOT NULL constraint/);
});
