// A deleted value leaves no bytes behind: secure_delete zeroes freed space, so after a checkpoint neither the database
// file nor its WAL holds it (the purge of personal data relies on this).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../electron/core/db/open.js';
import { tempDir } from '../helpers/temp.js';

const CANARY = 'CANARY-secure-delete-林秀兰-110101194103079985';

const holds = (file: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(CANARY, 'utf8'));

test('a deleted row is gone from the database file and the WAL once checkpointed', (t) => {
  const file = join(tempDir(t), 'kiosk.sqlite');
  const db = openDatabase(file);
  t.after(() => db.close());
  assert.equal(db.pragma('secure_delete', { simple: true }), 1);
  db.exec('CREATE TABLE person (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO person (text) VALUES (?)');
  // Enough rows around it that the canary's page stays in use (a freed whole page would not show the difference).
  db.transaction(() => {
    for (let i = 0; i < 50; i++) insert.run(`someone else ${i}`.padEnd(40, '.'));
    insert.run(CANARY);
    for (let i = 0; i < 50; i++) insert.run(`someone later ${i}`.padEnd(40, '.'));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  assert.ok(holds(file), 'the canary was written to the file (the check can see it)');
  db.prepare('DELETE FROM person WHERE text = ?').run(CANARY);
  db.pragma('wal_checkpoint(TRUNCATE)');
  assert.equal(holds(file), false, 'the database file still holds the deleted value');
  assert.equal(holds(`${file}-wal`), false, 'the WAL still holds the deleted value');
});
