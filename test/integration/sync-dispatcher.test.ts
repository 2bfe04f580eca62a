// The dispatcher against a fake province over HTTP: order per applicant, reconciliation, refusals, restarts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { unlocked } from '../helpers/data-key.js';
import { test, type TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { createProvinceClient } from '../../electron/core/province/client.js';
import { readCodeStatus } from '../../electron/core/sync/code-status.js';
import { createDispatcher } from '../../electron/core/sync/dispatcher.js';
import { applicantKey, enqueue, type OutboxRow } from '../../electron/core/sync/outbox.js';
import { drain } from '../helpers/sync-drain.js';
import { startFakeProvince, type Fault } from '../helpers/fake-province.js';
import { APPLICANT_KEY_SECRET, fakeClock, seededRandom, submission, TERMINAL, uuidFrom } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const A = '11010519491231002X';
const B = '440524188001010014';

async function setup(t: TestContext, fault: (body: string, method: string) => Fault = () => 'ok') {
  const clock = fakeClock();
  const random = seededRandom(11);
  const file = join(tempDir(t), 'kiosk.sqlite');
  const open = () => {
    const db = openDatabase(file);
    migrate(db, loadMigrations(migrationsDir()));
    return unlocked(db);
  };
  const province = await startFakeProvince(t, { clock, fault: ({ body, method }) => fault(body, method) });
  // 1 s, not 150 ms: with the end-to-end tests running beside these, a loaded CI core once took longer to answer.
  const client = createProvinceClient({ baseUrl: province.url, ...TERMINAL, clock, random, timeoutMs: 1000 });
  const dispatcher = (db: Db) => createDispatcher({ db, client, clock, random });
  const db = open();
  t.after(() => db.open && db.close());
  const queue = (idNumber: string) => {
    const body = submission(uuidFrom(random), idNumber);
    db.transaction(() =>
      enqueue(db, clock, { kind: 'submit-application', applicantKey: applicantKey(idNumber, APPLICANT_KEY_SECRET), body }),
    )();
    return body.applicationId;
  };
  return { clock, db, open, province, client, dispatcher, queue };
}

const rows = (db: Db) => db.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];

test('one applicant waits behind its earlier failing item; another applicant goes ahead', async (t) => {
  let failuresLeft = 2;
  const s = await setup(t, (body) => (body.includes(A) && failuresLeft-- > 0 ? 'unavailable' : 'ok'));
  const a1 = s.queue(A);
  const a2 = s.queue(A);
  const b1 = s.queue(B);
  const d = s.dispatcher(s.db);
  await d.tick();
  assert.deepEqual(s.province.filings, [b1], 'B was not held up by A; A2 did not overtake A1');
  assert.deepEqual(
    rows(s.db).map((r) => [r.state, r.last_error]),
    [
      ['pending', 'unavailable'],
      ['pending', null],
      ['done', null],
    ],
  );
  assert.ok(rows(s.db)[0]!.next_attempt_at >= s.clock.ms() + 1000, 'Retry-After (1 s) is the floor of the delay');
  await drain(s.db, s.clock, d.tick);
  assert.deepEqual(s.province.filings, [b1, a1, a2]);
});

test('an answer lost after the province committed is reconciled by a lookup: done, no second filing', async (t) => {
  const faults: Fault[] = ['commit-then-drop'];
  const s = await setup(t, (_b, method) => (method === 'POST' ? (faults.shift() ?? 'ok') : 'ok'));
  const id = s.queue(A);
  const views: string[] = [];
  const d = createDispatcher({ db: s.db, client: s.client, clock: s.clock, random: seededRandom(1), onView: (v) => views.push(v.status) });
  const result = await d.tick();
  assert.deepEqual(result, { sent: 1, done: 1, failed: 0, rescheduled: 0 });
  assert.deepEqual(s.province.filings, [id]);
  assert.deepEqual(
    s.province.log.map((l) => `${l.method} ${l.fault}`),
    ['POST commit-then-drop', 'GET ok'],
  );
  assert.equal(readCodeStatus(s.db, id)?.status, 'GREEN');
  assert.deepEqual(views, ['GREEN'], 'the screen hears about the code once, after commit');
  assert.equal(rows(s.db)[0]!.body, 'null', 'the personal data in the body is dropped once sent');
});

test('a 500 before committing: the lookup says not found, the item is resent under the same key', async (t) => {
  const faults: Fault[] = ['error-500'];
  const s = await setup(t, (_b, method) => (method === 'POST' ? (faults.shift() ?? 'ok') : 'ok'));
  const id = s.queue(A);
  const d = s.dispatcher(s.db);
  assert.equal((await d.tick()).rescheduled, 1);
  assert.deepEqual(s.province.filings, []);
  await drain(s.db, s.clock, d.tick);
  assert.deepEqual(s.province.filings, [id]);
});

test("a permanent refusal fails the item with its code; the applicant's next item is not blocked", async (t) => {
  const faults: Fault[] = ['refuse'];
  const s = await setup(t, (_b, method) => (method === 'POST' ? (faults.shift() ?? 'ok') : 'ok'));
  s.queue(A);
  const a2 = s.queue(A);
  const d = s.dispatcher(s.db);
  await drain(s.db, s.clock, d.tick);
  assert.deepEqual(
    rows(s.db).map((r) => [r.state, r.last_error]),
    [
      ['failed', 'invalid-request'],
      ['done', null],
    ],
  );
  assert.deepEqual(s.province.filings, [a2]);
  assert.equal(d.state().failed, 1);
});

test('a refusal about the terminal itself (bad signature) keeps the item pending for when the config is fixed', async (t) => {
  const s = await setup(t);
  s.queue(A);
  const wrong = createProvinceClient({
    baseUrl: s.province.url,
    terminalId: TERMINAL.terminalId,
    secret: new Uint8Array(32),
    clock: s.clock,
    random: seededRandom(4),
  });
  await createDispatcher({ db: s.db, client: wrong, clock: s.clock, random: seededRandom(4) }).tick();
  assert.deepEqual(
    rows(s.db).map((r) => [r.state, r.last_error, r.attempts]),
    [['pending', 'bad-signature', 1]],
  );
});

test('restart mid-queue: close the DB file, reopen, new dispatcher: the queue is intact and drains without duplicates', async (t) => {
  let down = true;
  const s = await setup(t, () => (down ? 'hang-after-commit' : 'ok'));
  const ids = [s.queue(A), s.queue(A), s.queue(B)];
  await s.dispatcher(s.db).tick();
  const before = rows(s.db);
  assert.deepEqual(
    before.map((r) => r.state),
    ['pending', 'pending', 'pending'],
  );
  s.db.close();
  down = false;
  const db = s.open();
  t.after(() => db.close());
  assert.deepEqual(rows(db), before, 'every pending item, attempt count and due time survived the restart');
  await drain(db, s.clock, createDispatcher({ db, client: s.client, clock: s.clock, random: seededRandom(5) }).tick);
  assert.deepEqual([...s.province.filings].sort(), [...ids].sort());
  assert.equal(s.province.duplicates(), 0);
});

test('a second tick while one is in progress does not send anything twice', async (t) => {
  const s = await setup(t);
  s.queue(A);
  const d = s.dispatcher(s.db);
  const [one, two] = await Promise.all([d.tick(), d.tick()]);
  assert.equal(one, two);
  assert.equal(s.province.log.length, 1);
});
