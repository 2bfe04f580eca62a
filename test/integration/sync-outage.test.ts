// A 72-hour provincial outage under a fake clock, with 10 restarts on the same kiosk database file: the queue survives
// intact, each applicant's items reach the province in the order they were queued, and retries stay capped.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unlocked } from '../helpers/data-key.js';
import { test } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { createProvinceClient, type ProvinceClient } from '../../electron/core/province/client.js';
import { createDispatcher, DEFAULT_BACKOFF } from '../../electron/core/sync/dispatcher.js';
import { applicantKey, enqueue, nextDueAt } from '../../electron/core/sync/outbox.js';
import { createProvincialEmulator } from '../../emulators/provincial/emulator.js';
import { testIdNumber } from '../helpers/province-client.js';
import { drain } from '../helpers/sync-drain.js';
import { APPLICANT_KEY_SECRET, fakeClock, seededRandom, submission, TERMINAL, uuidFrom } from '../helpers/sync-fixtures.js';

const HOUR = 3_600_000;
const OUTAGE_MS = 72 * HOUR;
const RESTARTS = 10;
const APPLICANTS = 6;
const PER_APPLICANT = 4;
/** The real loop never sleeps less than this between ticks (dispatcher.start). */
const LOOP_FLOOR_MS = 10;

/**
 * Expected sends of one item that is retried for `windowMs`: with full jitter the delay after the a-th send is
 * uniform on [0, min(cap, base·2^a)], mean half of that (but never below the loop's floor). The count of such delays
 * in a window has σ ≈ √(n/3), so n + 5√n + 2 is a bound a correct dispatcher never meets by chance, and one that
 * retries without backoff (or restarts it at every restart) blows through.
 */
export function attemptBound(windowMs: number, backoff = DEFAULT_BACKOFF): number {
  let n = 1;
  for (let elapsed = 0; ; n++) {
    elapsed += Math.max(LOOP_FLOOR_MS, Math.min(backoff.capMs, backoff.baseMs * 2 ** (n - 1)) / 2);
    if (elapsed > windowMs) break;
  }
  return Math.ceil(n + 5 * Math.sqrt(n) + 2);
}

/** The real client, counting the calls made (one send of an item = one submit, plus one lookup if the answer was lost). */
function countingClient(inner: ProvinceClient, sends: Map<string, number>, calls: { n: number }): ProvinceClient {
  return {
    ...inner,
    submitApplication: (body) => (
      calls.n++,
      sends.set(body.applicationId, (sends.get(body.applicationId) ?? 0) + 1),
      inner.submitApplication(body)
    ),
    getApplication: (id) => (calls.n++, inner.getApplication(id)),
  };
}

test('72 h outage, 10 restarts on one file: queue intact, per-applicant order kept, retries capped', async (t) => {
  const started = Date.now();
  // ~10,000 retry commits, each an fsync under synchronous=FULL: on tmpfs when there is one (75 s → ~20 s on CI disks).
  // Still one file, closed and reopened at every restart, which is what the test is about.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'sync-outage-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'kiosk.sqlite');
  const clock = fakeClock();
  const t0 = clock.ms();
  const random = seededRandom(72);
  const emulator = createProvincialEmulator({
    dbFile: join(dir, 'province.sqlite'),
    clock,
    terminals: new Map([[TERMINAL.terminalId, TERMINAL.secret]]),
  });
  t.after(() => emulator.close());
  // First half: nothing listens (connection refused, "not sent"). Second half: the port answers but every request is
  // reset ("lost": the dispatcher must look the application up, which is reset too).
  const first = await emulator.listen(0);
  const port = Number(new URL(first.url).port);
  await first.close();

  // Items for interleaved applicants at random times over the first 70 h; the index is each applicant's queue order.
  const plan = Array.from({ length: APPLICANTS * PER_APPLICANT }, (_, i) => ({
    at: t0 + Math.floor(random.float() * 70 * HOUR),
    applicant: i % APPLICANTS,
  })).sort((a, b) => a.at - b.at);
  const order = new Map<string, { applicant: number; index: number; at: number }>();
  const queued = Array.from({ length: APPLICANTS }, () => 0);
  const restartsAt = Array.from({ length: RESTARTS }, (_, k) => t0 + Math.round(((k + 1) * OUTAGE_MS) / (RESTARTS + 1)));
  const sends = new Map<string, number>();
  const calls = { n: 0 };

  const open = () => {
    const db = openDatabase(file);
    migrate(db, loadMigrations(migrationsDir())); // as at start-up; a no-op after the first time
    unlocked(db);
    const client = countingClient(createProvinceClient({ baseUrl: first.url, ...TERMINAL, clock, random, timeoutMs: 500 }), sends, calls);
    return { db, dispatcher: createDispatcher({ db, client, clock, random }) };
  };
  const snapshot = (db: Db) =>
    db.prepare('SELECT seq, kind, target_id, body, state, attempts, next_attempt_at FROM outbox ORDER BY seq').all();
  let { db, dispatcher } = open();
  t.after(() => db.close());

  let resetting = false;
  let ticks = 0;
  while (clock.ms() < t0 + OUTAGE_MS) {
    while (plan[0] && plan[0].at <= clock.ms()) {
      const { applicant } = plan.shift()!;
      const idNumber = testIdNumber('19700101', applicant);
      const body = submission(uuidFrom(random), idNumber, clock.now().toISOString());
      order.set(body.applicationId, { applicant, index: queued[applicant]!++, at: clock.ms() });
      db.transaction(() =>
        enqueue(db, clock, { kind: 'submit-application', applicantKey: applicantKey(idNumber, APPLICANT_KEY_SECRET), body }),
      )();
    }
    if (restartsAt[0] !== undefined && restartsAt[0] <= clock.ms()) {
      restartsAt.shift();
      await dispatcher.stop();
      const before = snapshot(db);
      db.close();
      ({ db, dispatcher } = open());
      assert.deepEqual(snapshot(db), before, 'the queue is intact after a restart, retry counts and times included');
    }
    if (!resetting && clock.ms() >= t0 + OUTAGE_MS / 2) {
      resetting = true;
      await emulator.listen(port);
      emulator.admin.setFaults({ faults: [{ kind: 'reset' }] });
    }
    await dispatcher.tick();
    ticks++;
    // Sleep like the real loop: until the next due item, but wake for the test's own events.
    const next = Math.min(nextDueAt(db) ?? Infinity, plan[0]?.at ?? Infinity, restartsAt[0] ?? Infinity, t0 + OUTAGE_MS);
    clock.set(Math.max(next, clock.ms() + LOOP_FLOOR_MS));
  }

  // During the outage nothing was filed, nothing was given up, and the terminal says it is offline.
  assert.equal(emulator.admin.applications().created, 0);
  assert.deepEqual(db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all(), [{ state: 'pending', n: order.size }]);
  assert.equal(dispatcher.state().connection, 'offline');
  assert.equal(restartsAt.length, 0, `all ${RESTARTS} restarts happened`);

  // Retry rate: per item within the bound for the time it was queued, and in total.
  const attempts = db.prepare('SELECT target_id, attempts FROM outbox').all() as Array<{ target_id: string; attempts: number }>;
  let bounds = 0;
  for (const { target_id: id, attempts: made } of attempts) {
    const bound = attemptBound(t0 + OUTAGE_MS - order.get(id)!.at);
    bounds += bound;
    assert.ok(made <= bound, `an item was sent ${made} times in its window (bound ${bound})`);
    assert.equal(sends.get(id) ?? 0, made, 'the outbox counts every send the client made');
  }
  // At most two calls per send (the submit, and the lookup after a lost answer).
  const outageCalls = calls.n;
  assert.ok(outageCalls <= 2 * bounds, `${outageCalls} calls during the outage (bound ${2 * bounds})`);

  // The province comes back: everything is delivered once, and each applicant's items arrived in queue order.
  emulator.admin.setFaults({ faults: [] });
  await drain(db, clock, dispatcher.tick);
  assert.deepEqual(db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all(), [{ state: 'done', n: order.size }]);
  const atProvince = emulator.admin.applications();
  assert.equal(atProvince.created, order.size);
  assert.deepEqual(new Set(atProvince.applications.map((a) => a.applicationId)), new Set(order.keys()));
  const arrived = Array.from({ length: APPLICANTS }, () => [] as number[]);
  for (const a of atProvince.applications) arrived[order.get(a.applicationId)!.applicant]!.push(order.get(a.applicationId)!.index);
  for (const list of arrived) assert.deepEqual(list, [...list.keys()], 'per-applicant order kept');

  const maxAttempts = Math.max(...attempts.map((a) => a.attempts));
  console.log(
    `[outage] ${((Date.now() - started) / 1000).toFixed(1)} s, ${ticks} ticks, ${order.size} items, max sends per item ${maxAttempts} ` +
      `(72 h bound ${attemptBound(OUTAGE_MS)}), calls during outage ${outageCalls} (bound ${2 * bounds})`,
  );
});
