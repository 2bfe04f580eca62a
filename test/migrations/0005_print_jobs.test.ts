// Migration 0005: the print job journal table, and the CHECKs that tie state, reason, may_have_printed and resolved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migratedDb } from '../helpers/migrated-db.js';

const insert = `INSERT INTO print_jobs (template, label, data, paper, state, reason, reprint_number, reprint_of, may_have_printed, resolved, created_at, updated_at)
  VALUES (@template, @label, @data, @paper, @state, @reason, @number, @of, @printed, @resolved, 'now', 'now')`;
const row = (over: Record<string, unknown> = {}) => ({
  template: 'paper-code',
  label: '8YEJ-WFTD-HTBT-6=',
  data: '{}',
  paper: '58mm',
  state: 'queued',
  reason: null,
  number: 0,
  of: null,
  printed: 0,
  resolved: 0,
  ...over,
});

test('0005 creates print_jobs with its indexes', (t) => {
  const db = migratedDb(t, 5);
  db.prepare(insert).run(row());
  assert.deepEqual(db.prepare('SELECT id, state, reprint_number, may_have_printed, resolved FROM print_jobs').get(), {
    id: 1,
    state: 'queued',
    reprint_number: 0,
    may_have_printed: 0,
    resolved: 0,
  });
  const indexes = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'print_jobs' AND name LIKE 'print_jobs_%'")
    .all();
  assert.deepEqual(indexes.map((i) => (i as { name: string }).name).sort(), [
    'print_jobs_queued',
    'print_jobs_reprint_of',
    'print_jobs_unresolved',
  ]);
});

test('0005 ties state, reason, may_have_printed and resolved together', (t) => {
  const db = migratedDb(t, 5);
  const put = db.prepare(insert);
  assert.throws(() => put.run(row({ state: 'printing' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ state: 'failed' })), /CHECK constraint/, 'a failed job has a reason');
  assert.throws(() => put.run(row({ state: 'failed', reason: 'gremlins', printed: 1 })), /CHECK constraint/);
  assert.throws(() => put.run(row({ reason: 'timeout' })), /CHECK constraint/, 'only a failed job has a reason');
  assert.throws(() => put.run(row({ printed: 1 })), /CHECK constraint/, 'nothing of a queued job went out');
  assert.throws(() => put.run(row({ state: 'sent' })), /CHECK constraint/, 'a sent job may have printed');
  assert.throws(() => put.run(row({ state: 'done' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ state: 'done', printed: 1, resolved: 1 })), /CHECK constraint/, 'only failed jobs are resolved');
  assert.throws(() => put.run(row({ state: 'failed', reason: 'interrupted' })), /CHECK constraint/, 'an interrupted job was out');
  put.run(row({ state: 'failed', reason: 'paper-end', printed: 0, resolved: 1 }));
  put.run(row({ state: 'failed', reason: 'timeout', printed: 1 }));
  put.run(row({ state: 'sent', printed: 1 }));
});

test('0005 refuses malformed jobs and reprints of nothing', (t) => {
  const db = migratedDb(t, 5);
  const put = db.prepare(insert);
  assert.throws(() => put.run(row({ template: 'love-letter' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ paper: '110mm' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ data: 'not json' })), /CHECK constraint/);
  assert.throws(() => put.run(row({ label: 'x'.repeat(65) })), /CHECK constraint/);
  assert.throws(() => put.run(row({ number: 1 })), /CHECK constraint/, 'a 补打 number needs the job it reprints');
  assert.throws(() => put.run(row({ number: -1 })), /CHECK constraint/);
  assert.throws(() => put.run(row({ of: 99 })), /FOREIGN KEY|CHECK constraint/, 'the reprinted job must exist');
  put.run(row());
  assert.throws(() => put.run(row({ of: 3 })), /CHECK constraint|FOREIGN KEY/, 'nothing reprints a later job');
  put.run(row({ of: 1, number: 1 }));
  put.run(row({ of: 1, number: 0 }));
});
