// The audit log: rows chained by SHA-256 in the caller's transaction, and a check that finds every kind of tampering.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { appendAudit, GENESIS_HASH, verifyAuditChain, type AuditRow } from '../../electron/core/audit/log.js';
import { canonicalJson } from '../../electron/core/canonical-json.js';
import type { Db } from '../../electron/core/db/open.js';
import { migratedDb } from '../helpers/migrated-db.js';

const at = new Date('2026-11-27T02:00:00.000Z');
const entry = (n: number) => ({
  at,
  actor: '1024',
  action: 'print.reprint',
  subject: `print-job:${n}`,
  detail: { newJob: n + 100, reprintNumber: 1 },
});

function logOf(t: TestContext, rows: number): Db {
  const db = migratedDb(t);
  for (let i = 1; i <= rows; i += 1) appendAudit(db, entry(i));
  return db;
}

/** A second connection to the same file with the triggers dropped: what an attacker with the file could do. */
function tamper(t: TestContext, db: Db, sql: string[]): void {
  const raw = new Database(db.name);
  t.after(() => raw.close());
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_append_only_at_end;');
  for (const statement of sql) raw.exec(statement);
}

const rowAt = (db: Db, seq: number) => db.prepare('SELECT * FROM audit WHERE seq = ?').get(seq) as AuditRow;
const sha = (fields: unknown[]) => createHash('sha256').update(JSON.stringify(fields)).digest('hex');

test('appendAudit chains rows: hash = sha256 of [seq, at, actor, action, subject, detail, prev_hash]', (t) => {
  const db = logOf(t, 0);
  const first = appendAudit(db, { ...entry(1), detail: { z: 1, a: { y: 2, b: [3, 'x'] } } });
  assert.equal(first.seq, 1);
  assert.equal(first.prev_hash, GENESIS_HASH);
  assert.equal(first.detail, '{"a":{"b":[3,"x"],"y":2},"z":1}', 'keys sorted at every level');
  assert.equal(first.hash, sha([1, '2026-11-27T02:00:00.000Z', '1024', 'print.reprint', 'print-job:1', first.detail, GENESIS_HASH]));
  const second = appendAudit(db, { at, actor: null, action: 'printer.state', subject: 'printer:main' });
  assert.equal(second.seq, 2);
  assert.equal(second.prev_hash, first.hash);
  assert.equal(second.detail, '{}');
  assert.deepEqual(rowAt(db, 2), second);
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 2 });
});

test('canonicalJson does not depend on key order', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: null, c: true }] }), canonicalJson({ a: [{ c: true, d: null }], b: 1 }));
});

test('appendAudit joins the caller transaction: rolled back with it, committed with it', (t) => {
  const db = logOf(t, 1);
  assert.throws(() =>
    db.transaction(() => {
      appendAudit(db, entry(2));
      throw new Error('the domain write failed');
    })(),
  );
  assert.equal(verifyAuditChain(db).rows, 1);
  db.transaction(() => {
    appendAudit(db, entry(2));
    appendAudit(db, entry(3));
  })();
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 3 });
});

test('appendAudit refuses personal data, names as actors and sentences as actions, writing nothing', (t) => {
  const db = logOf(t, 0);
  assert.throws(() => appendAudit(db, { ...entry(1), detail: { id: '11010519491231002X' } }));
  assert.throws(() => appendAudit(db, { ...entry(1), detail: { phone: '13800138000' } }));
  assert.throws(() => appendAudit(db, { ...entry(1), actor: '王建国' }));
  assert.throws(() => appendAudit(db, { ...entry(1), action: 'Reprinted slip' }));
  assert.throws(() => appendAudit(db, { ...entry(1), subject: 'no colon' }));
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 0 });
});

test('an empty log verifies', (t) => {
  assert.deepEqual(verifyAuditChain(logOf(t, 0)), { ok: true, rows: 0 });
});

test('an edited row is found by its hash', (t) => {
  const db = logOf(t, 5);
  tamper(t, db, [`UPDATE audit SET actor = '9999' WHERE seq = 3`]);
  assert.deepEqual(verifyAuditChain(db), { ok: false, rows: 5, firstBadSeq: 3, reason: 'hash' });
});

test('an edited row with its hash recomputed is found by the next link', (t) => {
  const db = logOf(t, 5);
  const old = rowAt(db, 3);
  const forged = sha([3, old.at, '9999', old.action, old.subject, old.detail, old.prev_hash]);
  tamper(t, db, [`UPDATE audit SET actor = '9999', hash = '${forged}' WHERE seq = 3`]);
  assert.deepEqual(verifyAuditChain(db), { ok: false, rows: 5, firstBadSeq: 4, reason: 'link' });
});

test('a deleted row is a gap, first or middle', (t) => {
  const middle = logOf(t, 5);
  tamper(t, middle, ['DELETE FROM audit WHERE seq = 2']);
  assert.deepEqual(verifyAuditChain(middle), { ok: false, rows: 4, firstBadSeq: 2, reason: 'gap' });
  const first = logOf(t, 3);
  tamper(t, first, ['DELETE FROM audit WHERE seq = 1']);
  assert.deepEqual(verifyAuditChain(first), { ok: false, rows: 2, firstBadSeq: 1, reason: 'gap' });
});

test('a row inserted in the middle, perfectly linked to its predecessor, breaks the row after it', (t) => {
  const db = logOf(t, 4);
  const before = rowAt(db, 2);
  const fake = {
    seq: 3,
    at: before.at,
    actor: 'system',
    action: 'print.dismiss',
    subject: 'print-job:2',
    detail: '{}',
    prev_hash: before.hash,
  };
  const hash = sha([fake.seq, fake.at, fake.actor, fake.action, fake.subject, fake.detail, fake.prev_hash]);
  tamper(t, db, [
    // Make room: shift rows 3.. up by one (via a far-off range, so the key never collides).
    'UPDATE audit SET seq = seq + 1000001 WHERE seq >= 3',
    'UPDATE audit SET seq = seq - 1000000 WHERE seq > 1000000',
    `INSERT INTO audit VALUES (3, '${fake.at}', 'system', 'print.dismiss', 'print-job:2', '{}', '${fake.prev_hash}', '${hash}')`,
  ]);
  assert.deepEqual(verifyAuditChain(db), { ok: false, rows: 5, firstBadSeq: 4, reason: 'link' });
});

test('a row appended with a made-up hash is found', (t) => {
  const db = logOf(t, 2);
  tamper(t, db, [
    `INSERT INTO audit VALUES (3, '${at.toISOString()}', 'system', 'print.dismiss', 'print-job:9', '{}', '${rowAt(db, 2).hash}', '${'e'.repeat(64)}')`,
  ]);
  assert.deepEqual(verifyAuditChain(db), { ok: false, rows: 3, firstBadSeq: 3, reason: 'hash' });
});

test('two rows swapped are found', (t) => {
  const db = logOf(t, 4);
  tamper(t, db, [
    'UPDATE audit SET seq = seq + 1000000 WHERE seq IN (2, 3)',
    'UPDATE audit SET seq = CASE seq WHEN 1000002 THEN 3 ELSE 2 END WHERE seq > 1000000',
  ]);
  const verdict = verifyAuditChain(db);
  assert.equal(verdict.ok, false);
  assert.equal(verdict.ok === false && verdict.firstBadSeq, 2);
});

test('the walk reads the log a page at a time: rows on and across page edges are checked like any other', (t) => {
  const db = logOf(t, 0);
  // One transaction: 4,100 separately fsynced commits would take seconds.
  db.transaction(() => {
    for (let i = 1; i <= 4100; i += 1) appendAudit(db, entry(i));
  })();
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 4100 });
  tamper(t, db, []);
  const raw = new Database(db.name);
  t.after(() => raw.close());
  // Pages of 32, 128, 512, then 2,048 rows: they end at rows 32, 160, 672, 2720 (and 4768).
  for (const seq of [1, 32, 33, 160, 161, 672, 673, 2720, 2721, 4099, 4100]) {
    raw.prepare(`UPDATE audit SET subject = 'print-job:0' WHERE seq = ?`).run(seq);
    assert.deepEqual(verifyAuditChain(db), { ok: false, rows: 4100, firstBadSeq: seq, reason: 'hash' }, `row ${seq}`);
    raw.prepare(`UPDATE audit SET subject = ? WHERE seq = ?`).run(`print-job:${seq}`, seq);
  }
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 4100 });
});

test('a row numbered below 1 (CHECK constraints switched off) is found, not skipped', (t) => {
  const db = logOf(t, 3);
  const first = rowAt(db, 1);
  tamper(t, db, [
    'PRAGMA ignore_check_constraints = ON',
    `INSERT INTO audit VALUES (0, '${first.at}', 'system', 'print.dismiss', 'print-job:0', '{}', '${GENESIS_HASH}', '${'d'.repeat(64)}')`,
  ]);
  assert.deepEqual(verifyAuditChain(db), { ok: false, rows: 4, firstBadSeq: 1, reason: 'gap' });
});
