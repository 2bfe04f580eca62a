// The checkpoint verdict (core checkCode) and the code.verify handler (app createCheckpoint): fields as the screen shows
// them, every refusal, the holder binding by the tapped card's readId, and the in-memory copy of the cached lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createCheckpoint } from '../../electron/app/checkpoint.js';
import { base45Encode } from '../../electron/core/codes/base45.js';
import { checkCode, inspectCode, type CheckOptions } from '../../electron/core/codes/checkpoint.js';
import { CheckpointResultSchema } from '../../electron/core/codes/schema.js';
import { signCode } from '../../electron/core/codes/sign.js';
import { saveRevocations, saveTrustList } from '../../electron/core/codes/trust-store.js';
import { KioskError } from '../../electron/core/errors.js';
import { createCurrentIdentity } from '../../electron/core/identity/current.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock, seededRandom } from '../helpers/sync-fixtures.js';
import { exampleFields, exampleHolder, exampleKey, exampleTrustList, otherKey } from '../helpers/code-fixtures.js';

// docs/paper-code.md's worked example (test/helpers/code-fixtures.ts).
const key = exampleKey;
const other = otherKey;
const holder = exampleHolder;
const fields = exampleFields;
const trustList = exampleTrustList;
const signed = signCode(fields, key);
const options: CheckOptions = { trustList, revokedHashes: new Set(), now: new Date('2020-03-05T00:00:00Z') };

const genuine = {
  valid: true,
  status: 'GREEN',
  statusAsOf: '2020-03-02T01:00:00.000Z',
  validUntil: '2020-03-09T01:30:00.000Z',
  issuedAt: '2020-03-02T01:30:00.000Z',
  kid: '21fe31df',
  humanId: '8YEJ-WFTD-HTBT-6=',
  hallId: 370202001,
  proxy: true,
  holder: 'not-checked',
} as const;

test('a good code: the fields as ISO times, the printed id, proxy, holder not checked; the result fits the contract', () => {
  const result = checkCode(signed.text, options);
  assert.deepEqual(result, genuine);
  assert.doesNotThrow(() => CheckpointResultSchema.parse(result));
  assert.deepEqual(checkCode(`${signed.text}\r\n`, options), genuine, "a wedge scanner's Enter is dropped");
});

test('the holder: the right number matches (however it is written), another one is a mismatch on a genuine code', () => {
  assert.deepEqual(checkCode(signed.text, { ...options, holderNumber: holder }), { ...genuine, holder: 'match' });
  assert.deepEqual(checkCode(signed.text, { ...options, holderNumber: '110105 19491231 002x' }), { ...genuine, holder: 'match' });
  const mismatch = checkCode(signed.text, { ...options, holderNumber: '110105194912310038' });
  assert.deepEqual(mismatch, { ...genuine, holder: 'mismatch' });
});

test('no trust list: no-trust-list for every text, before anything else is looked at', () => {
  for (const text of [signed.text, '', 'hello']) {
    assert.deepEqual(checkCode(text, { ...options, trustList: null }), { valid: false, reason: 'no-trust-list' });
  }
});

test('each refusal reason, and the signed fields alongside only once the signature checked out', () => {
  const tampered = signed.text.slice(0, 100) + (signed.text[100] === 'A' ? 'B' : 'A') + signed.text.slice(101);
  const cases: [string, Partial<CheckOptions>, string, boolean][] = [
    ['not base45 at all', {}, 'format', false],
    [tampered, {}, 'signature', false],
    [signCode(fields, other).text, {}, 'unknown-key', false],
    [signed.text, { revokedHashes: new Set([signed.revocationHash]) }, 'revoked', true],
    [signed.text, { now: new Date('2020-03-02T01:24:00Z') }, 'not-yet-valid', true],
    [signed.text, { now: new Date('2020-03-09T01:31:00Z') }, 'expired', true],
  ];
  for (const [text, over, reason, withFields] of cases) {
    const { result, fields: seen } = inspectCode(text, { ...options, ...over });
    assert.deepEqual(result, { valid: false, reason }, reason);
    assert.doesNotThrow(() => CheckpointResultSchema.parse(result));
    assert.equal(seen !== null, withFields, `${reason}: fields known`);
    if (seen) assert.equal(seen.validUntil, fields.validUntil);
  }
});

test('never throws, whatever is scanned: any string, Base45 of any bytes', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.uint8Array({ maxLength: 120 }).map((b) => base45Encode(b)),
      ),
      (text) => {
        const result = checkCode(text, options);
        return CheckpointResultSchema.safeParse(result).success && result.valid === false;
      },
    ),
    { numRuns: 500 },
  );
});

test('createCheckpoint: the cached lists, a tapped card by readId, an unknown readId refused as not-found', (t) => {
  const db = migratedDb(t);
  const clock = fakeClock('2020-03-05T00:00:00Z');
  const identity = createCurrentIdentity(clock, seededRandom(5));
  const verify = createCheckpoint({ db, clock, identity });

  assert.deepEqual(verify({ text: signed.text }), { valid: false, reason: 'no-trust-list' });
  saveTrustList(db, trustList, clock.now());
  assert.deepEqual(verify({ text: signed.text }), genuine, 'a newly fetched list is picked up');

  const tapped = identity.fromCard({ name: '张三丰', idNumber: holder, validTo: 'long-term', photo: new Uint8Array() });
  assert.ok(tapped.ok);
  assert.deepEqual(verify({ text: signed.text, readId: tapped.identity.readId }), { ...genuine, holder: 'match' });
  const wrong = identity.fromCard({ name: '李四', idNumber: '110105194912310038', validTo: 'long-term', photo: new Uint8Array() });
  assert.ok(wrong.ok);
  assert.deepEqual(verify({ text: signed.text, readId: wrong.identity.readId }), { ...genuine, holder: 'mismatch' });

  // The first card was replaced by the second: its readId no longer names anyone.
  assert.throws(
    () => verify({ text: signed.text, readId: tapped.identity.readId }),
    (error: unknown) => error instanceof KioskError && error.code === 'not-found' && error.key === 'errors.notFound',
  );

  clock.advance(60_000);
  saveRevocations(db, { hashes: [signed.revocationHash], updatedAt: clock.now().toISOString() }, clock.now());
  assert.deepEqual(verify({ text: signed.text }), { valid: false, reason: 'revoked' }, 'a new revocation list is picked up');
});

test('createCheckpoint keeps the parsed lists in memory until fetched_at changes', (t) => {
  const db = migratedDb(t);
  const clock = fakeClock('2020-03-05T00:00:00Z');
  const verify = createCheckpoint({ db, clock, identity: createCurrentIdentity(clock, seededRandom(6)) });
  saveTrustList(db, trustList, clock.now());
  assert.equal(verify({ text: signed.text }).valid, true);
  // Same fetched_at, different body: only possible by hand, and it shows the body is not re-read on every scan.
  db.prepare(`UPDATE trust_cache SET body = json_set(body, '$.keys', json('[]')) WHERE kind = 'trust-list'`).run();
  assert.equal(verify({ text: signed.text }).valid, true, 'served from memory');
  db.prepare(`UPDATE trust_cache SET fetched_at = '2020-03-05T00:01:00.000Z' WHERE kind = 'trust-list'`).run();
  assert.deepEqual(verify({ text: signed.text }), { valid: false, reason: 'unknown-key' }, 'reloaded once fetched_at changed');
});
