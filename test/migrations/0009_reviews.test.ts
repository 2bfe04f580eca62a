// Migration 0009: officer duty columns, the review table with its stored SLA instants, and sla_event's once-only key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../../electron/core/db/open.js';
import { migratedDb } from '../helpers/migrated-db.js';

const APP = '7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405162';

function withApplication(db: Db): void {
  db.prepare(
    `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number, channel, policy_id,
       language, submitted_at) VALUES (?, 'MSB-20261127-0001', ?, 'resident', '张*', '11**************2X', 'online',
       'shandong-2020-03-27', 'zh-CN', '2026-11-27T02:00:00.000Z')`,
  ).run(APP, 'a'.repeat(64));
  db.prepare(
    `INSERT INTO officer (staff_no, name, roles, pin_salt, pin_hash, created_at) VALUES ('1001', '王小明', 'approver', ?, ?, 'now')`,
  ).run(Buffer.alloc(16), Buffer.alloc(32));
}

const insertReview = `INSERT INTO review (application_id, source, basis, state, policy_id, submitted_at, due_at, warn_at, steps,
    auto_default_at, next_step_at, assigned_to, assigned_at, declaration, answers, decision, decision_rule, decided_by, decided_at, hall_id)
  VALUES (@id, @source, @basis, @state, @policy, @submitted, @due, @warn, @steps, @autoDefault, @next, @assigned, @assignedAt,
    @declaration, @answers, @decision, @rule, @by, @decidedAt, @hall)`;
const review = (over: Record<string, unknown> = {}) => ({
  id: APP,
  source: 'kiosk',
  basis: 'working',
  state: 'open',
  policy: 'shandong-2020-03-27',
  submitted: '2026-11-27T02:00:00.000Z',
  due: '2026-11-30T07:30:00.000Z',
  warn: '[]',
  steps: '[]',
  autoDefault: '2026-12-01T10:00:00.000Z',
  next: '2026-11-30T03:00:00.000Z',
  assigned: '1001',
  assignedAt: '2026-11-27T02:00:00.000Z',
  declaration: '{"fever":true}',
  answers: '{}',
  decision: null,
  rule: null,
  by: null,
  decidedAt: null,
  hall: '370102001',
  ...over,
});
const decided = {
  state: 'decided',
  decision: 'approve',
  by: '1001',
  decidedAt: '2026-11-27T03:00:00.000Z',
  declaration: null,
  answers: null,
  next: null,
};

test('0009 adds duty columns to officer with defaults and checks', (t) => {
  const db = migratedDb(t, 9);
  withApplication(db);
  assert.deepEqual(db.prepare('SELECT on_duty, away_until, delegate_to, backup_staff_no FROM officer').get(), {
    on_duty: 1,
    away_until: null,
    delegate_to: null,
    backup_staff_no: null,
  });
  const set = (sql: string) => db.prepare(`UPDATE officer SET ${sql} WHERE staff_no = '1001'`).run();
  set(`away_until = '2026-11-28T09:00:00.000Z', delegate_to = '1002', backup_staff_no = '1003', on_duty = 0`);
  for (const bad of [
    `on_duty = 2`,
    `away_until = 'tomorrow'`,
    `delegate_to = '1001'`,
    `backup_staff_no = '1001'`,
    `delegate_to = '12a4'`,
  ]) {
    assert.throws(() => set(bad), /CHECK constraint/, bad);
  }
});

test('0009 review takes an open row and a decided one, with its indexes', (t) => {
  const db = migratedDb(t, 9);
  withApplication(db);
  db.prepare(insertReview).run(review());
  db.prepare('DELETE FROM review').run();
  db.prepare(insertReview).run(review({ ...decided, decision: 'refuse', rule: 'SD-0327-1' }));
  const indexes = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('review', 'sla_event', 'audit')`).all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  for (const name of [
    'review_open_due',
    'review_open_assignee',
    'review_open_escalated',
    'review_next_step',
    'review_decided',
    'sla_event_kind_due',
    'audit_subject',
  ]) {
    assert.ok(indexes.includes(name), name);
  }
});

test('0009 review refuses inconsistent rows', (t) => {
  const db = migratedDb(t, 9);
  withApplication(db);
  const bad: [string, Record<string, unknown>][] = [
    ['unknown source', { source: 'phone' }],
    ['immediate basis', { basis: 'immediate' }],
    ['unknown state', { state: 'closed' }],
    ['local time, not UTC', { due: '2026-11-30T15:30:00+08:00' }],
    ['due before submission', { due: '2026-11-26T00:00:00.000Z' }],
    ['warn_at not an array', { warn: '{}' }],
    ['assigned without a time', { assignedAt: null }],
    ['decided without a decision', { ...decided, decision: null }],
    ['decision while open', { decision: 'approve' }],
    ['refusal without a rule', { ...decided, decision: 'refuse' }],
    ['approval citing a rule', { ...decided, rule: 'SD-0327-1' }],
    ['decided keeps the declaration', { ...decided, declaration: '{"fever":true}' }],
    ['auto-defaulted keeps answers', { state: 'auto-defaulted', declaration: null, next: null }],
    ['clock basis with auto-default', { basis: 'clock' }],
    ['hall id not digits', { hall: 'hall-1' }],
    ['unknown decision', { ...decided, decision: 'maybe' }],
  ];
  for (const [why, over] of bad) assert.throws(() => db.prepare(insertReview).run(review(over)), /CHECK constraint/, why);
  assert.throws(() => db.prepare(insertReview).run(review({ id: '7b0e3c1a-2f4d-4c8e-9a6b-1d2e3f405163' })), /FOREIGN KEY/);
});

test('0009 sla_event records a step once', (t) => {
  const db = migratedDb(t, 9);
  withApplication(db);
  db.prepare(insertReview).run(review());
  const put = db.prepare(`INSERT INTO sla_event (application_id, kind, step, due_at, fired_at, staff_no) VALUES (?, ?, ?, ?, ?, ?)`);
  put.run(APP, 'warned', '0.5', '2026-11-30T03:00:00.000Z', '2026-11-30T03:00:01.000Z', '1001');
  put.run(APP, 'escalated', 'autoDefault:report', '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z', null);
  assert.throws(
    () => put.run(APP, 'warned', '0.5', '2026-11-30T03:00:00.000Z', '2026-11-30T04:00:00.000Z', '1001'),
    /UNIQUE constraint|PRIMARY KEY/,
  );
  assert.throws(() => put.run(APP, 'late', '1', '2026-11-30T03:00:00.000Z', '2026-11-30T04:00:00.000Z', null), /CHECK constraint/);
  assert.throws(() => put.run(APP, 'overdue', '1', 'later', '2026-11-30T04:00:00.000Z', null), /CHECK constraint/);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM sla_event').get(), { n: 2 });
});
