// The resident's view of an application (core/applications/view.ts): QUEUED before the province answers, the
// province's status and times after, the human id read from the signed code, UNKNOWN after a refused filing.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { submitApplication } from '../../electron/core/applications/submit.js';
import { activeApplicationFor, codeIdOf, humanIdOf, residentApplication } from '../../electron/core/applications/view.js';
import { holderTag } from '../../electron/core/codes/holder.js';
import { humanCodeId } from '../../electron/core/codes/human-id.js';
import { issuerKeyFromSeed } from '../../electron/core/codes/keys.js';
import { minutesOf } from '../../electron/core/codes/payload.js';
import { signCode } from '../../electron/core/codes/sign.js';
import type { HeldIdentity } from '../../electron/core/identity/current.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import { policyInForce } from '../../electron/core/policy/select.js';
import { applyView } from '../../electron/core/sync/code-status.js';
import { applicantKey } from '../../electron/core/sync/outbox.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { testIdNumber } from '../helpers/province-client.js';
import { fakeClock, lowRiskDeclaration, seededRandom } from '../helpers/sync-fixtures.js';

const START = '2026-11-27T02:00:00Z';
const policies = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
const LOOKUP_KEY = new Uint8Array(32).fill(3);
const number = testIdNumber('19800101', 123);
const identity: HeldIdentity = {
  source: 'card',
  documentType: 'resident',
  number,
  name: '欧阳娜娜',
  birthDate: '1980-01-01',
  sex: 'F',
  region: '370102',
  validTo: 'long-term',
};

function setup(t: TestContext, declaration = lowRiskDeclaration) {
  const db = migratedDb(t);
  const clock = fakeClock(START);
  const result = submitApplication(db, clock, seededRandom(7), {
    identity,
    declaration,
    answers: {},
    language: 'en',
    policy: policyInForce(policies, clock.now()),
    hallId: '370102001',
    lookupKey: LOOKUP_KEY,
    proxy: null,
  });
  if (result.outcome !== 'submitted') throw new Error('expected a submission');
  return { db, clock, id: result.applicationId, ref: result.ref };
}

const codeId = '0123456789abcdef';
const signed = signCode(
  {
    codeId,
    status: 'GREEN',
    issuedAt: minutesOf(new Date(START)),
    statusAsOf: minutesOf(new Date(START)),
    validUntil: minutesOf(new Date('2026-12-11T02:00:00Z')),
    holderTag: holderTag(codeId, number),
    proxy: false,
    hallId: 370102001,
  },
  issuerKeyFromSeed(new Uint8Array(32).fill(1)),
);

test('before the province answers, the application is QUEUED with no times, masked, citations kept', (t) => {
  const { db, id, ref } = setup(t, { ...lowRiskDeclaration, fever: true });
  const app = residentApplication(db, id, { fresh: false });
  assert.equal(app.status, 'QUEUED');
  assert.equal(app.ref, ref);
  assert.equal(app.statusAsOf, null);
  assert.equal(app.validUntil, null);
  assert.equal(app.humanId, null);
  assert.equal(app.reviewDueAt, null);
  assert.equal(app.fresh, false);
  assert.equal(app.maskedName, '欧阳**');
  assert.equal(app.maskedNumber, `37**************${number.slice(-2)}`);
  assert.equal(app.submittedAt, '2026-11-27T02:00:00.000Z');
  assert.equal(app.proxyMaskedName, null);
  assert.deepEqual(
    app.citations.map((c) => c.ruleId),
    ['SD-0327-1'],
  );
});

test('PENDING carries the review deadline and the time the status was confirmed', (t) => {
  const { db, clock, id } = setup(t);
  db.transaction(() =>
    applyView(db, clock, {
      applicationId: id,
      status: 'PENDING',
      reasonCode: 'fever',
      statusAsOf: '2026-11-27T02:00:05.000Z',
      reviewDueAt: '2026-11-27T08:00:00.000Z',
      code: null,
    }),
  )();
  const app = residentApplication(db, id, { fresh: true });
  assert.deepEqual(
    [app.status, app.statusAsOf, app.reviewDueAt, app.fresh, app.humanId],
    ['PENDING', '2026-11-27T02:00:05.000Z', '2026-11-27T08:00:00.000Z', true, null],
  );
});

test('a code gives validUntil and the human id read from the signed payload itself', (t) => {
  const { db, clock, id } = setup(t);
  db.transaction(() =>
    applyView(db, clock, {
      applicationId: id,
      status: 'GREEN',
      reasonCode: null,
      statusAsOf: '2026-11-27T02:00:05.000Z',
      reviewDueAt: null,
      // The province's codeId field is deliberately different: the printed id comes from the QR's payload.
      code: { codeText: signed.text, codeId: 'province-side-id', validUntil: '2026-12-11T02:00:00.000Z' },
    }),
  )();
  const app = residentApplication(db, id, { fresh: true });
  assert.equal(app.status, 'GREEN');
  assert.equal(app.validUntil, '2026-12-11T02:00:00.000Z');
  assert.equal(app.humanId, humanCodeId(codeId));
  assert.equal(codeIdOf(signed.text), codeId);
  assert.equal(humanIdOf('NOT A CODE'), null);
  assert.equal(codeIdOf('%%%%'), null);
});

test('a filing the province refused for good shows UNKNOWN and is no longer active', (t) => {
  const { db, clock, id } = setup(t);
  const key = applicantKey(number, LOOKUP_KEY);
  assert.equal(activeApplicationFor(db, key, clock.now())?.applicationId, id);
  db.prepare(`UPDATE outbox SET state = 'failed', last_error = 'invalid-request', done_at = 'x'`).run();
  assert.equal(residentApplication(db, id, { fresh: false }).status, 'UNKNOWN');
  assert.equal(activeApplicationFor(db, key, clock.now()), null);
});

test('activeApplicationFor finds the person by key only, and not after the code expires', (t) => {
  const { db, clock, id } = setup(t);
  const key = applicantKey(number, LOOKUP_KEY);
  assert.equal(activeApplicationFor(db, applicantKey(testIdNumber('19800101', 125), LOOKUP_KEY), clock.now()), null);
  db.transaction(() =>
    applyView(db, clock, {
      applicationId: id,
      status: 'GREEN',
      reasonCode: null,
      statusAsOf: '2026-11-27T02:00:05.000Z',
      reviewDueAt: null,
      code: { codeText: signed.text, codeId, validUntil: '2026-12-11T02:00:00.000Z' },
    }),
  )();
  assert.equal(activeApplicationFor(db, key, clock.now(), { fresh: true })?.fresh, true);
  assert.equal(activeApplicationFor(db, key, new Date('2026-12-11T02:00:00.001Z')), null);
  assert.throws(() => residentApplication(db, '00000000-0000-4000-8000-000000000000', { fresh: false }), /no such application/);
});
