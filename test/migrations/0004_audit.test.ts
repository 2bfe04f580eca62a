// Migration 0004: the append-only audit table — its constraints, and triggers that refuse edits, deletions and forks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migratedDb } from '../helpers/migrated-db.js';

const ZERO = '0'.repeat(64);
const hex = (c: string) => c.repeat(64);
const insert = `INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash)
  VALUES (@seq, @at, @actor, @action, @subject, @detail, @prev, @hash)`;
const row = (over: Record<string, unknown> = {}) => ({
  seq: 1,
  at: '2026-11-27T02:00:00.000Z',
  actor: '1024',
  action: 'print.reprint',
  subject: 'print-job:12',
  detail: '{}',
  prev: ZERO,
  hash: hex('a'),
  ...over,
});

test('0004 creates audit with its three triggers', (t) => {
  const db = migratedDb(t, 4);
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'").all();
  assert.deepEqual(triggers.map((r) => (r as { name: string }).name).sort(), [
    'audit_append_only_at_end',
    'audit_no_delete',
    'audit_no_update',
  ]);
  db.prepare(insert).run(row());
  db.prepare(insert).run(row({ seq: 2, prev: hex('a'), hash: hex('b'), actor: null }));
  assert.equal((db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n, 2);
});

test('0004 refuses to change or remove a row', (t) => {
  const db = migratedDb(t, 4);
  db.prepare(insert).run(row());
  assert.throws(() => db.prepare("UPDATE audit SET actor = 'system'").run(), /append-only/);
  assert.throws(() => db.prepare('DELETE FROM audit').run(), /append-only/);
  assert.throws(() => db.prepare('INSERT OR REPLACE INTO audit SELECT * FROM audit').run(), /chain|append-only/);
  assert.equal((db.prepare('SELECT actor FROM audit').get() as { actor: string }).actor, '1024');
});

test('0004 accepts only a row that continues the chain', (t) => {
  const db = migratedDb(t, 4);
  const put = db.prepare(insert);
  assert.throws(() => put.run(row({ prev: hex('f') })), /continue the chain/, 'the first row links to 64 zeros');
  assert.throws(() => put.run(row({ seq: 2 })), /continue the chain/, 'numbering starts at 1');
  assert.throws(() => put.run(row({ seq: null })), /continue the chain/, 'the number is given, not assigned');
  put.run(row());
  assert.throws(() => put.run(row({ seq: 2, prev: ZERO, hash: hex('b') })), /continue the chain/, 'a fork from the start');
  assert.throws(() => put.run(row({ seq: 3, prev: hex('a'), hash: hex('b') })), /continue the chain/, 'a gap');
  put.run(row({ seq: 2, prev: hex('a'), hash: hex('b') }));
});

test('0004 refuses malformed rows', (t) => {
  const db = migratedDb(t, 4);
  const put = db.prepare(insert);
  assert.throws(() => put.run(row({ actor: '王建国' })), /CHECK constraint/, 'an actor is a staff number, not a name');
  assert.throws(() => put.run(row({ actor: '12' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ action: 'Reprinted the slip of 王*' })), /CHECK constraint/, 'an action is a code');
  assert.throws(() => put.run(row({ subject: '11010519491231002X' })), /CHECK constraint/, 'a subject is kind:id');
  assert.throws(() => put.run(row({ detail: 'not json' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ detail: '[1]' })), /CHECK constraint/, 'detail is an object');
  assert.throws(() => put.run(row({ hash: 'A'.repeat(64) })), /CHECK constraint/, 'lowercase hex');
  assert.throws(() => put.run(row({ hash: 'a'.repeat(63) })), /CHECK constraint/);
  put.run(row({ actor: 'system' }));
});
