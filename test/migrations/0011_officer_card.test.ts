// Migration 0011: card sign-in and roster columns on officer; one card per officer, demo accounts marked as such.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { tempDir } from '../helpers/temp.js';

const insert = `INSERT INTO officer (staff_no, name, roles, pin_salt, pin_hash, demo, created_at)
  VALUES (?, '王建国', 'approver', zeroblob(16), zeroblob(32), ?, '2026-11-27T01:00:00.000Z')`;

test('0011 marks existing demo officers and defaults others to admin-made accounts with a PIN', (t) => {
  const db = openDatabase(join(tempDir(t), 'kiosk.sqlite'));
  t.after(() => db.close());
  const all = loadMigrations(migrationsDir());
  migrate(db, all.slice(0, 10));
  db.prepare(insert).run('1001', 0);
  db.prepare(insert).run('0001', 1);
  migrate(db, all.slice(0, 11));
  const rows = db.prepare('SELECT staff_no, source, pin_must_set, card_key FROM officer ORDER BY staff_no').all();
  assert.deepEqual(
    rows.map((row) => ({ ...(row as object) })),
    [
      { staff_no: '0001', source: 'demo', pin_must_set: 0, card_key: null },
      { staff_no: '1001', source: 'admin', pin_must_set: 0, card_key: null },
    ],
  );
});

test('0011 takes only a 64-hex card key, one officer per card', (t) => {
  const db = migratedDb(t, 11);
  db.prepare(insert).run('1001', 0);
  db.prepare(insert).run('1002', 0);
  const setCard = db.prepare('UPDATE officer SET card_key = ? WHERE staff_no = ?');
  assert.throws(() => setCard.run('11010119410307998X', '1001'), /CHECK constraint/);
  setCard.run('a'.repeat(64), '1001');
  assert.throws(() => setCard.run('a'.repeat(64), '1002'), /UNIQUE constraint/);
  assert.throws(() => db.prepare("UPDATE officer SET source = 'elsewhere'").run(), /CHECK constraint/);
});
