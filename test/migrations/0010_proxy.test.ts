// Migration 0010: the proxy columns of application (key, relationship, consent, verification, batch, staff no), their
// per-kind CHECKs, the per-day index, and resident rows written before it left untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { migratedDb } from '../helpers/migrated-db.js';

const insert = `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number, channel,
    policy_id, citations, proxy_kind, proxy_masked_name, proxy_key, proxy_relationship, proxy_consent, proxy_verification,
    proxy_batch_id, proxy_staff_no, language, submitted_at)
  VALUES (@id, @ref, @key, 'resident', '张*', '11**************2X', 'online', 'shandong-2020-03-27', '[]', @kind, @proxyName,
    @proxyKey, @relationship, @consent, @verification, @batchId, @staffNo, 'zh-CN', '2026-11-27T02:00:00.000Z')`;

let serial = 0;
const base = () => {
  serial += 1;
  return {
    id: `7b0e3c1a-2f4d-4c8e-9a6b-${String(serial).padStart(12, '0')}`,
    ref: `MSB-20261127-${String(serial).padStart(4, '0')}`,
    key: 'a'.repeat(64),
  };
};
const none = {
  kind: null,
  proxyName: null,
  proxyKey: null,
  relationship: null,
  consent: null,
  verification: null,
  batchId: null,
  staffNo: null,
};
const family = { ...none, kind: 'family', proxyName: '李*', proxyKey: 'b'.repeat(64), relationship: 'child', consent: 'card-presented' };
const staff = {
  ...none,
  kind: 'staff',
  proxyName: '王**',
  proxyKey: 'c'.repeat(64),
  consent: 'verbal-witnessed',
  verification: 'card-read',
  staffNo: '1001',
};
const batch = {
  ...none,
  kind: 'batch',
  proxyName: '王**',
  proxyKey: 'c'.repeat(64),
  consent: 'signed-form',
  batchId: 'batch-20261127-0a1b2c3d',
  staffNo: '1001',
};

test('0010 adds the proxy columns and takes a resident row and one row of each proxy kind', (t) => {
  const db = migratedDb(t, 10);
  const put = (fields: Record<string, unknown>) => db.prepare(insert).run({ ...base(), ...fields });
  for (const fields of [none, family, staff, batch]) put(fields);
  const rows = db
    .prepare(
      'SELECT proxy_kind, proxy_relationship, proxy_consent, proxy_verification, proxy_batch_id, proxy_staff_no FROM application ORDER BY rowid',
    )
    .all();
  assert.deepEqual(
    rows.map((row) => Object.values(row as object)),
    [
      [null, null, null, null, null, null],
      ['family', 'child', 'card-presented', null, null, null],
      ['staff', null, 'verbal-witnessed', 'card-read', null, '1001'],
      ['batch', null, 'signed-form', null, 'batch-20261127-0a1b2c3d', '1001'],
    ],
  );
});

test('0010 refuses a proxy row that lacks what its kind needs, or carries what it must not', (t) => {
  const db = migratedDb(t, 10);
  const put = (fields: Record<string, unknown>) => db.prepare(insert).run({ ...base(), ...fields });
  const bad: [string, Record<string, unknown>][] = [
    ['a proxy without a key', { ...family, proxyKey: null }],
    ['a key without a proxy', { ...none, proxyKey: 'b'.repeat(64) }],
    ['a key that is not 64 hex', { ...family, proxyKey: 'B'.repeat(64) }],
    ['a proxy without a masked name', { ...family, proxyName: null }],
    ['family without a relationship', { ...family, relationship: null }],
    ['a relationship not a code', { ...family, relationship: 'Son' }],
    ['a relationship too long', { ...family, relationship: 'a'.repeat(21) }],
    ['staff with a relationship', { ...staff, relationship: 'child' }],
    ['a proxy without consent', { ...staff, consent: null }],
    ['consent without a proxy', { ...none, consent: 'signed-form' }],
    ['an unknown consent kind', { ...family, consent: 'nodded' }],
    ['staff without a verification method', { ...staff, verification: null }],
    ['family with a verification method', { ...family, verification: 'card-read' }],
    ['an unknown verification method', { ...staff, verification: 'looked-honest' }],
    ['batch without a batch id', { ...batch, batchId: null }],
    ['staff with a batch id', { ...staff, batchId: 'batch-20261127-0a1b2c3d' }],
    ['a batch id with capitals', { ...batch, batchId: 'BATCH-1' }],
    ['staff without a staff number', { ...staff, staffNo: null }],
    ['batch without a staff number', { ...batch, staffNo: null }],
    ['family with a staff number', { ...family, staffNo: '1001' }],
    ['a staff number with letters', { ...staff, staffNo: '10a1' }],
    ['a staff number too short', { ...staff, staffNo: '101' }],
  ];
  for (const [why, fields] of bad) assert.throws(() => put(fields), /CHECK constraint/, why);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM application').get(), { n: 0 });
});

test('0010 keeps rows written before it, and counts a proxy day through its index', (t) => {
  const db = migratedDb(t, 9);
  db.prepare(
    `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number, channel, policy_id,
       language, submitted_at) VALUES ('7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405162', 'MSB-20261126-0001', ?, 'resident', '张*',
       '11**************2X', 'offline', 'shandong-2020-03-27', 'zh-CN', '2026-11-26T02:00:00.000Z')`,
  ).run('d'.repeat(64));
  migrate(db, loadMigrations(migrationsDir()).slice(0, 10));
  assert.deepEqual(db.prepare('SELECT ref, proxy_kind, proxy_key, proxy_consent FROM application').get(), {
    ref: 'MSB-20261126-0001',
    proxy_kind: null,
    proxy_key: null,
    proxy_consent: null,
  });
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM application WHERE proxy_key = ? AND submitted_at >= ? AND submitted_at < ?`)
    .all('b'.repeat(64), '2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z') as { detail: string }[];
  assert.ok(
    plan.some((step) => step.detail.includes('application_proxy_day')),
    JSON.stringify(plan),
  );
});
