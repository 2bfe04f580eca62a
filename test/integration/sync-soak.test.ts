// Soak: 10,000 submissions through the real emulator with ≥ 30% of requests faulted, every kind firing: exactly 10,000
// filings, 0 duplicates, 0 left locally; the same run against a province ignoring idempotency keys must fail the check.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unlocked } from '../helpers/data-key.js';
import { test, type TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { createProvinceClient } from '../../electron/core/province/client.js';
import { createDispatcher } from '../../electron/core/sync/dispatcher.js';
import { applicantKey, enqueue } from '../../electron/core/sync/outbox.js';
import { createProvincialEmulator } from '../../emulators/provincial/emulator.js';
import { faultKinds } from '../../emulators/provincial/faults.js';
import { testIdNumber } from '../helpers/province-client.js';
import { drain } from '../helpers/sync-drain.js';
import { APPLICANT_KEY_SECRET, fakeClock, seededRandom, submission, TERMINAL, uuidFrom } from '../helpers/sync-fixtures.js';

const TOTAL = 10_000;
/** Per kind; 1 − 0.92^5 ≈ 34% of requests meet at least one of the five kinds the request log can see. */
const RATE = 0.08;

/**
 * Speed (measured on 2 cores: ~66 s per run): the run is CPU-bound on one thread (HMAC both ways, an Ed25519 code
 * per filing, a fresh TCP connection per call, a statement prepare per outbox call). Both SQLite files live in
 * /dev/shm (tmpfs) when there is one: with synchronous=FULL each of ~40,000 commits is an fsync that would measure the
 * CI disk, not the sync. A hung request is given up after 200 ms, and 32 sends run at once so hangs overlap. None of
 * it changes what is checked. (An emulator in a worker thread was tried: slower, ~94 s, so it is not used.)
 */
function fastDir(t: TestContext): string {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'sync-soak-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

type Applications = ReturnType<ReturnType<typeof createProvincialEmulator>['admin']['applications']>;

/**
 * "Exactly once" as the province sees it. Every submission has its own applicant, so a duplicate is an applicant with
 * more than one application row (the emulator's count, made without the ID number); besides, the rows created must
 * be exactly TOTAL, the ids filed exactly the ids enqueued, and nothing may stay pending or failed locally.
 */
export function checkExactlyOnce(atProvince: Applications, ids: Set<string>, states: unknown): { ok: boolean; problems: string[] } {
  const filed = new Set(atProvince.applications.map((a) => a.applicationId));
  const missing = [...ids].filter((id) => !filed.has(id)).length;
  const problems = [
    atProvince.created !== ids.size && `created ${atProvince.created}, expected ${ids.size}`,
    atProvince.duplicateApplicants > 0 && `${atProvince.duplicateApplicants} applicants filed more than once`,
    missing > 0 && `${missing} enqueued ids not filed`,
    filed.size !== ids.size && `${filed.size} distinct rows at the province`,
    JSON.stringify(states) !== JSON.stringify([{ state: 'done', n: ids.size }]) && `local outbox: ${JSON.stringify(states)}`,
  ].filter((p): p is string => typeof p === 'string');
  return { ok: problems.length === 0, problems };
}

async function soak(t: TestContext, honourIdempotencyKeys: boolean, total = TOTAL) {
  const started = Date.now();
  const dir = fastDir(t);
  const clock = fakeClock();
  const random = seededRandom(2026);
  const requests = { total: 0, faulted: 0 };
  const emulator = createProvincialEmulator({
    dbFile: join(dir, 'province.sqlite'),
    clock,
    terminals: new Map([[TERMINAL.terminalId, TERMINAL.secret]]),
    honourIdempotencyKeys,
    // One line per request (no ids, no bodies). A fault the terminal can notice shows as a (fault) line, a lost answer
    // or a 401 (the clock-skew fault: clocks are shared, so nothing else is stale); latency and duplicate-delivery
    // leave no trace, so the share counted here is a lower bound.
    log: (line) => {
      requests.total++;
      if (line.includes('(fault)') || line.includes(' lost ') || line.includes(' 401 ')) requests.faulted++;
    },
  });
  const { url } = await emulator.listen(0);
  t.after(() => emulator.close());
  emulator.admin.setFaults({
    seed: 7,
    faults: faultKinds.map((kind) => ({
      kind,
      rate: RATE,
      ...(kind === 'latency' ? { ms: 5 } : kind === 'clock-skew' ? { ms: 10 * 60_000 } : {}),
    })),
  });

  const db = openDatabase(join(dir, 'kiosk.sqlite'));
  t.after(() => db.close());
  migrate(db, loadMigrations(migrationsDir()));
  unlocked(db);
  const client = createProvinceClient({ baseUrl: url, ...TERMINAL, clock, random, timeoutMs: 200 });
  const ids = new Set<string>();
  // One setup transaction: 10,000 separate commits would test nothing more.
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      // Synthetic numbers, one applicant per submission: birth day 1…10 × sequence 0…999.
      const idNumber = testIdNumber(`195001${String(1 + Math.floor(i / 1000)).padStart(2, '0')}`, i % 1000);
      const body = submission(uuidFrom(random), idNumber, clock.now().toISOString());
      ids.add(body.applicationId);
      enqueue(db, clock, { kind: 'submit-application', applicantKey: applicantKey(idNumber, APPLICANT_KEY_SECRET), body });
    }
  })();
  const dispatcher = createDispatcher({ db, client, clock, random, concurrency: 32, batch: 512 });
  const rounds = await drain(db, clock, dispatcher.tick);
  const states = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
  const figures = {
    seconds: (Date.now() - started) / 1000,
    rounds,
    requests,
    fired: emulator.admin.faultsFired(),
  };
  const verdict = checkExactlyOnce(emulator.admin.applications(), ids, states);
  return { figures, states, verdict };
}

test(`${TOTAL} submissions with ≥ 30% of requests faulted: exactly ${TOTAL} filed, 0 duplicates, 0 left`, async (t) => {
  const { figures, verdict } = await soak(t, true);
  console.log(`[soak] keys on: ${JSON.stringify(figures)}`);
  assert.ok(figures.requests.faulted / figures.requests.total >= 0.3, `faulted share ${JSON.stringify(figures.requests)}`);
  for (const kind of faultKinds) assert.ok(figures.fired[kind] > 0, `${kind} fired`);
  assert.deepEqual(verdict, { ok: true, problems: [] });
});

/** The bite only has to show that the check catches duplicates: a tenth of the run is plenty, and saves CI a minute. */
const BITE_TOTAL = TOTAL / 10;

test('the same run against a province that ignores idempotency keys fails the check (the soak bites)', async (t) => {
  const { figures, states, verdict } = await soak(t, false, BITE_TOTAL);
  console.log(`[soak] keys off: ${JSON.stringify(figures)} → ${verdict.problems.join('; ')}`);
  assert.equal(verdict.ok, false);
  assert.ok(
    verdict.problems.some((p) => p.includes('filed more than once')),
    'the failure is duplicates at the province',
  );
  // Only the province is broken: the terminal still delivered everything and counts each item done once.
  assert.deepEqual(states, [{ state: 'done', n: BITE_TOTAL }]);
});
