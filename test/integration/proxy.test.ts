// Proxy applications on a real SQLite file (core/proxy): family limits and relationships, consent, staff verification,
// the proxy in the audit row and in the province's body, self-proxy, the batch report and its all-or-nothing import,
// and the onSubmitted hook inside the transaction.
import type { SubmitApplication } from '../../electron/core/province/schema.js';
import { outboxBody } from '../../electron/core/sync/outbox.js';
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SubmitResult } from '../../electron/core/applications/submit.js';
import type { Db } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import type { HeldIdentity } from '../../electron/core/identity/current.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import type { Policy } from '../../electron/core/policy/schema.js';
import { policyInForce } from '../../electron/core/policy/select.js';
import { checkBatch, importBatch } from '../../electron/core/proxy/batch.js';
import { submitFamilyProxy } from '../../electron/core/proxy/family.js';
import { familyProxyKey, proxyApplicationsToday, staffProxyKey } from '../../electron/core/proxy/limits.js';
import type { BatchReport, FamilyProxyInput, StaffProxyInput } from '../../electron/core/proxy/schema.js';
import { submitStaffProxy } from '../../electron/core/proxy/staff.js';
import { typedSubject } from '../../electron/core/proxy/subject.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { testIdNumber } from '../helpers/province-client.js';
import { fakeClock, lowRiskDeclaration, seededRandom, type FakeClock } from '../helpers/sync-fixtures.js';

const policies = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
const START = '2026-11-27T02:00:00Z'; // Friday 10:00 in Shanghai
const shipped = policyInForce(policies, new Date(START)); // shandong-2020-04-20: care-home batches allowed
/** The 03-27 rules, which accept no batches. */
const noBatches = policies.policies.find((p) => p.id === 'shandong-2020-03-27')!;
const LOOKUP_KEY = new Uint8Array(32).fill(3);
const HALL = '370102001';
const OFFICER = { staffNo: '1001', name: '王小明' };

const person = (sequence: number, name = '张三丰', birth = '19800101'): HeldIdentity => ({
  source: 'card',
  documentType: 'resident',
  number: testIdNumber(birth, sequence),
  name,
  birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
  sex: 'M',
  region: '370102',
  validTo: 'long-term',
});
const daughter = person(900, '李秀英', '19750505');

const familyInput = (over: Partial<FamilyProxyInput> = {}): FamilyProxyInput => ({
  proxyReadId: 'proxy-read-0001',
  relationship: 'child',
  consent: 'card-presented',
  subject: { readId: 'subject-read-01' },
  declaration: lowRiskDeclaration,
  answers: {},
  language: 'zh-CN',
  ...over,
});
const staffInput = (over: Partial<StaffProxyInput> = {}): StaffProxyInput => ({
  verification: 'document-checked',
  consent: 'verbal-witnessed',
  subject: { typed: 'x', name: 'x' },
  declaration: lowRiskDeclaration,
  answers: {},
  language: 'zh-CN',
  ...over,
});

/** The shipped rules with batch proxies allowed and, optionally, a daily limit for them. */
function batchPolicy(limit?: number): Policy {
  const base: Policy = {
    ...shipped,
    channels: { ...shipped.channels, 'proxy-batch': { ...shipped.channels['proxy-batch'], allowed: true } },
  };
  if (limit === undefined) return base;
  const max = base.proxyLimits.maxSubjectsPerProxyPerDay;
  return {
    ...base,
    proxyLimits: { ...base.proxyLimits, maxSubjectsPerProxyPerDay: { ...max, value: limit, appliesTo: ['family', 'batch'] } },
  };
}

function setup(t: TestContext) {
  const db = migratedDb(t);
  const clock = fakeClock(START);
  const random = seededRandom(11);
  const family = (subject: HeldIdentity, over: Partial<FamilyProxyInput> = {}, policy = shipped, proxy = daughter, extra = {}) =>
    submitFamilyProxy(db, clock, random, {
      proxy,
      subject,
      input: familyInput(over),
      policy,
      hallId: HALL,
      lookupKey: LOOKUP_KEY,
      ...extra,
    });
  const staff = (subject: HeldIdentity, over: Partial<StaffProxyInput> = {}, policy = shipped) =>
    submitStaffProxy(db, clock, random, {
      officer: OFFICER,
      subject,
      input: staffInput(over),
      policy,
      hallId: HALL,
      lookupKey: LOOKUP_KEY,
    });
  const check = (csv: string, policy: Policy = batchPolicy(), officerStaffNo: string | null = OFFICER.staffNo) =>
    checkBatch(db, { csv, batchName: '幸福里养老院', policy, now: clock.now(), lookupKey: LOOKUP_KEY, officerStaffNo });
  const importCsv = (csv: string, policy: Policy = batchPolicy(), onSubmitted?: () => void) =>
    importBatch(db, clock, random, {
      officer: OFFICER,
      input: { csv, batchName: '幸福里养老院', language: 'zh-CN' },
      policy,
      hallId: HALL,
      lookupKey: LOOKUP_KEY,
      onSubmitted,
    });
  return { db, clock, random, family, staff, check, importCsv };
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const tables = (db: Db) => [count(db, 'application'), count(db, 'audit'), count(db, 'outbox')];
const audits = (db: Db) => db.prepare('SELECT actor, action, subject, detail FROM audit ORDER BY seq').all() as Record<string, string>[];
const bodies = (db: Db) =>
  (db.prepare('SELECT body, idempotency_key FROM outbox ORDER BY seq').all() as { body: string; idempotency_key: string }[]).map(
    (row) => outboxBody(db, row) as SubmitApplication,
  );
const submitted = (result: SubmitResult) => {
  assert.equal(result.outcome, 'submitted');
  if (result.outcome !== 'submitted') throw new Error('not submitted');
  return result;
};
const refusedWith = (result: SubmitResult) => {
  assert.equal(result.outcome, 'refused');
  return result.outcome === 'refused' ? result.citations.map((c) => c.ruleId) : [];
};
const rejects = (fn: () => unknown, code: string, key: string, params?: object) =>
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof KioskError, String(error));
    assert.deepEqual([error.code, error.key], [code, key]);
    if (params) assert.deepEqual(error.params, params);
    return true;
  });

test('family proxy: online, relationship and consent kept masked, the province gets the Proxy, the audit the masked proxy', (t) => {
  const { db, family } = setup(t);
  const mother = person(101, '张桂兰', '19450303');
  const result = submitted(family(mother));
  assert.equal(result.channel, 'online');
  assert.equal(result.evaluation, 'eligible');
  assert.deepEqual(result.declaration, lowRiskDeclaration);
  const row = db.prepare('SELECT * FROM application').get() as Record<string, unknown>;
  assert.deepEqual(
    [
      row.channel,
      row.proxy_kind,
      row.proxy_masked_name,
      row.proxy_relationship,
      row.proxy_consent,
      row.proxy_verification,
      row.proxy_batch_id,
      row.proxy_staff_no,
    ],
    ['online', 'family', '李**', 'child', 'card-presented', null, null, null],
  );
  assert.equal(row.proxy_key, familyProxyKey(daughter.number, LOOKUP_KEY));
  assert.equal(row.masked_name, '张**');
  const stored = JSON.stringify(row);
  for (const secret of [daughter.number, '李秀英', mother.number, '张桂兰']) assert.ok(!stored.includes(secret), secret);

  const [body] = bodies(db);
  assert.equal(body!.channel, 'online');
  assert.deepEqual(body!.proxy, { kind: 'family', proxyIdNumber: daughter.number, relationship: 'child', consent: true });
  assert.deepEqual(body!.applicant, { documentType: 'resident', idNumber: mother.number, name: '张桂兰' });

  const [audit] = audits(db);
  assert.equal(audit!.action, 'application.submitted');
  assert.equal(audit!.actor, 'resident');
  assert.deepEqual(JSON.parse(audit!.detail!).proxy, {
    kind: 'family',
    relationship: 'child',
    consent: 'card-presented',
    verification: null,
    officerStaffNo: null,
    batchId: null,
  });
  for (const secret of [daughter.number.slice(0, 12), '李秀英', mother.number.slice(0, 12), '张桂兰'])
    assert.ok(!audit!.detail!.includes(secret), secret);
});

test("family proxy: the policy's daily limit per proxy, counted per Asia/Shanghai day and per proxy", (t) => {
  const { db, clock, family } = setup(t);
  const limit = shipped.proxyLimits.maxSubjectsPerProxyPerDay;
  for (let i = 0; i < limit.value; i++) submitted(family(person(200 + i)));
  assert.equal(proxyApplicationsToday(db, familyProxyKey(daughter.number, LOOKUP_KEY), clock.now()), limit.value);
  const before = tables(db);
  assert.deepEqual(refusedWith(family(person(299))), [limit.id]);
  // Nothing stored for the refusal but its audit row (rule ids only).
  assert.deepEqual(tables(db), [before[0], before[1]! + 1, before[2]]);
  assert.deepEqual(JSON.parse(audits(db).at(-1)!.detail!), { channel: 'online', proxy: 'family', rules: [limit.id] });
  // Another family member is not held back by this one's count.
  submitted(family(person(298), {}, shipped, person(901, '赵敏', '19700101')));
  // 15:59 UTC is still Friday in Shanghai; 16:00 UTC is Saturday: a new day, a new count.
  (clock as FakeClock).set(Date.parse('2026-11-27T15:59:00Z'));
  assert.deepEqual(refusedWith(family(person(297))), [limit.id]);
  (clock as FakeClock).set(Date.parse('2026-11-27T16:00:00Z'));
  submitted(family(person(297)));
  // The value is the policy's: a policy saying 1 refuses the second of the day.
  const strict: Policy = {
    ...shipped,
    proxyLimits: { ...shipped.proxyLimits, maxSubjectsPerProxyPerDay: { ...limit, value: 1, sentence: { 'zh-CN': '1', en: '1' } } },
  };
  assert.deepEqual(refusedWith(family(person(296), {}, strict)), [limit.id]);
});

test('family proxy: a relationship the policy does not list, or a policy without family proxies, is refused citing the rule', (t) => {
  const { db, family } = setup(t);
  const relationships = shipped.proxyLimits.familyRelationships;
  assert.deepEqual(refusedWith(family(person(301), { relationship: 'neighbour' })), [relationships.id]);
  const march4 = policies.policies.find((p) => p.id === 'shandong-2020-03-04')!;
  assert.deepEqual(refusedWith(family(person(302), {}, march4)), [march4.channels['proxy-family'].id]);
  assert.deepEqual([count(db, 'application'), count(db, 'outbox')], [0, 0]);
  // Every allowed code goes through.
  relationships.allowed.forEach((r, i) => submitted(family(person(310 + i), { relationship: r.code }, shipped, person(950 + i, '周杰'))));
});

test('nobody proxies themself; a subject with an active application is refused; a bad input or nameless proxy too', (t) => {
  const { db, family } = setup(t);
  rejects(() => family({ ...daughter, source: 'manual' }), 'invalid-input', 'errors.proxySelf');
  rejects(() => family(daughter, {}, shipped, { ...daughter, name: null }), 'invalid-input', 'errors.nameNeeded');
  rejects(() => family(person(401), { consent: 'nodded' as never }), 'invalid-input', 'errors.invalidInput');
  rejects(() => family(person(401), {}, shipped, daughter, { officerStaffNo: 'x1' }), 'invalid-input', 'errors.invalidInput');
  assert.deepEqual(tables(db), [0, 0, 0]);
  submitted(family(person(401)));
  rejects(() => family(person(401), {}, shipped, person(902, '钱七')), 'conflict', 'errors.applicationActive');
});

test('staff proxy: offline, verification and consent recorded, the officer is the actor and the proxy, typed subjects checked', (t) => {
  const { db, clock, staff } = setup(t);
  const walkIn = typedSubject(` ${testIdNumber('19500707', 501).toLowerCase()} `, ' 孙大娘 ', clock.now());
  assert.equal(walkIn.source, 'manual');
  const result = submitted(staff(walkIn, { verification: 'household-register' }));
  assert.equal(result.channel, 'offline');
  const row = db.prepare('SELECT * FROM application').get() as Record<string, unknown>;
  assert.deepEqual(
    [
      row.channel,
      row.proxy_kind,
      row.proxy_masked_name,
      row.proxy_verification,
      row.proxy_consent,
      row.proxy_staff_no,
      row.proxy_relationship,
    ],
    ['offline', 'staff', '王**', 'household-register', 'verbal-witnessed', '1001', null],
  );
  assert.equal(row.proxy_key, staffProxyKey('1001', LOOKUP_KEY));
  assert.deepEqual(bodies(db)[0]!.proxy, { kind: 'staff', officerStaffNo: '1001', verification: 'household-register', consent: true });
  const [audit] = audits(db);
  assert.equal(audit!.actor, '1001');
  assert.deepEqual(JSON.parse(audit!.detail!).proxy, {
    kind: 'staff',
    relationship: null,
    consent: 'verbal-witnessed',
    verification: 'household-register',
    officerStaffNo: '1001',
    batchId: null,
  });
  assert.ok(!audit!.detail!.includes('王小明'));
  // A policy without staff proxies refuses, citing its permission.
  const closed: Policy = {
    ...shipped,
    channels: { ...shipped.channels, 'proxy-staff': { ...shipped.channels['proxy-staff'], allowed: false } },
  };
  assert.deepEqual(refusedWith(staff(person(502), {}, closed)), [shipped.channels['proxy-staff'].id]);
  rejects(() => staff(person(503), { verification: 'looked-honest' as never }), 'invalid-input', 'errors.invalidInput');
  rejects(() => typedSubject('110105194912310021', '孙大娘', clock.now()), 'invalid-input', 'errors.numberInvalid', {
    reason: 'check-digit',
  });
  rejects(() => typedSubject('1101051949123100', '孙大娘', clock.now()), 'invalid-input', 'errors.numberInvalid', { reason: 'length' });
  rejects(() => typedSubject('11010519491231002X', '  ', clock.now()), 'invalid-input', 'errors.nameNeeded');
});

const HEADER = 'idNumber,name,temperatureC,fever,coughOrOtherSymptoms,travelOutsideProvince14d,contactWithCase14d,purpose,phone';
const csvLine = (n: number, over: Partial<Record<'id' | 'name' | 'fever' | 'purpose', string>> = {}) =>
  [
    over.id ?? testIdNumber('19380101', n),
    over.name ?? '刘奶奶',
    '36.4',
    over.fever ?? '否',
    '否',
    '否',
    '否',
    over.purpose ?? 'medical',
    '',
  ].join(',');
const csvOf = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';
const brief = (report: BatchReport) => report.problems.map((p) => [p.line, p.column, p.reason]);

test('batch check: every bad line named with line and reason, policy refusals cite rules, nothing stored', (t) => {
  const { db, family, check } = setup(t);
  submitted(family(person(601, '刘爷爷', '19380101')));
  const active = person(601, '刘爷爷', '19380101').number;
  const refuseFever: Policy = {
    ...batchPolicy(),
    rules: batchPolicy().rules.map((r) => (r.id === 'SD-0327-1' ? { ...r, effect: 'refuse' as const } : r)),
  };
  const csv = csvOf(
    csvLine(1), // 2 good
    csvLine(2, { id: '37010219380101002' }), // 3 wrong length
    csvLine(3, { name: '"刘\n奶奶"' }), // 4-5: a quoted line break in the name
    csvLine(4, { fever: '是' }), // 6 refused by the (modified) fever rule
    csvLine(5, { id: active }), // 7 already has an active application
    csvLine(1), // 8 duplicate of line 2
    csvLine(6, { purpose: 'visit' }), // 9
    csvLine(7), // 10 good
  );
  const before = tables(db);
  const report = check(csv, refuseFever);
  assert.deepEqual(brief(report), [
    [3, 'idNumber', 'errors.numberInvalid'],
    [4, 'name', 'errors.batchNameInvalid'],
    [6, null, 'errors.batchRefused'],
    [7, 'idNumber', 'errors.batchActive'],
    [8, 'idNumber', 'errors.batchDuplicate'],
    [9, 'purpose', 'errors.batchPurpose'],
  ]);
  assert.deepEqual(report.problems[2]!.params, { rules: 'SD-0327-1' });
  assert.deepEqual([report.rows, report.imported, report.batchId, report.refs], [8, 0, null, []]);
  assert.deepEqual(tables(db), before);
  // Rules that do not accept batches: one problem for the whole file, citing the permission; today's rules accept it.
  assert.deepEqual(brief(check(csvOf(csvLine(1)), noBatches)), [[1, null, 'errors.batchRefused']]);
  assert.deepEqual(check(csvOf(csvLine(1)), noBatches).problems[0]!.params, { rules: noBatches.channels['proxy-batch'].id });
  assert.deepEqual(brief(check(csvOf(csvLine(1)), shipped)), []);
  rejects(() => check('x'.repeat(1_000_001)), 'invalid-input', 'errors.invalidInput');
});

test('batch import: any problem imports nothing (one audit row of counts); a clean file imports every row', (t) => {
  const { db, check, importCsv } = setup(t);
  const bad = csvOf(csvLine(1), csvLine(2), csvLine(3, { fever: 'maybe' }));
  const rejected = importCsv(bad);
  assert.deepEqual(brief(rejected), [[4, 'fever', 'errors.batchBoolean']]);
  assert.deepEqual([rejected.imported, rejected.batchId, rejected.refs], [0, null, []]);
  assert.deepEqual([count(db, 'application'), count(db, 'outbox')], [0, 0]);
  assert.deepEqual(
    audits(db).map((a) => [a.actor, a.action, a.subject, JSON.parse(a.detail!)]),
    [['1001', 'proxy.batch-rejected', 'staff:1001', { rows: 3, problems: 1 }]],
  );

  const good = csvOf(csvLine(1), csvLine(2, { fever: '是' }), csvLine(3));
  assert.deepEqual(check(good).problems, []);
  const done = importCsv(good);
  assert.deepEqual(done.problems, []);
  assert.equal(done.imported, 3);
  assert.match(done.batchId!, /^batch-20261127-[0-9a-f]{8}$/);
  assert.deepEqual(done.refs, ['MSB-20261127-0001', 'MSB-20261127-0002', 'MSB-20261127-0003']);
  const rows = db
    .prepare('SELECT ref, channel, proxy_kind, proxy_batch_id, proxy_staff_no, proxy_consent, citations FROM application ORDER BY ref')
    .all() as Record<string, string>[];
  assert.ok(
    rows.every(
      (r) => r.channel === 'online' && r.proxy_kind === 'batch' && r.proxy_batch_id === done.batchId && r.proxy_staff_no === '1001',
    ),
  );
  assert.ok(rows.every((r) => r.proxy_consent === 'signed-form'));
  assert.match(rows[1]!.citations!, /SD-0327-1/, 'the fever row goes to review');
  const sent = bodies(db);
  assert.deepEqual(
    sent.map((b) => b.applicant.idNumber),
    [1, 2, 3].map((n) => testIdNumber('19380101', n)),
  );
  assert.ok(
    sent.every(
      (b) => JSON.stringify(b.proxy) === JSON.stringify({ kind: 'batch', officerStaffNo: '1001', batchId: done.batchId, consent: true }),
    ),
  );
  const actions = audits(db).map((a) => a.action);
  assert.deepEqual(actions.slice(1), ['application.submitted', 'application.submitted', 'application.submitted', 'proxy.batch-imported']);
  assert.equal(JSON.parse(audits(db)[1]!.detail!).proxy.batchId, done.batchId);

  // The same list again: every person now has an active application, and nothing more is imported.
  const again = importCsv(good);
  assert.deepEqual(brief(again), [
    [2, 'idNumber', 'errors.batchActive'],
    [3, 'idNumber', 'errors.batchActive'],
    [4, 'idNumber', 'errors.batchActive'],
  ]);
  assert.equal(count(db, 'application'), 3);
});

test("batch: the policy's daily limit for the officer counts today's earlier imports", (t) => {
  const { db, check, importCsv } = setup(t);
  const policy = batchPolicy(3);
  const four = csvOf(csvLine(1), csvLine(2), '', csvLine(3), csvLine(4));
  const over = check(four, policy);
  // The fourth row is on line 6 (a blank line 4 before the third).
  assert.deepEqual(brief(over), [[6, null, 'errors.batchOverLimit']]);
  assert.deepEqual(over.problems[0]!.params, { max: 3, today: 0, rows: 4, rules: policy.proxyLimits.maxSubjectsPerProxyPerDay.id });
  assert.equal(importCsv(csvOf(csvLine(1), csvLine(2)), policy).imported, 2);
  const next = importCsv(csvOf(csvLine(3), csvLine(4)), policy);
  assert.deepEqual(brief(next), [[3, null, 'errors.batchOverLimit']]);
  assert.deepEqual(next.problems[0]!.params?.today, 2);
  assert.equal(count(db, 'application'), 2);
  assert.equal(importCsv(csvOf(csvLine(3)), policy).imported, 1);
});

test('onSubmitted runs inside the transaction with what a review needs; a throw in it rolls everything back', (t) => {
  const { db, family, importCsv } = setup(t);
  const seen: unknown[] = [];
  const review = submitted(
    family(
      person(701),
      { declaration: { ...lowRiskDeclaration, coughOrOtherSymptoms: true }, answers: { underMedicalObservation: false } },
      shipped,
      daughter,
      {
        onSubmitted: (tx: {
          applicationId: string;
          evaluation: string;
          answers: unknown;
          channel: string;
          submittedAt: Date;
          proxyKind: string | null;
        }) => {
          assert.ok(db.inTransaction);
          // The application, its audit row and its outbox row are already written, in this transaction.
          assert.equal(count(db, 'application'), 1);
          assert.equal(count(db, 'outbox'), 1);
          seen.push([tx.evaluation, tx.channel, tx.proxyKind, tx.answers, tx.submittedAt.toISOString()]);
        },
      },
    ),
  );
  assert.deepEqual(seen, [['review', 'online', 'family', { underMedicalObservation: false }, START.replace('Z', '.000Z')]]);
  assert.equal(review.evaluation, 'review');

  const before = tables(db);
  assert.throws(
    () =>
      family(person(702), {}, shipped, daughter, {
        onSubmitted: () => {
          throw new Error('review table on fire');
        },
      }),
    /review table on fire/,
  );
  assert.deepEqual(tables(db), before);

  // A batch whose third row's hook throws leaves none of its rows behind.
  let calls = 0;
  assert.throws(
    () =>
      importCsv(csvOf(csvLine(1), csvLine(2), csvLine(3)), batchPolicy(), () => {
        calls += 1;
        if (calls === 3) throw new Error('third row fails');
      }),
    /third row fails/,
  );
  assert.equal(calls, 3);
  assert.deepEqual(tables(db), before);
});

test('the largest file allowed (500 rows) imports in one transaction', (t) => {
  const { db, importCsv } = setup(t);
  const csv = csvOf(...Array.from({ length: 500 }, (_, i) => csvLine(i + 1)));
  const started = performance.now();
  const report = importCsv(csv);
  const ms = performance.now() - started;
  assert.equal(report.imported, 500);
  assert.equal(count(db, 'application'), 500);
  t.diagnostic(`500-row import: ${ms.toFixed(0)} ms`);
  // A guard against something quadratic, not a benchmark: about 1 s on the shared 2-core CI machine.
  assert.ok(ms < 10_000, `${ms} ms`);
});
