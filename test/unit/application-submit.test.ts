// Submitting at the kiosk (core/applications/submit.ts): policy outcomes with citations, one active application per
// person, the all-or-nothing transaction, refs per Shanghai day, and the lookup key.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureLookupKey } from '../../electron/core/applications/lookup-key.js';
import { formatRef, nextRef } from '../../electron/core/applications/refs.js';
import { isActive } from '../../electron/core/applications/store.js';
import { submitApplication, type SubmitRequest } from '../../electron/core/applications/submit.js';
import type { Declaration } from '../../electron/core/applications/schema.js';
import type { Db } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import type { HeldIdentity } from '../../electron/core/identity/current.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import type { Policy } from '../../electron/core/policy/schema.js';
import { policyInForce } from '../../electron/core/policy/select.js';
import { applyView } from '../../electron/core/sync/code-status.js';
import { applicantKey, outboxBody } from '../../electron/core/sync/outbox.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { testIdNumber } from '../helpers/province-client.js';
import { fakeClock, lowRiskDeclaration, seededRandom, type FakeClock } from '../helpers/sync-fixtures.js';

const policies = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
const START = '2026-11-27T02:00:00Z'; // Friday 10:00 in Shanghai
const policy = policyInForce(policies, new Date(START));
const LOOKUP_KEY = new Uint8Array(32).fill(3);

const person = (sequence = 123, name: string | null = '张三丰'): HeldIdentity => ({
  source: 'card',
  documentType: 'resident',
  number: testIdNumber('19800101', sequence),
  name,
  birthDate: '1980-01-01',
  sex: 'M',
  region: '370102',
  validTo: 'long-term',
});

function setup(t: TestContext) {
  const db = migratedDb(t);
  const clock = fakeClock(START);
  const random = seededRandom(42);
  const submit = (over: Partial<SubmitRequest> = {}) =>
    submitApplication(db, clock, random, {
      identity: person(),
      declaration: lowRiskDeclaration,
      answers: {},
      language: 'zh-CN',
      policy,
      hallId: '370102001',
      lookupKey: LOOKUP_KEY,
      proxy: null,
      ...over,
    });
  return { db, clock, submit };
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const audits = (db: Db) => db.prepare('SELECT actor, action, subject, detail FROM audit ORDER BY seq').all() as Record<string, string>[];

const rejects = (fn: () => unknown, code: string, key: string) =>
  assert.throws(fn, (error: unknown) => error instanceof KioskError && error.code === code && error.key === key);

test('an eligible declaration is stored masked, audited and queued with the full applicant, in one go', (t) => {
  const { db, submit } = setup(t);
  const result = submit();
  assert.equal(result.outcome, 'submitted');
  if (result.outcome !== 'submitted') return;
  assert.equal(result.evaluation, 'eligible');
  assert.deepEqual(result.citations, []);
  assert.equal(result.ref, 'MSB-20261127-0001');
  const row = db.prepare('SELECT * FROM application').get() as Record<string, unknown>;
  assert.equal(row.application_id, result.applicationId);
  assert.equal(row.masked_name, '张**');
  assert.equal(row.masked_number, '37**************' + person().number.slice(-2));
  assert.equal(row.applicant_key, applicantKey(person().number, LOOKUP_KEY));
  assert.equal(row.channel, 'offline');
  assert.equal(row.policy_id, policy.id);
  assert.equal(row.language, 'zh-CN');
  assert.equal(row.submitted_at, '2026-11-27T02:00:00.000Z');
  // The full number and name are nowhere in the application table.
  assert.ok(!JSON.stringify(row).includes(person().number) && !JSON.stringify(row).includes('张三丰'));
  const outbox = db.prepare('SELECT kind, idempotency_key, body FROM outbox').get() as {
    kind: string;
    idempotency_key: string;
    body: string;
  };
  assert.equal(outbox.kind, 'submit-application');
  assert.equal(outbox.idempotency_key, result.applicationId);
  // Sealed at rest: the stored text holds neither the number nor the name; opened with the key it is the request.
  assert.ok(
    !outbox.body.includes(person().number) && !outbox.body.includes('张三丰') && !outbox.body.includes(person().number.slice(0, 17)),
  );
  const body = outboxBody(db, outbox) as { applicant: unknown; hallId: string; declaration: unknown };
  assert.deepEqual(body.applicant, { documentType: 'resident', idNumber: person().number, name: '张三丰' });
  assert.equal(body.hallId, '370102001');
  assert.deepEqual(body.declaration, lowRiskDeclaration);
  const [audit] = audits(db);
  assert.equal(audit!.action, 'application.submitted');
  assert.equal(audit!.actor, 'resident');
  assert.equal(audit!.subject, `application:${result.applicationId}`);
  assert.ok(!audit!.detail!.includes(person().number.slice(0, 10)) && !audit!.detail!.includes('张'));
});

test('a declaration that needs review is submitted with the rule cited and stored', (t) => {
  const { db, submit } = setup(t);
  const fever: Declaration = { ...lowRiskDeclaration, fever: true, coughOrOtherSymptoms: true };
  const result = submit({ declaration: fever });
  assert.equal(result.outcome, 'submitted');
  if (result.outcome !== 'submitted') return;
  assert.equal(result.evaluation, 'review');
  assert.deepEqual(
    result.citations.map((c) => [c.ruleId, c.effect]),
    [
      ['SD-0327-1', 'review'],
      ['SD-0327-2', 'review'],
    ],
  );
  const stored = JSON.parse((db.prepare('SELECT citations FROM application').get() as { citations: string }).citations);
  assert.deepEqual(stored, result.citations);
  assert.match(audits(db)[0]!.detail!, /"evaluation":"review"/);
  assert.match(audits(db)[0]!.detail!, /SD-0327-1/);
});

test('a refusal stores nothing but an audit row with the rule ids', (t) => {
  const { db, submit } = setup(t);
  const closed: Policy = { ...policy, channels: { ...policy.channels, offline: { ...policy.channels.offline, allowed: false } } };
  const result = submit({ policy: closed });
  assert.equal(result.outcome, 'refused');
  if (result.outcome !== 'refused') return;
  assert.deepEqual(
    result.citations.map((c) => c.ruleId),
    [policy.channels.offline.id],
  );
  assert.ok(result.citations[0]!.sentence['zh-CN'].length > 0);
  assert.equal(count(db, 'application'), 0);
  assert.equal(count(db, 'outbox'), 0);
  const rows = audits(db);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.action, 'application.refused');
  assert.equal(rows[0]!.subject, `policy:${policy.id}`);
  assert.deepEqual(JSON.parse(rows[0]!.detail!), { channel: 'offline', rules: [policy.channels.offline.id] });
});

test('one active application per person: a second submission is refused until the first is no longer active', (t) => {
  const { db, clock, submit } = setup(t);
  const first = submit();
  assert.equal(first.outcome, 'submitted');
  if (first.outcome !== 'submitted') return;
  const id = first.applicationId;
  // QUEUED (no answer yet)
  rejects(() => submit(), 'conflict', 'errors.applicationActive');
  // Someone else is not blocked.
  assert.equal(submit({ identity: person(125, '李四') }).outcome, 'submitted');
  const view = (status: 'PENDING' | 'GREEN' | 'EXPIRED' | 'REVOKED', validUntil: string | null, asOf: string) =>
    db.transaction(() =>
      applyView(db, clock, {
        applicationId: id,
        status,
        reasonCode: null,
        statusAsOf: asOf,
        reviewDueAt: null,
        code: validUntil === null ? null : { codeText: 'X'.repeat(40), codeId: 'ab'.repeat(8), validUntil },
      }),
    )();
  view('PENDING', null, '2026-11-27T02:01:00Z');
  rejects(() => submit(), 'conflict', 'errors.applicationActive');
  view('GREEN', '2026-12-11T02:00:00Z', '2026-11-27T02:02:00Z');
  rejects(() => submit(), 'conflict', 'errors.applicationActive');
  // The code runs out: the person may apply again, and the ref continues the day's sequence.
  clock.set(Date.parse('2026-12-11T02:00:01Z'));
  const again = submit();
  assert.equal(again.outcome, 'submitted');
  if (again.outcome === 'submitted') assert.equal(again.ref, 'MSB-20261211-0001');
  rejects(() => submit(), 'conflict', 'errors.applicationActive');
});

test('isActive: QUEUED, PENDING and unexpired codes are active; the rest are not', () => {
  const now = new Date('2026-11-27T02:00:00Z');
  const later = '2026-11-28T02:00:00+08:00';
  const earlier = '2026-11-27T09:59:00+08:00'; // 01:59 UTC: a minute before now
  assert.equal(isActive({ status: null, validUntil: null, submitFailed: false }, now), true);
  assert.equal(isActive({ status: null, validUntil: null, submitFailed: true }, now), false);
  assert.equal(isActive({ status: 'PENDING', validUntil: null, submitFailed: false }, now), true);
  for (const status of ['GREEN', 'YELLOW', 'RED'] as const) {
    assert.equal(isActive({ status, validUntil: later, submitFailed: false }, now), true, status);
    assert.equal(isActive({ status, validUntil: earlier, submitFailed: false }, now), false, `${status} expired`);
    assert.equal(isActive({ status, validUntil: null, submitFailed: false }, now), false, `${status} without a code`);
  }
  for (const status of ['EXPIRED', 'REVOKED', 'UNKNOWN'] as const) {
    assert.equal(isActive({ status, validUntil: later, submitFailed: false }, now), false, status);
  }
});

test('a submission the province refused for good does not lock the person out', (t) => {
  const { db, submit } = setup(t);
  assert.equal(submit().outcome, 'submitted');
  db.prepare(`UPDATE outbox SET state = 'failed', last_error = 'invalid-request', done_at = 'x'`).run();
  assert.equal(submit().outcome, 'submitted');
});

test('the transaction is all or nothing: a failing outbox insert leaves no application and no audit row', (t) => {
  const { db, submit } = setup(t);
  db.exec(`CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
  assert.throws(() => submit(), /disk on fire/);
  assert.equal(count(db, 'application'), 0);
  assert.equal(count(db, 'audit'), 0);
  assert.equal(count(db, 'outbox'), 0);
  // And the same submission goes through once the outbox works: nothing half-written stood in its way.
  db.exec('DROP TRIGGER outbox_broken');
  assert.equal(submit().outcome, 'submitted');
  assert.deepEqual([count(db, 'application'), count(db, 'audit'), count(db, 'outbox')], [1, 1, 1]);
});

test('bad input and a nameless identity are refused before anything is written', (t) => {
  const { db, submit } = setup(t);
  rejects(() => submit({ declaration: { ...lowRiskDeclaration, commitment: false } }), 'invalid-input', 'errors.invalidInput');
  rejects(() => submit({ answers: { somethingElse: true } }), 'invalid-input', 'errors.invalidInput');
  rejects(() => submit({ language: 'fr' as never }), 'invalid-input', 'errors.invalidInput');
  rejects(() => submit({ identity: person(123, null) }), 'invalid-input', 'errors.nameNeeded');
  assert.deepEqual([count(db, 'application'), count(db, 'audit'), count(db, 'outbox')], [0, 0, 0]);
});

test('refs count per Asia/Shanghai day, whatever the UTC date', (t) => {
  const { db, clock, submit } = setup(t);
  const refs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const result = submit({ identity: person(200 + i, '王五') });
    if (result.outcome === 'submitted') refs.push(result.ref);
  }
  // 16:00 UTC is midnight in Shanghai: a new day, a new sequence.
  (clock as FakeClock).set(Date.parse('2026-11-27T16:00:00Z'));
  const next = submit({ identity: person(300, '赵六') });
  if (next.outcome === 'submitted') refs.push(next.ref);
  assert.deepEqual(refs, ['MSB-20261127-0001', 'MSB-20261127-0002', 'MSB-20261127-0003', 'MSB-20261128-0001']);
  assert.equal(formatRef('QD', '20261127', 12345), 'QD-20261127-12345');
  assert.throws(() => formatRef('qd', '20261127', 1), RangeError);
  assert.throws(() => nextRef(db, new Date()), /inside the transaction/);
});

test('the lookup key is made once and returned ever after', (t) => {
  const db = migratedDb(t);
  const first = ensureLookupKey(db, seededRandom(1));
  const second = ensureLookupKey(db, seededRandom(2));
  assert.equal(first.length, 32);
  assert.deepEqual(second, first);
  // Sealed in the vault; the clear table of 0007 is left empty.
  assert.equal(count(db, 'lookup_key'), 0);
  const sealed = (db.prepare('SELECT lookup_key FROM vault').get() as { lookup_key: string }).lookup_key;
  assert.match(sealed, /^v1\./);
  assert.ok(!sealed.includes(Buffer.from(first).toString('hex')));
});
