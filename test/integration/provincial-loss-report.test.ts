// 挂失 end to end: the emulator's loss-report endpoint, the dispatcher delivering it through faults, and the app's
// ProvinceService (kick, refresh, onView) against the in-process demo province.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { startProvince as startProvinceService, type ProvinceService } from '../../electron/app/province.js';
import { createEventHub } from '../../electron/app/events.js';
import { systemRandom } from '../../electron/core/clock.js';
import { base45Decode } from '../../electron/core/codes/base45.js';
import { RevocationListSchema, TrustListSchema } from '../../electron/core/codes/schema.js';
import { revocationHash } from '../../electron/core/codes/sign.js';
import { loadTrust } from '../../electron/core/codes/trust-store.js';
import { verifyCode } from '../../electron/core/codes/verify.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { createProvinceClient, type ProvinceClient, type ProvinceOutcome } from '../../electron/core/province/client.js';
import { ApplicationViewSchema, ChangeFeedSchema, ProvinceErrorSchema, type ApplicationView } from '../../electron/core/province/schema.js';
import { defaultSettings } from '../../electron/core/settings/schema.js';
import type { FaultRule } from '../../emulators/provincial/faults.js';
import { readCodeStatus } from '../../electron/core/sync/code-status.js';
import { createDispatcher } from '../../electron/core/sync/dispatcher.js';
import { enqueueLossReport } from '../../electron/core/sync/loss-report.js';
import { applicantKey, enqueue } from '../../electron/core/sync/outbox.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { admin, sampleApplication, startProvince, TERMINAL, testIdNumber } from '../helpers/province-client.js';
import { drain } from '../helpers/sync-drain.js';
import { APPLICANT_KEY_SECRET, fakeClock, lowRiskDeclaration, seededRandom, submission } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;
const view = (json: unknown): ApplicationView => ApplicationViewSchema.parse(json);
const errorCode = (json: unknown) => ProvinceErrorSchema.parse(json).error.code;
const hashOf = (codeText: string) => revocationHash(base45Decode(codeText)!);

type Province = Awaited<ReturnType<typeof startProvince>>;
type FaultRuleInput = Pick<FaultRule, 'kind'> & Partial<Pick<FaultRule, 'status' | 'retryAfterSeconds'>>;

async function greenApplication(province: Province): Promise<ApplicationView> {
  const reply = await province.client.submit(sampleApplication(province.clock));
  assert.equal(reply.status, 201);
  return view(reply.json);
}

const reportLoss = (
  province: Province,
  id: string,
  key: string,
  body: unknown = { reportedAt: province.clock.now().toISOString(), reason: 'lost' },
) => province.client.request('POST', `/v1/applications/${id}/loss-report`, body, { idempotencyKey: key });

/** What a checkpoint decides with the province's current trust list and revocation list. */
async function checkpoint(province: Province, codeText: string) {
  const trustList = TrustListSchema.parse((await province.client.trustList()).json);
  const revocations = RevocationListSchema.parse((await province.client.revocations()).json);
  return verifyCode(codeText, { trustList, revokedHashes: revocations.hashes, now: province.clock.now() });
}

test('a loss report revokes the old code and issues a new one at the same status; checkpoints refuse the old', async (t) => {
  const province = await startProvince(t);
  const before = await greenApplication(province);
  assert.equal((await checkpoint(province, before.code!.codeText)).ok, true);
  province.emulator.admin.setClock({ advanceMs: 3_600_000 });

  const reply = await reportLoss(province, before.applicationId, 'loss-0001');
  assert.equal(reply.status, 200);
  const after = view(reply.json);
  assert.equal(after.status, 'GREEN');
  assert.equal(after.reasonCode, before.reasonCode);
  assert.ok(after.code && before.code);
  assert.notEqual(after.code.codeId, before.code.codeId, 'a new code id');
  assert.equal(after.statusAsOf, province.clock.now().toISOString(), 'status as of the report');
  assert.equal(Date.parse(after.code.validUntil), province.clock.now().getTime() + 14 * DAY, 'the policy validity, from now');

  const revocations = RevocationListSchema.parse((await province.client.revocations()).json);
  assert.deepEqual(revocations.hashes, [hashOf(before.code.codeText)], 'exactly the old code went on the list');
  const old = await checkpoint(province, before.code.codeText);
  assert.deepEqual(old, { ok: false, reason: 'revoked' });
  const fresh = await checkpoint(province, after.code.codeText);
  assert.equal(fresh.ok, true);
  assert.equal(fresh.ok && fresh.fields.codeId, after.code.codeId);
  assert.equal(fresh.ok && fresh.fields.status, 'GREEN');
  assert.deepEqual((await province.client.verify(before.code.codeText)).json, { valid: false, status: null, reason: 'revoked' });

  // The new code is in the change feed, so every terminal (and this one's puller) learns it.
  const feed = ChangeFeedSchema.parse((await province.client.changes(0, 100)).json);
  assert.deepEqual(
    feed.changes.map((c) => c.code?.codeId),
    [before.code.codeId, after.code.codeId],
  );
  // The GET answers the replacement too.
  assert.equal(view((await province.client.get(before.applicationId)).json).code?.codeId, after.code.codeId);
});

test('a replay answers the first new code again without reissuing; another body under the key is a mismatch', async (t) => {
  const province = await startProvince(t);
  const before = await greenApplication(province);
  const body = { reportedAt: province.clock.now().toISOString(), reason: 'lost' };
  const first = await reportLoss(province, before.applicationId, 'loss-0002', body);
  const replay = await reportLoss(province, before.applicationId, 'loss-0002', body);
  assert.equal(replay.status, 200);
  assert.equal(replay.headers['idempotent-replay'], 'true');
  assert.deepEqual(replay.json, first.json);
  assert.equal(RevocationListSchema.parse((await province.client.revocations()).json).hashes.length, 1, 'revoked once');
  assert.equal(ChangeFeedSchema.parse((await province.client.changes(0, 100)).json).changes.length, 2, 'reissued once');

  const other = await reportLoss(province, before.applicationId, 'loss-0002', { ...body, reportedAt: '2026-11-27T03:00:00Z' });
  assert.equal(other.status, 422);
  assert.equal(errorCode(other.json), 'idempotency-mismatch');

  // A second loss (the replacement lost too) is a new report under a new key: the replacement is revoked in turn.
  const second = view((await reportLoss(province, before.applicationId, 'loss-0003', body)).json);
  const firstCode = view(first.json).code!;
  assert.notEqual(second.code?.codeId, firstCode.codeId);
  assert.deepEqual((await checkpoint(province, firstCode.codeText)).ok, false);
  assert.equal((await checkpoint(province, second.code!.codeText)).ok, true);
});

test('unknown application → 404; a bad body → 400 naming the field; no key → 400', async (t) => {
  const province = await startProvince(t);
  const unknown = await reportLoss(province, '00000000-0000-4000-8000-000000000000', 'loss-0004');
  assert.equal(unknown.status, 404);
  assert.equal(errorCode(unknown.json), 'not-found');

  const { applicationId } = await greenApplication(province);
  const stolen = await reportLoss(province, applicationId, 'loss-0005', {
    reportedAt: province.clock.now().toISOString(),
    reason: 'stolen',
  });
  assert.equal(stolen.status, 400);
  assert.match(ProvinceErrorSchema.parse(stolen.json).error.message, /^reason:/);
  const extra = await reportLoss(province, applicationId, 'loss-0006', {
    reportedAt: province.clock.now().toISOString(),
    reason: 'lost',
    note: 'x',
  });
  assert.match(ProvinceErrorSchema.parse(extra.json).error.message, /^note:/);
  const noKey = await province.client.request('POST', `/v1/applications/${applicationId}/loss-report`, {
    reportedAt: province.clock.now().toISOString(),
    reason: 'lost',
  });
  assert.equal(noKey.status, 400);
  assert.match(ProvinceErrorSchema.parse(noKey.json).error.message, /^idempotency-key:/);
  assert.equal(RevocationListSchema.parse((await province.client.revocations()).json).hashes.length, 0);
});

test('PENDING (no code): 200 with the view unchanged, nothing revoked, nothing in the feed; YELLOW keeps YELLOW', async (t) => {
  const province = await startProvince(t);
  const pending = view((await province.client.submit(sampleApplication(province.clock, { declaration: { fever: true } }))).json);
  const reply = await reportLoss(province, pending.applicationId, 'loss-0007');
  assert.equal(reply.status, 200);
  assert.deepEqual(view(reply.json), pending);
  assert.equal(ChangeFeedSchema.parse((await province.client.changes(0, 100)).json).changes.length, 1);

  const yellow = province.emulator.admin.setStatus({
    applicationId: (await greenApplication(province)).applicationId,
    status: 'YELLOW',
    reasonCode: 'big-data',
  })!;
  const replaced = view((await reportLoss(province, yellow.applicationId, 'loss-0008')).json);
  assert.equal(replaced.status, 'YELLOW');
  assert.equal(replaced.reasonCode, 'big-data');
  assert.notEqual(replaced.code?.codeId, yellow.code?.codeId);
  const checked = await checkpoint(province, replaced.code!.codeText);
  assert.equal(checked.ok && checked.fields.status, 'YELLOW');
  assert.equal((await checkpoint(province, yellow.code!.codeText)).ok, false);
});

test('the kiosk client: reportLoss answers the new view; a per-call timeout overrides the default', async (t) => {
  const province = await startProvince(t);
  const before = await greenApplication(province);
  const client = createProvinceClient({
    baseUrl: province.url,
    ...TERMINAL,
    clock: province.clock,
    random: systemRandom,
    timeoutMs: 10_000,
  });
  const outcome = await client.reportLoss(
    before.applicationId,
    { reportedAt: province.clock.now().toISOString(), reason: 'lost' },
    'loss-0009',
  );
  assert.equal(outcome.kind, 'ok');
  assert.notEqual(outcome.kind === 'ok' && outcome.value.code?.codeId, before.code?.codeId);

  await admin(province.url, 'POST', '/admin/faults', { faults: [{ kind: 'hang', count: 1 }] });
  const started = Date.now();
  const hung = await client.getApplication(before.applicationId, { timeoutMs: 150 });
  const waited = Date.now() - started;
  assert.deepEqual(hung, { kind: 'ambiguous', reason: 'timeout' });
  assert.ok(waited >= 140 && waited < 2000, `gave up after ${waited} ms, not the client's 10 s`);
  assert.equal((await client.getApplication(before.applicationId)).kind, 'ok');
});

test('the dispatcher delivers a loss report through lost answers, resets, 5xx and hangs: revoked and reissued once', async (t) => {
  const clock = fakeClock();
  const { url, emulator } = await startProvince(t, { clock });
  const db = migratedDb(t);
  const random = seededRandom(10);
  const real = createProvinceClient({ baseUrl: url, ...TERMINAL, clock, random, timeoutMs: 300 });
  // One fault per send, in this order, then none: each plays out alone (several rules on one request would mask each other).
  const script: FaultRuleInput[] = [
    { kind: 'lost-after-commit' },
    { kind: 'reset' },
    { kind: 'error-5xx', status: 500 },
    { kind: 'hang' },
    { kind: 'lost-after-commit' },
    { kind: 'error-5xx', status: 503, retryAfterSeconds: 1 },
  ];
  const sends = script.length + 1;
  const client: ProvinceClient = {
    ...real,
    reportLoss: (id, body, key) => {
      const next = script.shift();
      emulator.admin.setFaults({ faults: next ? [{ ...next, count: 1 }] : [] });
      return real.reportLoss(id, body, key);
    },
  };
  const idNumber = testIdNumber('19700101', 5);
  const key = applicantKey(idNumber, APPLICANT_KEY_SECRET);
  const applicationId = randomUUID();
  const views: ApplicationView[] = [];
  const dispatcher = createDispatcher({ db, client, clock, random, onView: (v) => views.push(v) });
  db.transaction(() =>
    enqueue(db, clock, {
      kind: 'submit-application',
      applicantKey: key,
      body: submission(applicationId, idNumber, clock.now().toISOString()),
    }),
  )();
  await drain(db, clock, dispatcher.tick);
  const old = readCodeStatus(db, applicationId)!.code!;

  db.transaction(() => enqueueLossReport(db, clock, { applicationId, applicantKey: key, reportedAt: clock.now() }))();
  await drain(db, clock, dispatcher.tick);

  const item = db.prepare("SELECT state, attempts, body FROM outbox WHERE kind = 'report-loss'").get();
  assert.deepEqual(item, { state: 'done', attempts: sends, body: 'null' });
  assert.deepEqual(emulator.admin.faultsFired(), {
    latency: 0,
    'error-5xx': 2,
    reset: 1,
    hang: 1,
    'lost-after-commit': 2,
    'duplicate-delivery': 0,
    'clock-skew': 0,
  });

  const feed = await okValue(real.changes(0, 100));
  assert.deepEqual(
    feed.changes.filter((c) => c.applicationId === applicationId).map((c) => c.code?.codeId === old.codeId),
    [true, false],
    'one submission, exactly one reissue, though two earlier sends committed before their answers were lost',
  );
  assert.deepEqual((await okValue(real.revocations())).hashes, [hashOf(old.codeText)]);
  const now = readCodeStatus(db, applicationId)!;
  assert.equal(now.code?.codeId, feed.changes.at(-1)?.code?.codeId, 'the kiosk holds the reissued code');
  assert.deepEqual(
    views.map((v) => v.code?.codeId),
    [old.codeId, now.code?.codeId],
    'the new code announced once',
  );
});

/** The value of an ok outcome, or a failed assertion naming the outcome. */
async function okValue<T>(pending: Promise<ProvinceOutcome<T>>): Promise<T> {
  const outcome = await pending;
  assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
  return (outcome as Extract<ProvinceOutcome<T>, { kind: 'ok' }>).value;
}

// ---- ProvinceService (electron/app/province.ts) in demo mode: the in-process emulator on 127.0.0.1.

const TERMINAL_ID = 'T-00112233445566AA';

async function demoService(t: TestContext) {
  const clock = fakeClock('2026-11-27T02:00:00Z');
  const dataDir = tempDir(t, 'province-service-');
  const db = migratedDb(t);
  const service = startProvinceService({
    settings: defaultSettings,
    dataDir,
    db,
    terminalId: TERMINAL_ID,
    clock,
    random: systemRandom,
    events: createEventHub(),
  });
  t.after(() => service.close());
  const views: ApplicationView[] = [];
  service.onView((v) => views.push(v));
  // Ready: the demo province answers (not-found is an answer, but no view: false).
  assert.equal(await service.refresh(randomUUID(), 5000), false);
  return { clock, dataDir, db, service, views };
}

/** Waits for the first announced view (from now on) that matches. */
function nextView(service: ProvinceService, match: (v: ApplicationView) => boolean, timeoutMs: number): Promise<ApplicationView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`no matching view within ${timeoutMs} ms`))), timeoutMs);
    const off = service.onView((v) => {
      if (!match(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

function queueSubmission(db: Db, clock: { now(): Date }, n: number, overrides: Partial<ReturnType<typeof submission>> = {}) {
  const idNumber = testIdNumber('19800101', n);
  const body = { ...submission(randomUUID(), idNumber, clock.now().toISOString()), ...overrides };
  const key = applicantKey(idNumber, APPLICANT_KEY_SECRET);
  db.transaction(() => enqueue(db, clock, { kind: 'submit-application', applicantKey: key, body }))();
  return { applicationId: body.applicationId, key };
}

test('ProvinceService: kick sends at once; a loss report comes back as a new code through onView', async (t) => {
  const { clock, dataDir, db, service, views } = await demoService(t);
  const latencies: number[] = [];
  let first: { applicationId: string; key: string } | undefined;
  for (let n = 0; n <= 3; n++) {
    const queued = queueSubmission(db, clock, n);
    if (n === 1) first = queued;
    const started = Date.now();
    const arrived = nextView(service, (v) => v.applicationId === queued.applicationId, 4000);
    service.kick();
    assert.equal((await arrived).status, 'GREEN');
    // Round 0 only sets the phase: once its round is over, the dispatcher's own loop sleeps its full 2 s poll.
    if (n > 0) latencies.push(Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Without kick() each of these would wait ~1.95 s for the poll; well under it shows kick() did the sending.
  assert.ok(Math.max(...latencies) < 1000, `kick → view: ${latencies.join(', ')} ms`);
  t.diagnostic(`kick → view: ${latencies.join(', ')} ms`);

  const old = readCodeStatus(db, first!.applicationId)!.code!;
  db.transaction(() =>
    enqueueLossReport(db, clock, { applicationId: first!.applicationId, applicantKey: first!.key, reportedAt: clock.now() }),
  )();
  const replaced = nextView(service, (v) => v.applicationId === first!.applicationId, 4000);
  service.kick();
  const fresh = await replaced;
  assert.notEqual(fresh.code?.codeId, old.codeId);
  assert.equal(readCodeStatus(db, first!.applicationId)?.code?.codeId, fresh.code?.codeId, 'applied before it was announced');

  // The demo province's own file lists the old code as revoked (what the trust refresh hands to checkpoints).
  const provinceDb = openDatabase(join(dataDir, 'demo-province.sqlite'), { readonly: true });
  const revoked = provinceDb.prepare('SELECT hash FROM revocations').pluck().all();
  provinceDb.close();
  assert.deepEqual(revoked, [hashOf(old.codeText)]);
  assert.equal(views.filter((v) => v.applicationId === first!.applicationId).length, 2, 'GREEN once, the replacement once');

  // The kiosk fetches the revocation list soon after a code changes, so its own checkpoint refuses the old slip.
  const deadline = Date.now() + 5000;
  while (!loadTrust(db).revokedHashes.has(hashOf(old.codeText)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(loadTrust(db).revokedHashes.has(hashOf(old.codeText)), 'the old code is in the cached revocations of the kiosk within seconds');
});

test('ProvinceService: refresh applies the province view (true), is quiet when unchanged, false when unreachable', async (t) => {
  const { clock, db, service, views } = await demoService(t);
  const { applicationId } = queueSubmission(db, clock, 9);
  const sent = nextView(service, (v) => v.applicationId === applicationId, 4000);
  service.kick();
  const known = await sent;

  // The terminal lost its cached row (say, a restore from an older backup): refresh brings it back and announces it.
  db.prepare('DELETE FROM code_status WHERE application_id = ?').run(applicationId);
  const before = views.length;
  assert.equal(await service.refresh(applicationId, 2000), true);
  assert.deepEqual(readCodeStatus(db, applicationId), known);
  assert.deepEqual(views.slice(before), [known]);
  assert.equal(await service.refresh(applicationId, 2000), true, 'unchanged is still fresh');
  assert.equal(views.length, before + 1, 'nothing new to announce');

  await service.demoSetOnline(false);
  const started = Date.now();
  assert.equal(await service.refresh(applicationId, 1500), false);
  assert.ok(Date.now() - started < 1500, 'refused connection: answered within the timeout');
  await service.demoSetOnline(true);
  assert.equal(await service.refresh(applicationId, 2000), true);

  // Unsubscribing stops delivery; a listener that throws does not stop the others.
  const late: ApplicationView[] = [];
  const off = service.onView((v) => late.push(v));
  off();
  service.onView(() => {
    throw new Error('a broken screen');
  });
  const after: ApplicationView[] = [];
  service.onView((v) => after.push(v));
  db.prepare('DELETE FROM code_status WHERE application_id = ?').run(applicationId);
  assert.equal(await service.refresh(applicationId, 2000), true);
  assert.deepEqual(late, []);
  assert.deepEqual(after, [known]);
});

test('ProvinceService: a status the change feed brings (auto-default green) reaches onView', async (t) => {
  const { clock, db, service } = await demoService(t);
  const { applicationId } = queueSubmission(db, clock, 12, {
    channel: 'online',
    declaration: { ...lowRiskDeclaration, contactWithCase14d: true },
  });
  const pending = nextView(service, (v) => v.applicationId === applicationId, 4000);
  service.kick();
  assert.equal((await pending).status, 'PENDING');
  // Past the auto-default (18:00 the day after the review deadline): only the feed can tell the terminal.
  const green = nextView(service, (v) => v.applicationId === applicationId && v.status === 'GREEN', 12_000);
  clock.advance(7 * DAY);
  const view = await green;
  assert.equal(view.reasonCode, 'auto-default');
  assert.equal(readCodeStatus(db, applicationId)?.status, 'GREEN');
});

test('ProvinceService without a reachable configuration: kick is harmless, refresh answers false', async (t) => {
  const service = startProvinceService({
    settings: { ...defaultSettings, province: { endpoint: 'https://province.invalid/api' } },
    dataDir: tempDir(t),
    db: migratedDb(t),
    terminalId: TERMINAL_ID,
    clock: fakeClock(),
    random: systemRandom,
    events: createEventHub(),
    env: {},
  });
  t.after(() => service.close());
  service.kick();
  assert.equal(await service.refresh(randomUUID(), 500), false);
});

test('ProvinceService: when the province answers again, items backing off from the outage are sent at once', async (t) => {
  const { clock, db, service } = await demoService(t);
  // The clock is fixed: each step moves it on, so the failure is later than the last success, and the recovery later still.
  clock.advance(1000);
  await service.demoSetOnline(false);
  const { applicationId } = queueSubmission(db, clock, 21);
  service.kick();
  // The failed attempt is recorded; then pretend the outage lasted long enough for the backoff to reach its cap.
  const deadline = Date.now() + 5000;
  while (db.prepare('SELECT attempts FROM outbox WHERE target_id = ?').pluck().get(applicationId) === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  db.prepare('UPDATE outbox SET next_attempt_at = ? WHERE target_id = ?').run(clock.ms() + 5 * 60_000, applicationId);

  clock.advance(1000);
  const arrived = nextView(service, (v) => v.applicationId === applicationId, 15_000);
  await service.demoSetOnline(true);
  // The change feed's next round reaches the province; the state push that follows brings the waiting item forward.
  assert.equal((await arrived).status, 'GREEN');
});
