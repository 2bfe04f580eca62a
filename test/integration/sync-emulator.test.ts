// The kiosk's real client and dispatcher against the real provincial emulator under faults of every kind: the two
// halves of the contract agree, every application arrives exactly once, and the change feed brings every code.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createProvinceClient } from '../../electron/core/province/client.js';
import { readCodeStatus } from '../../electron/core/sync/code-status.js';
import { createDispatcher } from '../../electron/core/sync/dispatcher.js';
import { applicantKey, enqueue } from '../../electron/core/sync/outbox.js';
import { createPuller } from '../../electron/core/sync/pull.js';
import { createProvincialEmulator } from '../../emulators/provincial/emulator.js';
import { faultKinds } from '../../emulators/provincial/faults.js';
import { testIdNumber } from '../helpers/province-client.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { drain } from '../helpers/sync-drain.js';
import { APPLICANT_KEY_SECRET, fakeClock, seededRandom, submission, TERMINAL, uuidFrom } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const TOTAL = 200;

test(`${TOTAL} submissions through the emulator with ~30% faults: each filed once, every code pulled`, async (t) => {
  const clock = fakeClock();
  const random = seededRandom(42);
  const emulator = createProvincialEmulator({
    dbFile: join(tempDir(t, 'province-'), 'province.sqlite'),
    clock,
    terminals: new Map([[TERMINAL.terminalId, TERMINAL.secret]]),
    admin: true,
  });
  const { url } = await emulator.listen(0);
  t.after(() => emulator.close());
  // Every fault kind at 5%: about 30% of requests meet at least one.
  emulator.admin.setFaults({
    seed: 11,
    faults: faultKinds.map((kind) => ({
      kind,
      rate: 0.05,
      ...(kind === 'latency' ? { ms: 20 } : kind === 'clock-skew' ? { ms: 10 * 60_000 } : {}),
    })),
  });

  const db = migratedDb(t);
  const client = createProvinceClient({ baseUrl: url, ...TERMINAL, clock, random, timeoutMs: 300 });
  const ids = new Set<string>();
  db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      const idNumber = testIdNumber('19500101', i);
      const body = { ...submission(uuidFrom(random), idNumber, clock.now().toISOString()) };
      ids.add(body.applicationId);
      enqueue(db, clock, { kind: 'submit-application', applicantKey: applicantKey(idNumber, APPLICANT_KEY_SECRET), body });
    }
  })();

  const dispatcher = createDispatcher({ db, client, clock, random, concurrency: 8, batch: 64 });
  await drain(db, clock, dispatcher.tick);
  const states = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
  assert.deepEqual(states, [{ state: 'done', n: TOTAL }]);

  const atProvince = emulator.admin.applications();
  assert.equal(atProvince.created, TOTAL, 'exactly one application per submission reached the province');
  assert.equal(atProvince.duplicateApplicants, 0);
  const fired = emulator.admin.faultsFired();
  for (const kind of faultKinds) assert.ok(fired[kind] > 0, `${kind} fired at least once`);

  // The feed (duplicate deliveries included) leaves one GREEN row with a code per application.
  const puller = createPuller({ db, client, clock, limit: 50 });
  for (let round = 0; round < 200; round++) {
    await puller.pullOnce();
    const pulled = [...ids].filter((id) => readCodeStatus(db, id)?.status === 'GREEN').length;
    if (pulled === TOTAL) break;
    clock.set(clock.ms() + 1000);
  }
  for (const id of ids) {
    const row = readCodeStatus(db, id);
    assert.equal(row?.status, 'GREEN', id);
    assert.ok(row?.code?.codeText, 'the code came with it');
  }
});
