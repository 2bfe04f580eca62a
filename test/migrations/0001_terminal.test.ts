// Migration 0001: the single-row terminal table and its constraints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureTerminalId } from '../../electron/core/terminal/identity.js';
import { migratedDb } from '../helpers/migrated-db.js';

const clock = { now: () => new Date('2026-11-27T01:00:00Z') };
const random = { bytes: (n: number) => new Uint8Array(n).fill(0xab) };

test('0001 creates the terminal table and keeps one stable id', (t) => {
  const db = migratedDb(t, 1);
  const id = ensureTerminalId(db, clock, random);
  assert.equal(id, 'T-ABABABABABABABAB');
  assert.equal(ensureTerminalId(db, clock, { bytes: (n) => new Uint8Array(n) }), id, 'a second start keeps the first id');
});

test('0001 refuses a second terminal row and a too-short id', (t) => {
  const db = migratedDb(t, 1);
  db.prepare("INSERT INTO terminal VALUES (1, 'T-12345678', 'x')").run();
  assert.throws(() => db.prepare("INSERT INTO terminal VALUES (2, 'T-12345678', 'x')").run(), /CHECK constraint/);
  db.prepare('DELETE FROM terminal').run();
  assert.throws(() => db.prepare("INSERT INTO terminal VALUES (1, 'short', 'x')").run(), /CHECK constraint/);
});
