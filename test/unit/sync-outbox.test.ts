// The outbox: enqueued only inside the caller's transaction, rolled back with it, keyed by applicationId, no ID number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicantKey, dueItems, enqueue } from '../../electron/core/sync/outbox.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { APPLICANT_KEY_SECRET, fakeClock, seededRandom, submission, uuidFrom } from '../helpers/sync-fixtures.js';

const clock = fakeClock();
const ID = '11010519491231002X';

test('applicantKey is a keyed HMAC-SHA256: stable, 64 hex, different under another key, not the number', () => {
  const k = applicantKey(ID, APPLICANT_KEY_SECRET);
  assert.match(k, /^[0-9a-f]{64}$/);
  assert.equal(applicantKey(ID, APPLICANT_KEY_SECRET), k);
  assert.notEqual(applicantKey(ID, new Uint8Array(32)), k);
  assert.ok(!k.includes(ID.slice(0, 6)));
});

test('enqueue refuses to run outside a transaction (the domain row and the outbox row commit together)', (t) => {
  const db = migratedDb(t);
  const body = submission(uuidFrom(seededRandom(1)));
  assert.throws(
    () => enqueue(db, clock, { kind: 'submit-application', applicantKey: applicantKey(ID, APPLICANT_KEY_SECRET), body }),
    /inside the transaction/,
  );
});

test('a rolled-back caller transaction leaves no outbox row; a committed one leaves exactly one, keyed by applicationId', (t) => {
  const db = migratedDb(t);
  const body = submission(uuidFrom(seededRandom(2)));
  const item = { kind: 'submit-application' as const, applicantKey: applicantKey(ID, APPLICANT_KEY_SECRET), body };
  assert.throws(() =>
    db.transaction(() => {
      enqueue(db, clock, item);
      throw new Error('the audit write failed');
    })(),
  );
  assert.equal(dueItems(db, clock.ms(), 10).length, 0);
  db.transaction(() => enqueue(db, clock, item))();
  const [row] = dueItems(db, clock.ms(), 10);
  assert.equal(row?.idempotency_key, body.applicationId);
  assert.equal(row?.target_id, body.applicationId);
  assert.throws(() => db.transaction(() => enqueue(db, clock, item))(), /UNIQUE/, 'the same application cannot be queued twice');
});

test('a body that fails the contract schema is refused before anything is written', (t) => {
  const db = migratedDb(t);
  const body = { ...submission(uuidFrom(seededRandom(3))), hallId: '' };
  assert.throws(() => db.transaction(() => enqueue(db, clock, { kind: 'submit-application', applicantKey: 'a'.repeat(64), body }))());
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM outbox').get(), { n: 0 });
});
