// Migration 0007: the application table (masked data only, refs, print marks) and the one-row lookup key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migratedDb } from '../helpers/migrated-db.js';

const insert = `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number, channel,
    policy_id, citations, proxy_kind, proxy_masked_name, language, submitted_at, printed_code_id, receipt_printed)
  VALUES (@id, @ref, @key, @type, @name, @number, @channel, @policy, @citations, @proxyKind, @proxyName, @language, @at, @codeId, @receipt)`;
const row = (over: Record<string, unknown> = {}) => ({
  id: '7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405162',
  ref: 'MSB-20261127-0001',
  key: 'a'.repeat(64),
  type: 'resident',
  name: '张*',
  number: '11**************2X',
  channel: 'offline',
  policy: 'shandong-2020-03-27',
  citations: '[]',
  proxyKind: null,
  proxyName: null,
  language: 'zh-CN',
  at: '2026-11-27T02:00:00.000Z',
  codeId: null,
  receipt: 0,
  ...over,
});

test('0007 creates application and lookup_key, empty, and takes a valid row', (t) => {
  const db = migratedDb(t, 7);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM application').get(), { n: 0 });
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM lookup_key').get(), { n: 0 });
  db.prepare(insert).run(row({ codeId: '0123456789abcdef', receipt: 1, proxyKind: 'family', proxyName: '李*' }));
  assert.deepEqual(db.prepare('SELECT ref, printed_code_id, receipt_printed FROM application').get(), {
    ref: 'MSB-20261127-0001',
    printed_code_id: '0123456789abcdef',
    receipt_printed: 1,
  });
  const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'application'`).all();
  assert.ok(indexes.some((index) => (index as { name: string }).name === 'application_applicant'));
});

test('0007 refuses unmasked names and numbers, bad refs, keys, statuses of print marks and JSON', (t) => {
  const db = migratedDb(t, 7);
  const put = (over: Record<string, unknown>) => db.prepare(insert).run(row(over));
  const bad: [string, Record<string, unknown>][] = [
    ['full name', { name: '张三' }],
    ['full number', { number: '11010519491231002X' }],
    ['ref without a day', { ref: 'MSB-0001' }],
    ['ref in lower case', { ref: 'msb-20261127-0001' }],
    ['ref with a space', { ref: 'MSB-20261127-0001 ' }],
    ['short applicant key', { key: 'abc' }],
    ['applicant key not hex', { key: 'g'.repeat(64) }],
    ['unknown document type', { type: 'passport' }],
    ['unknown channel', { channel: 'phone' }],
    ['citations not JSON', { citations: 'nope' }],
    ['citations not an array', { citations: '{}' }],
    ['unknown proxy kind', { proxyKind: 'friend' }],
    ['proxy name without a proxy', { proxyName: '李*' }],
    ['unknown language', { language: 'fr' }],
    ['submitted_at not ISO', { at: 'today' }],
    ['code id not 16 hex', { codeId: 'XYZ' }],
    ['receipt flag 2', { receipt: 2 }],
    ['id not a uuid', { id: 'not-a-uuid-not-a-uuid-not-a-uuid-123' }],
  ];
  for (const [why, over] of bad) assert.throws(() => put(over), /CHECK constraint/, why);
  put({});
  assert.throws(() => put({ id: '7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405163' }), /UNIQUE constraint/, 'same ref twice');
  assert.throws(() => put({ ref: 'MSB-20261127-0002' }), /UNIQUE constraint|PRIMARY KEY/, 'same id twice');
  assert.throws(() => put({ id: '7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405164', ref: 'MSB-20261127-0003', name: null }), /NOT NULL/);
});

test('0007 lookup_key holds exactly one 32-byte key', (t) => {
  const db = migratedDb(t, 7);
  const put = db.prepare('INSERT INTO lookup_key (singleton, key, created_at) VALUES (?, ?, ?)');
  assert.throws(() => put.run(1, Buffer.alloc(16), 'now'), /CHECK constraint/);
  assert.throws(() => put.run(2, Buffer.alloc(32), 'now'), /CHECK constraint/);
  put.run(1, Buffer.alloc(32, 9), 'now');
  assert.throws(() => put.run(1, Buffer.alloc(32, 8), 'now'), /UNIQUE constraint|PRIMARY KEY/);
});
