// Migration 0002: the officer table, its constraints, and what it keeps of a PIN (a salted hash only).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addOfficer, findOfficer } from '../../electron/core/staff/officers.js';
import { migratedDb } from '../helpers/migrated-db.js';

const clock = { now: () => new Date('2026-11-27T01:00:00Z') };
const random = { bytes: (n: number) => new Uint8Array(n).fill(7) };

test('0002 stores an officer with a 16-byte salt and a 32-byte hash, never the PIN', (t) => {
  // addOfficer writes today's officer row (later migrations add columns), so it runs on the whole schema.
  const db = migratedDb(t);
  addOfficer(db, clock, random, { staffNo: '1024', name: '王建国', roles: ['approver'], pin: '135790' });
  const row = db.prepare('SELECT * FROM officer').get() as Record<string, unknown>;
  assert.equal((row.pin_salt as Buffer).length, 16);
  assert.equal((row.pin_hash as Buffer).length, 32);
  assert.ok(!JSON.stringify(row).includes('135790'));
  assert.deepEqual(findOfficer(db, '1024')?.roles, ['approver']);
});

test('0002 refuses malformed rows at the database too', (t) => {
  const db = migratedDb(t, 2);
  const insert = db.prepare(
    "INSERT INTO officer (staff_no, name, roles, pin_salt, pin_hash, created_at) VALUES (?, 'x', 'officer', zeroblob(16), zeroblob(32), 'now')",
  );
  assert.throws(() => insert.run('12a4'), /CHECK constraint/);
  assert.throws(() => insert.run('123'), /CHECK constraint/);
  assert.throws(() => insert.run('1234567890123'), /CHECK constraint/);
  insert.run('1234');
  assert.throws(() => insert.run('1234'), /UNIQUE constraint/);
});
