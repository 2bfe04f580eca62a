// 1,000 submissions through ~30% faults of every kind: exactly 1,000 filings, none twice, none left; keys off → duplicates.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { createProvinceClient } from '../../electron/core/province/client.js';
import { createDispatcher } from '../../electron/core/sync/dispatcher.js';
import { applicantKey, enqueue } from '../../electron/core/sync/outbox.js';
import { startFakeProvince, transientFaults } from '../helpers/fake-province.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { drain } from '../helpers/sync-drain.js';
import { APPLICANT_KEY_SECRET, fakeClock, seededRandom, submission, TERMINAL, uuidFrom } from '../helpers/sync-fixtures.js';

const TOTAL = 1000;
const APPLICANTS = 300;
const FAULT_RATE = 0.3;

async function run(t: TestContext, honourKeys: boolean) {
  const clock = fakeClock();
  const random = seededRandom(2026);
  const dice = seededRandom(honourKeys ? 1 : 2);
  const province = await startFakeProvince(t, {
    clock,
    honourKeys,
    fault: () => (dice.float() < FAULT_RATE ? transientFaults[Math.floor(dice.float() * transientFaults.length)]! : 'ok'),
  });
  const db = migratedDb(t);
  const client = createProvinceClient({ baseUrl: province.url, ...TERMINAL, clock, random, timeoutMs: 100 });
  const ids: string[] = [];
  // One setup transaction: 1,000 separate fsyncs would only slow the test, not test anything more.
  db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      // Synthetic applicants: a different 18-character number per person, several applications each.
      const idNumber = `1101051949${String(i % APPLICANTS).padStart(7, '0')}X`;
      const body = submission(uuidFrom(random), idNumber);
      ids.push(body.applicationId);
      enqueue(db, clock, { kind: 'submit-application', applicantKey: applicantKey(idNumber, APPLICANT_KEY_SECRET), body });
    }
  })();
  const dispatcher = createDispatcher({ db, client, clock, random, concurrency: 16, batch: 128 });
  const rounds = await drain(db, clock, dispatcher.tick);
  const states = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
  return { province, ids, rounds, states };
}

test('1,000 submissions with ~30% faults: exactly 1,000 distinct filings, 0 duplicates, 0 left pending', async (t) => {
  const { province, ids, states, rounds } = await run(t, true);
  t.diagnostic(`rounds: ${rounds}, requests: ${province.log.length}`);
  assert.deepEqual(states, [{ state: 'done', n: TOTAL }]);
  assert.equal(province.filings.length, TOTAL);
  assert.equal(province.distinct(), TOTAL);
  assert.equal(province.duplicates(), 0);
  assert.deepEqual(new Set(province.filings), new Set(ids));
  const kinds = new Set(province.log.map((l) => l.fault));
  for (const fault of transientFaults) assert.ok(kinds.has(fault), `the run exercised ${fault}`);
});

test('the same run against a province that ignores idempotency keys files some applications twice (the test bites)', async (t) => {
  const { province, states } = await run(t, false);
  assert.deepEqual(states, [{ state: 'done', n: TOTAL }]);
  assert.equal(province.distinct(), TOTAL);
  assert.ok(province.duplicates() > 0, `expected duplicates without idempotency keys, got ${province.duplicates()}`);
  t.diagnostic(`duplicates without keys: ${province.duplicates()}`);
});
