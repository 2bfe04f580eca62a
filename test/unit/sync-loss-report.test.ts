// Loss reports in the outbox: queued in the caller's transaction, sent after the applicant's earlier items, and
// delivered exactly once through any mix of faults (a scripted in-memory province behind the ProvinceClient interface).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unlocked } from '../helpers/data-key.js';
import fc from 'fast-check';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import type { ProvinceClient, ProvinceOutcome } from '../../electron/core/province/client.js';
import type { ApplicationView, LossReport } from '../../electron/core/province/schema.js';
import { applyView, readCodeStatus } from '../../electron/core/sync/code-status.js';
import { createDispatcher } from '../../electron/core/sync/dispatcher.js';
import { enqueueLossReport } from '../../electron/core/sync/loss-report.js';
import { applicantKey, enqueue, outboxBody, type OutboxRow } from '../../electron/core/sync/outbox.js';
import { drain } from '../helpers/sync-drain.js';
import { APPLICANT_KEY_SECRET, fakeClock, seededRandom, submission, type FakeClock } from '../helpers/sync-fixtures.js';

const APP = '5f0c2d7e-8a41-4b6f-9c3e-2a7d1e0b4c59';
const KEY = applicantKey('11010519491231002X', APPLICANT_KEY_SECRET);

/** What the scripted province does with one loss-report call: 'lost-after' commits, then the answer goes missing. */
type Fault = 'ok' | 'unavailable' | 'lost-before' | 'lost-after' | 'not-found' | 'bad-signature';

function open(): Db {
  const db = openDatabase(':memory:');
  migrate(db, loadMigrations(migrationsDir()));
  return unlocked(db);
}

const view = (codeId: string, statusAsOf: Date): ApplicationView => ({
  applicationId: APP,
  status: 'GREEN',
  reasonCode: null,
  statusAsOf: statusAsOf.toISOString(),
  reviewDueAt: null,
  code: { codeText: `HC1:${codeId.padEnd(24, '0')}`, codeId, validUntil: '2026-12-11T02:00:00.000Z' },
});

/** A province that keeps the first answer per key (as the contract says) and counts the codes it reissues. */
function scriptedProvince(clock: FakeClock, faults: Fault[]) {
  let current = view('C-0', clock.now());
  const answers = new Map<string, ApplicationView>();
  const sent: Array<{ key: string; body: LossReport; fault: Fault }> = [];
  const reissued: string[] = [];
  const calls: string[] = [];
  const unused = () => Promise.reject(new Error('not used here'));
  const client: ProvinceClient = {
    submitApplication: async (body) => {
      calls.push(`submit ${body.applicationId}`);
      return { kind: 'ok', value: current, replay: false };
    },
    getApplication: async (id) => {
      calls.push(`get ${id}`);
      return { kind: 'ok', value: current, replay: false };
    },
    reportLoss: async (id, body, key): Promise<ProvinceOutcome<ApplicationView>> => {
      const fault = faults.shift() ?? 'ok';
      calls.push(`loss ${id}`);
      sent.push({ key, body, fault });
      if (fault === 'unavailable') return { kind: 'retry', reason: 'unavailable', retryAfterMs: 1000 };
      if (fault === 'lost-before') return { kind: 'ambiguous', reason: 'reset' };
      if (fault === 'not-found') return { kind: 'refused', code: 'not-found', status: 404 };
      if (fault === 'bad-signature') return { kind: 'refused', code: 'bad-signature', status: 401 };
      const stored = answers.get(key);
      if (!stored) {
        const codeId = `C-${reissued.length + 1}`;
        reissued.push(codeId);
        current = view(codeId, clock.now());
        answers.set(key, current);
      }
      if (fault === 'lost-after') return { kind: 'ambiguous', reason: 'timeout' };
      return { kind: 'ok', value: answers.get(key)!, replay: stored !== undefined };
    },
    sendDecision: unused,
    changes: unused,
    trustList: unused,
    revocations: unused,
    roster: unused,
  };
  return { client, sent, reissued, calls, current: () => current };
}

function setup(faults: Fault[] = []) {
  const clock = fakeClock();
  const db = open();
  const province = scriptedProvince(clock, faults);
  // The kiosk already knows the code the resident lost.
  db.transaction(() => applyView(db, clock, province.current()))();
  clock.advance(60_000);
  const views: ApplicationView[] = [];
  const dispatcher = createDispatcher({
    db,
    client: province.client,
    clock,
    random: seededRandom(3),
    onView: (v) => views.push(v),
  });
  return { clock, db, province, views, dispatcher };
}

const rows = (db: Db) => db.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];

test('enqueueLossReport runs only inside a transaction, rolls back with it, and queues a fresh key per report', () => {
  const { db, clock } = setup();
  const request = { applicationId: APP, applicantKey: KEY, reportedAt: clock.now() };
  assert.throws(() => enqueueLossReport(db, clock, request), /inside the transaction/);
  assert.throws(() =>
    db.transaction(() => {
      enqueueLossReport(db, clock, request);
      throw new Error('the audit write failed');
    })(),
  );
  assert.equal(rows(db).length, 0);
  const first = db.transaction(() => enqueueLossReport(db, clock, request))();
  const second = db.transaction(() => enqueueLossReport(db, clock, request))();
  assert.ok(second > first);
  const [a, b] = rows(db);
  assert.equal(a?.kind, 'report-loss');
  assert.equal(a?.target_id, APP);
  assert.equal(a?.applicant_key, KEY);
  assert.deepEqual(outboxBody(db, a!), { reportedAt: clock.now().toISOString(), reason: 'lost' });
  assert.match(a!.idempotency_key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(a!.idempotency_key, b!.idempotency_key, 'a second loss (the replacement lost too) is a new call');
  assert.throws(() => db.transaction(() => enqueueLossReport(db, clock, { ...request, applicationId: 'not-a-uuid' }))());
  assert.throws(() => db.transaction(() => enqueueLossReport(db, clock, { ...request, applicantKey: 'not-a-key' }))(), /CHECK/);
});

test("a loss report waits for the same applicant's earlier submission, then goes", async () => {
  const { db, clock, province, dispatcher } = setup();
  const other = '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70';
  db.transaction(() => {
    enqueue(db, clock, { kind: 'submit-application', applicantKey: KEY, body: submission(other) });
    enqueueLossReport(db, clock, { applicationId: APP, applicantKey: KEY, reportedAt: clock.now() });
  })();
  const first = await dispatcher.tick();
  assert.equal(first.sent, 1, 'only the head of the applicant queue goes in a round');
  await dispatcher.tick();
  assert.deepEqual(province.calls, [`submit ${other}`, `loss ${APP}`]);
});

test('delivered exactly once under any sequence of faults: one reissue, one key, one new view, body dropped', async () => {
  const faults = fc.constantFrom<Fault>('unavailable', 'lost-before', 'lost-after', 'bad-signature');
  await fc.assert(
    fc.asyncProperty(fc.array(faults, { maxLength: 8 }), async (script) => {
      const { db, clock, province, views, dispatcher } = setup([...script]);
      db.transaction(() => enqueueLossReport(db, clock, { applicationId: APP, applicantKey: KEY, reportedAt: clock.now() }))();
      await drain(db, clock, dispatcher.tick);
      const [item] = rows(db);
      assert.equal(item?.state, 'done');
      assert.equal(item?.body, 'null', 'sent: nothing kept');
      assert.equal(item?.attempts, script.length + 1);
      assert.deepEqual(province.reissued, ['C-1'], 'the province revoked and reissued exactly once');
      assert.equal(new Set(province.sent.map((s) => s.key)).size, 1, 'every resend under the one key');
      assert.equal(province.sent.length, script.length + 1);
      assert.ok(!province.calls.some((c) => c.startsWith('get')), 'a lookup cannot prove a loss report: resend instead');
      assert.equal(readCodeStatus(db, APP)?.code?.codeId, 'C-1');
      assert.deepEqual(
        views.map((v) => v.code?.codeId),
        ['C-1'],
        'the new code is announced once, after commit',
      );
      db.close();
    }),
    { numRuns: 60 },
  );
});

test('a loss report the province does not know fails for staff; no view, nothing reissued', async () => {
  const { db, clock, province, views, dispatcher } = setup(['not-found']);
  db.transaction(() => enqueueLossReport(db, clock, { applicationId: APP, applicantKey: KEY, reportedAt: clock.now() }))();
  await dispatcher.tick();
  assert.deepEqual(
    rows(db).map((r) => [r.state, r.last_error]),
    [['failed', 'not-found']],
  );
  assert.notEqual(rows(db)[0]!.body, 'null', 'a failed item keeps its body for staff');
  assert.deepEqual(province.reissued, []);
  assert.deepEqual(views, []);
  assert.equal(readCodeStatus(db, APP)?.code?.codeId, 'C-0');
  assert.equal(dispatcher.state().failed, 1);
});
