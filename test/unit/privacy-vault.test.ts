// Sealing at rest: AES-256-GCM per purpose, a wrong key refused at unlock, the lookup key and clear bodies moved to sealed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { unlockTerminalData } from '../../electron/app/data-key.js';
import { ensureLookupKey } from '../../electron/core/applications/lookup-key.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import { deriveKey, seal, unseal } from '../../electron/core/privacy/seal.js';
import { isUnlocked, unlockDatabase } from '../../electron/core/privacy/vault.js';
import { outboxBody } from '../../electron/core/sync/outbox.js';
import { TEST_DATA_KEY } from '../helpers/data-key.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { seededRandom } from '../helpers/sync-fixtures.js';

const mismatch = (error: unknown) => error instanceof KioskError && error.key === 'errors.dataKeyMismatch';

test('seal: a fresh IV each time; opens only with the same key and context; any flipped byte is refused', () => {
  const key = deriveKey(TEST_DATA_KEY, 'outbox-body');
  const a = seal(key, '{"idNumber":"11010519491231002X"}', 'row-1');
  const b = seal(key, '{"idNumber":"11010519491231002X"}', 'row-1');
  assert.notEqual(a, b);
  assert.ok(!a.includes('11010519491231002X'));
  assert.equal(unseal(key, a, 'row-1'), '{"idNumber":"11010519491231002X"}');
  assert.throws(() => unseal(key, a, 'row-2'), mismatch);
  assert.throws(() => unseal(deriveKey(TEST_DATA_KEY, 'lookup-key'), a, 'row-1'), mismatch);
  const raw = Buffer.from(a.slice(3), 'base64url');
  for (const at of [0, 12, raw.length - 1]) {
    const flipped = Buffer.from(raw);
    flipped[at]! ^= 1;
    assert.throws(() => unseal(key, `v1.${flipped.toString('base64url')}`, 'row-1'), mismatch);
  }
  assert.throws(() => unseal(key, 'not sealed', 'row-1'), mismatch);
});

test('unlock records a check value; another key is refused on any connection and that handle stays locked', (t) => {
  const db = migratedDb(t);
  assert.ok(isUnlocked(db));
  const second = openDatabase(db.name);
  t.after(() => second.close());
  assert.throws(() => unlockDatabase(second, new Uint8Array(32).fill(1)), mismatch);
  assert.equal(isUnlocked(second), false);
  assert.throws(() => ensureLookupKey(second, seededRandom(1)), /locked/);
  unlockDatabase(second, TEST_DATA_KEY);
  assert.ok(isUnlocked(second));
});

test('a clear lookup key (before 0012) is sealed into the vault, its clear row deleted; the same key is returned', (t) => {
  const db = migratedDb(t, 13);
  const legacy = Buffer.alloc(32, 0xab);
  db.prepare('INSERT INTO lookup_key (singleton, key, created_at) VALUES (1, ?, ?)').run(legacy, '2026-11-01T00:00:00Z');
  unlockTerminalData(db, TEST_DATA_KEY, seededRandom(1));
  assert.deepEqual(Buffer.from(ensureLookupKey(db, seededRandom(2))), legacy);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM lookup_key').get(), { n: 0 });
  // secure_delete and the truncating checkpoint: the clear key's bytes are in neither the file nor the WAL.
  const file = db.name;
  const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
  assert.equal(bytes.indexOf(legacy), -1);
});

test('pending bodies written in the clear are sealed at the first unlocked start and still open to the same request', (t) => {
  const db = migratedDb(t, 13);
  const body = { applicationId: 'a'.repeat(36), applicant: { idNumber: '11010519491231002X', name: '龘鱻' } };
  db.prepare(
    `INSERT INTO outbox (kind, applicant_key, idempotency_key, target_id, body, next_attempt_at, created_at)
       VALUES ('submit-application', ?, 'k-00000001', ?, ?, 0, '2026-11-01T00:00:00Z')`,
  ).run('b'.repeat(64), 'a'.repeat(36), JSON.stringify(body));
  unlockTerminalData(db, TEST_DATA_KEY, seededRandom(1));
  const row = db.prepare('SELECT body, idempotency_key FROM outbox').get() as { body: string; idempotency_key: string };
  assert.ok(!row.body.includes('11010519491231002X') && !row.body.includes('龘鱻'));
  assert.deepEqual(outboxBody(db, row), body);
  const bytes = Buffer.concat([readFileSync(db.name), readFileSync(`${db.name}-wal`)]);
  assert.equal(bytes.indexOf(Buffer.from('11010519491231002X')), -1);
  assert.equal(bytes.indexOf(Buffer.from('龘鱻')), -1);
});
