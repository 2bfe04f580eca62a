// The audit anchor: its MAC, its atomic file, the truncations and rewrites it exposes, and the keeper that moves it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { startAuditAnchor, type AnchorHold } from '../../electron/app/audit-anchor.js';
import { auditAnchorMacValid, makeAuditAnchor, readAuditAnchor, writeAuditAnchor } from '../../electron/core/audit/anchor.js';
import { appendAudit, auditHash, verifyAuditChain, type AuditRow } from '../../electron/core/audit/log.js';
import type { Db } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const at = new Date('2026-11-27T02:00:00.000Z');
const append = (db: Db, n: number) => appendAudit(db, { at, actor: 'system', action: 'test.row', subject: `row:${n}`, detail: { n } });

function logOf(t: TestContext, rows: number): Db {
  const db = migratedDb(t);
  for (let i = 1; i <= rows; i += 1) append(db, i);
  return db;
}

/** A second connection with the triggers dropped: what someone with the file could do. */
function tamper(t: TestContext, db: Db, sql: string): void {
  const raw = new Database(db.name);
  t.after(() => raw.close());
  raw.exec(
    'DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; DROP TRIGGER IF EXISTS audit_append_only_at_end;',
  );
  raw.exec(sql);
}

const tipOf = (db: Db) => db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };

test('the MAC covers seq, hash and time, under this key only; a short key is a wiring error', () => {
  const anchor = makeAuditAnchor(key, { seq: 5, hash: 'a'.repeat(64) }, at);
  assert.deepEqual({ seq: anchor.seq, at: anchor.at }, { seq: 5, at: '2026-11-27T02:00:00.000Z' });
  assert.equal(auditAnchorMacValid(key, anchor), true);
  assert.equal(auditAnchorMacValid(otherKey, anchor), false);
  assert.equal(auditAnchorMacValid(key, { ...anchor, seq: 4 }), false);
  assert.equal(auditAnchorMacValid(key, { ...anchor, hash: 'b'.repeat(64) }), false);
  assert.equal(auditAnchorMacValid(key, { ...anchor, at: '2026-11-27T02:00:01.000Z' }), false);
  assert.equal(auditAnchorMacValid(key, { ...anchor, mac: '0'.repeat(64) }), false);
  assert.throws(() => makeAuditAnchor(new Uint8Array(16), { seq: 1, hash: 'a'.repeat(64) }, at), RangeError);
});

test('the anchor file: written whole (no temporary left), read back, missing = none, damaged = refused', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'audit-anchor.json');
  assert.equal(readAuditAnchor(file), undefined);
  const anchor = makeAuditAnchor(key, { seq: 9, hash: 'c'.repeat(64) }, at);
  writeAuditAnchor(file, anchor);
  writeAuditAnchor(file, anchor);
  assert.deepEqual(readAuditAnchor(file), anchor);
  assert.deepEqual(readdirSync(dir), ['audit-anchor.json']);
  for (const damaged of ['{"seq":9', JSON.stringify({ ...anchor, extra: 1 }), JSON.stringify({ ...anchor, seq: 0 }), '']) {
    writeFileSync(file, damaged);
    assert.throws(
      () => readAuditAnchor(file),
      (error: unknown) => error instanceof KioskError && error.key === 'errors.auditAnchorUnreadable',
    );
  }
});

test('with an anchor at the tip: intact verifies, rows appended since are fine', (t) => {
  const db = logOf(t, 6);
  const anchor = makeAuditAnchor(key, tipOf(db), at);
  assert.deepEqual(verifyAuditChain(db, { anchor, anchorKey: key }), { ok: true, rows: 6, anchorMac: 'checked' });
  append(db, 7);
  assert.deepEqual(verifyAuditChain(db, { anchor, anchorKey: key }), { ok: true, rows: 7, anchorMac: 'checked' });
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 7 }, 'without an anchor: the old verdict, unchanged');
});

test('rows cut off the end: invisible to the chain, named by the anchor', (t) => {
  const db = logOf(t, 6);
  const anchor = makeAuditAnchor(key, tipOf(db), at);
  tamper(t, db, 'DELETE FROM audit WHERE seq > 4');
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 4 }, 'the chain alone cannot see it');
  assert.deepEqual(verifyAuditChain(db, { anchor, anchorKey: key }), {
    ok: false,
    rows: 4,
    firstBadSeq: 5,
    reason: 'truncated',
    anchorMac: 'checked',
  });
});

test('cut and written again past the anchor, or the tail re-hashed: the anchored row is not the row it was', (t) => {
  const cut = logOf(t, 6);
  const anchor = makeAuditAnchor(key, tipOf(cut), at);
  tamper(t, cut, 'DELETE FROM audit WHERE seq > 3');
  for (let i = 4; i <= 8; i += 1) appendAudit(cut, { at, actor: '1024', action: 'test.other', subject: `row:${i}`, detail: {} });
  assert.deepEqual(verifyAuditChain(cut), { ok: true, rows: 8 });
  assert.deepEqual(verifyAuditChain(cut, { anchor, anchorKey: key }), {
    ok: false,
    rows: 8,
    firstBadSeq: 6,
    reason: 'rewritten',
    anchorMac: 'checked',
  });

  const forged = logOf(t, 6);
  const forgedAnchor = makeAuditAnchor(key, tipOf(forged), at);
  const rows = forged.prepare('SELECT * FROM audit ORDER BY seq').all() as AuditRow[];
  let prev = rows[1]!.hash;
  const updates = rows.slice(2).map((row) => {
    const base = { ...row, actor: row.seq === 3 ? '9999' : row.actor, prev_hash: prev };
    prev = auditHash(base);
    return `UPDATE audit SET actor = ${base.actor === null ? 'NULL' : `'${base.actor}'`}, prev_hash = '${base.prev_hash}', hash = '${prev}' WHERE seq = ${row.seq};`;
  });
  tamper(t, forged, updates.join('\n'));
  assert.deepEqual(verifyAuditChain(forged), { ok: true, rows: 6 }, 'a consistent forged tail fools the chain');
  assert.equal(verifyAuditChain(forged, { anchor: forgedAnchor, anchorKey: key }).ok, false);
});

test('a bad MAC is reported as the anchor (row 0); without a key the MAC is "unchecked", the row still compared', (t) => {
  const db = logOf(t, 3);
  const good = makeAuditAnchor(key, tipOf(db), at);
  const foreign = makeAuditAnchor(otherKey, tipOf(db), at);
  assert.deepEqual(verifyAuditChain(db, { anchor: foreign, anchorKey: key }), {
    ok: false,
    rows: 3,
    firstBadSeq: 0,
    reason: 'anchor',
    anchorMac: 'checked',
  });
  assert.deepEqual(verifyAuditChain(db, { anchor: foreign }), { ok: true, rows: 3, anchorMac: 'unchecked' });
  const beyond = { ...good, seq: 4 };
  assert.deepEqual(verifyAuditChain(db, { anchor: beyond }), {
    ok: false,
    rows: 3,
    firstBadSeq: 4,
    reason: 'truncated',
    anchorMac: 'unchecked',
  });
});

test('a broken chain is named before anything the anchor says', (t) => {
  const db = logOf(t, 5);
  const anchor = makeAuditAnchor(key, tipOf(db), at);
  tamper(t, db, "UPDATE audit SET subject = 'row:99' WHERE seq = 2; DELETE FROM audit WHERE seq = 5;");
  assert.deepEqual(verifyAuditChain(db, { anchor, anchorKey: key }), {
    ok: false,
    rows: 4,
    firstBadSeq: 2,
    reason: 'hash',
    anchorMac: 'checked',
  });
});

test('resumeAfter walks on from a row the caller checked: same verdict after it, blind before it (by design)', (t) => {
  const db = logOf(t, 10);
  const anchor = makeAuditAnchor(key, tipOf(db), at);
  const row4 = db.prepare('SELECT seq, hash FROM audit WHERE seq = 4').get() as { seq: number; hash: string };
  tamper(t, db, "UPDATE audit SET subject = 'row:99' WHERE seq = 7");
  const full = verifyAuditChain(db, { anchor, anchorKey: key });
  assert.deepEqual(verifyAuditChain(db, { anchor, anchorKey: key, resumeAfter: row4 }), full);
  assert.equal(full.ok === false && full.firstBadSeq, 7);
  assert.equal(verifyAuditChain(db, { resumeAfter: { seq: 7, hash: tipOf(db).hash } }).ok, false, 'row 8 no longer links');
});

interface Keeper {
  db: Db;
  file: string;
  holds: AnchorHold[];
  clock: ReturnType<typeof fakeClock>;
  start(intervalMs?: number): ReturnType<typeof startAuditAnchor>;
}
function keeper(t: TestContext, rows: number): Keeper {
  const db = logOf(t, rows);
  const file = join(tempDir(t), 'audit-anchor.json');
  const holds: AnchorHold[] = [];
  const clock = fakeClock();
  const start = (intervalMs = 0) => {
    const k = startAuditAnchor({ db, file, key, intervalMs, clock, onHold: (reason) => holds.push(reason) });
    t.after(() => k.stop());
    return k;
  };
  return { db, file, holds, clock, start };
}

test('the keeper writes the tip, rewrites only when the log grew, and flushes on stop', (t) => {
  const k = keeper(t, 3);
  const running = k.start();
  running.flush();
  const first = readAuditAnchor(k.file)!;
  assert.equal(first.seq, 3);
  assert.equal(auditAnchorMacValid(key, first), true);
  k.clock.advance(60_000);
  running.flush();
  assert.deepEqual(readAuditAnchor(k.file), first, 'not grown: not rewritten');
  append(k.db, 4);
  running.stop();
  assert.equal(readAuditAnchor(k.file)!.seq, 4);
  assert.deepEqual(verifyAuditChain(k.db, { anchor: readAuditAnchor(k.file)!, anchorKey: key }), {
    ok: true,
    rows: 4,
    anchorMac: 'checked',
  });
  assert.deepEqual(k.holds, []);
});

test('the keeper writes on its timer', async (t) => {
  const k = keeper(t, 2);
  k.start(10);
  const deadline = Date.now() + 5_000;
  while (!existsSync(k.file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(readAuditAnchor(k.file)?.seq, 2);
});

test('the keeper never moves the anchor over a cut or rewritten log, nor over an anchor that is not its own', (t) => {
  const cut = keeper(t, 5);
  cut.start().flush();
  const evidence = readFileSync(cut.file);
  tamper(t, cut.db, 'DELETE FROM audit WHERE seq > 2');
  const again = cut.start();
  again.flush();
  append(cut.db, 3);
  again.flush();
  assert.deepEqual(cut.holds, ['truncated'], 'told once');
  assert.ok(readFileSync(cut.file).equals(evidence), 'the old anchor is kept as evidence');

  const rewritten = keeper(t, 3);
  rewritten.start().flush();
  tamper(t, rewritten.db, 'DELETE FROM audit WHERE seq = 3');
  append(rewritten.db, 30);
  append(rewritten.db, 31);
  rewritten.start().flush();
  assert.deepEqual(rewritten.holds, ['rewritten']);

  const foreign = keeper(t, 2);
  writeAuditAnchor(foreign.file, makeAuditAnchor(otherKey, tipOf(foreign.db), at));
  append(foreign.db, 3);
  foreign.start().flush();
  assert.deepEqual(foreign.holds, ['anchor']);
  assert.equal(readAuditAnchor(foreign.file)!.seq, 2);

  const damaged = keeper(t, 2);
  writeFileSync(damaged.file, 'not json');
  damaged.start().flush();
  assert.deepEqual(damaged.holds, ['unreadable']);
  assert.equal(readFileSync(damaged.file, 'utf8'), 'not json');
});
