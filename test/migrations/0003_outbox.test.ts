// Migration 0003: the outbox, the sync-state singleton and the code-status cache, with their constraints and indexes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migratedDb } from '../helpers/migrated-db.js';

const key = 'a'.repeat(64);
const id = '7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405162';
const insert = `INSERT INTO outbox (kind, applicant_key, idempotency_key, target_id, body, next_attempt_at, created_at, state, done_at, last_error)
  VALUES (@kind, @key, @idem, @target, @body, 0, 'now', @state, @doneAt, @error)`;
const row = (over: Record<string, unknown> = {}) => ({
  kind: 'submit-application',
  key,
  idem: id,
  target: id,
  body: '{}',
  state: 'pending',
  doneAt: null,
  error: null,
  ...over,
});

test('0003 creates outbox, sync_state with its one row, and code_status', (t) => {
  const db = migratedDb(t, 3);
  db.prepare(insert).run(row());
  assert.deepEqual(db.prepare('SELECT seq, state, attempts FROM outbox').get(), { seq: 1, state: 'pending', attempts: 0 });
  assert.deepEqual(db.prepare('SELECT * FROM sync_state').get(), {
    singleton: 1,
    feed_cursor: 0,
    last_success_at: null,
    last_failure_at: null,
  });
  assert.throws(() => db.prepare('INSERT INTO sync_state (singleton) VALUES (2)').run(), /CHECK constraint/);
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND name LIKE 'outbox_%'").all();
  assert.deepEqual(indexes.map((i) => (i as { name: string }).name).sort(), ['outbox_applicant', 'outbox_due', 'outbox_failed']);
});

test('0003 refuses malformed outbox rows', (t) => {
  const db = migratedDb(t, 3);
  const put = db.prepare(insert);
  assert.throws(() => put.run(row({ kind: 'delete-everything' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ key: '11010519491231002X' })), /CHECK constraint/, 'an ID number is not an applicant key');
  assert.throws(() => put.run(row({ body: 'not json' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ state: 'sending' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ state: 'done' })), /CHECK constraint/, 'done needs done_at');
  assert.throws(() => put.run(row({ error: '身份证 11010519491231002X 无效' })), /CHECK constraint/, 'last_error is a code, not a message');
  put.run(row({ state: 'failed', doneAt: 'now', error: 'invalid-request' }));
  assert.throws(() => put.run(row()), /UNIQUE constraint/, 'one row per idempotency key');
});

test('0003 code_status keeps a code whole or not at all, and a known status', (t) => {
  const db = migratedDb(t, 3);
  const put = db.prepare(
    "INSERT INTO code_status (application_id, status, status_as_of, code_text, code_id, valid_until, updated_at) VALUES (?, ?, 'now', ?, ?, ?, 'now')",
  );
  assert.throws(() => put.run(id, 'PURPLE', null, null, null), /CHECK constraint/);
  assert.throws(() => put.run(id, 'GREEN', 'HC1:x', null, null), /CHECK constraint/);
  put.run(id, 'GREEN', 'HC1:x', 'C-1', '2026-11-28T00:00:00Z');
});
