// Migration 0013: application.purged_at and what it promises (placeholders only, keys and time never change again), a
// purged application's code never cached again, the purge's indexes used, and rows written before it left unpurged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { migratedDb } from '../helpers/migrated-db.js';

const ID = '7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405162';
const insertApplication = `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number,
    channel, policy_id, proxy_kind, proxy_masked_name, proxy_key, proxy_relationship, proxy_consent, language, submitted_at)
  VALUES (?, 'MSB-20261001-0001', ?, 'resident', '张*', '11**************2X', 'online', 'shandong-2020-03-27', 'family', '李*',
    ?, 'child', 'card-presented', 'zh-CN', '2026-10-01T02:00:00.000Z')`;
const insertCode = `INSERT INTO code_status (application_id, status, status_as_of, code_text, code_id, valid_until, updated_at)
  VALUES (?, 'GREEN', '2026-10-01T02:00:00.000Z', 'QR', 'cccccccccccccccc', '2026-10-08T02:00:00.000Z', '2026-10-01T02:00:00.000Z')`;
const scrub = `UPDATE application SET masked_name = '*', masked_number = '*', proxy_masked_name = '*', applicant_key = ?,
  proxy_key = ?, purged_at = '2026-11-27T02:00:00.000Z' WHERE application_id = ?`;

test('0013 leaves earlier rows unpurged, and takes a purged row only with placeholders in place', (t) => {
  const db = migratedDb(t, 12);
  db.prepare(insertApplication).run(ID, 'a'.repeat(64), 'b'.repeat(64));
  migrate(db, loadMigrations(migrationsDir()).slice(0, 13));
  assert.deepEqual(db.prepare('SELECT purged_at FROM application').get(), { purged_at: null });
  const set = (sql: string) => db.prepare(`UPDATE application SET ${sql} WHERE application_id = ?`).run(ID);
  const bad: [string, string][] = [
    ['a name left', `purged_at = '2026-11-27T02:00:00.000Z', masked_number = '*', proxy_masked_name = '*'`],
    ['a number left', `purged_at = '2026-11-27T02:00:00.000Z', masked_name = '*', proxy_masked_name = '*'`],
    ['a proxy name left', `purged_at = '2026-11-27T02:00:00.000Z', masked_name = '*', masked_number = '*'`],
    [
      'a printed code id left',
      `purged_at = '2026-11-27T02:00:00.000Z', masked_name = '*', masked_number = '*', proxy_masked_name = '*', printed_code_id = 'cccccccccccccccc'`,
    ],
    ['a time not toISOString', `purged_at = '2026-11-27 02:00', masked_name = '*', masked_number = '*', proxy_masked_name = '*'`],
  ];
  for (const [why, sql] of bad) assert.throws(() => set(sql), /CHECK constraint/, why);
  db.prepare(scrub).run('c'.repeat(64), 'd'.repeat(64), ID);
  assert.deepEqual(db.prepare('SELECT masked_name, applicant_key, purged_at FROM application').get(), {
    masked_name: '*',
    applicant_key: 'c'.repeat(64),
    purged_at: '2026-11-27T02:00:00.000Z',
  });
});

test('0013 keeps a purged application purged: no new time, no key written back', (t) => {
  const db = migratedDb(t, 13);
  db.prepare(insertApplication).run(ID, 'a'.repeat(64), 'b'.repeat(64));
  db.prepare(scrub).run('c'.repeat(64), 'd'.repeat(64), ID);
  const set = (sql: string) => db.prepare(`UPDATE application SET ${sql} WHERE application_id = ?`).run(ID);
  for (const sql of [
    `purged_at = NULL`,
    `purged_at = '2026-11-28T02:00:00.000Z'`,
    `applicant_key = '${'a'.repeat(64)}'`,
    `proxy_key = '${'b'.repeat(64)}'`,
  ]) {
    assert.throws(() => set(sql), /stays purged/, sql);
  }
  set('receipt_printed = 1'); // what is not personal may still change
});

test('0013 records a later status of a purged application but drops its code; an unpurged one keeps its code', (t) => {
  const db = migratedDb(t, 13);
  const other = ID.replace(/2$/, '3');
  db.prepare(insertApplication).run(ID, 'a'.repeat(64), 'b'.repeat(64));
  db.prepare(insertApplication.replace('0001', '0002')).run(other, 'a'.repeat(64), 'b'.repeat(64));
  db.prepare(insertCode).run(ID);
  db.prepare(insertCode).run(other);
  db.prepare(`UPDATE code_status SET code_text = NULL, code_id = NULL, valid_until = NULL WHERE application_id = ?`).run(ID);
  db.prepare(scrub).run('c'.repeat(64), 'd'.repeat(64), ID);
  const reissue = db.prepare(`UPDATE code_status SET status = 'YELLOW', code_text = 'QR2', code_id = 'dddddddddddddddd',
    valid_until = '2026-12-08T02:00:00.000Z' WHERE application_id = ?`);
  reissue.run(ID);
  reissue.run(other);
  assert.deepEqual(db.prepare('SELECT application_id, status, code_text FROM code_status ORDER BY application_id').all(), [
    { application_id: ID, status: 'YELLOW', code_text: null },
    { application_id: other, status: 'YELLOW', code_text: 'QR2' },
  ]);
});

test('0013 gives the purge its indexes: unpurged applications, and open outbox rows by target', (t) => {
  const db = migratedDb(t, 13);
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((s) => s.detail).join(' | ');
  assert.match(plan(`SELECT 1 FROM outbox o WHERE o.target_id = '${ID}' AND o.state IN ('pending', 'failed')`), /outbox_open_target/);
  assert.match(plan(`SELECT application_id FROM application WHERE purged_at IS NULL ORDER BY submitted_at`), /application_unpurged/);
});
