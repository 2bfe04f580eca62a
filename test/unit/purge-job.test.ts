// The daily purge job: a run at start and one every interval after, afterPurge after each run, the retention read at
// every run, overlapping runNow calls joined, and failures reported through onResult instead of thrown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDailyPurge, type PurgeJobOutcome } from '../../electron/app/purge-job.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { seedResident } from '../helpers/purge-fixtures.js';
import { fakeClock } from '../helpers/sync-fixtures.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('runs at start and every interval, calls afterPurge with each result, and reads the retention each time', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const db = migratedDb(t);
  const clock = fakeClock('2026-11-27T02:00:00Z');
  seedResident(db, fakeClock('2026-10-01T02:00:00Z'), {
    n: 1,
    maskedName: '龘*鱻',
    maskedNumber: '91**************7Q',
    applicantKey: 'f00d'.padEnd(64, '0'),
    codeText: 'CANARY:QR:1',
    status: 'EXPIRED',
    submittedAt: '2026-11-01T02:00:00.000Z',
    validUntil: null,
    outbox: 'done',
  });
  const outcomes: PurgeJobOutcome[] = [];
  const after: string[] = [];
  let days = 60;
  const job = startDailyPurge({
    db,
    clock,
    retentionDays: () => days,
    onResult: (o) => outcomes.push(o),
    afterPurge: (result) => void after.push(result.at),
    intervalMs: 1000,
  });
  t.after(() => job.stop());
  await settle();
  assert.equal(outcomes.length, 1, 'a run at start');
  assert.deepEqual(outcomes[0]!.ok && outcomes[0]!.result.purged.applications, 0);
  days = 14;
  clock.advance(1000);
  t.mock.timers.tick(1000);
  await settle();
  assert.equal(outcomes.length, 2, 'a run after the interval');
  assert.deepEqual(outcomes[1]!.ok && outcomes[1]!.result.purged.applications, 1, 'the new retention applied');
  assert.deepEqual(after, ['2026-11-27T02:00:00.000Z', '2026-11-27T02:00:01.000Z']);
  job.stop();
  t.mock.timers.tick(5000);
  await settle();
  assert.equal(outcomes.length, 2, 'stopped: no more runs');
});

test('never throws: a failing purge and a failing afterPurge are reported; runNow joins a run in progress', async (t) => {
  const db = migratedDb(t);
  const outcomes: PurgeJobOutcome[] = [];
  let failAfter = true;
  const job = startDailyPurge({
    db,
    clock: fakeClock(),
    retentionDays: 28,
    onResult: (o) => outcomes.push(o),
    afterPurge: async () => {
      if (failAfter) throw Object.assign(new Error('disk'), { code: 'ENOSPC' });
    },
  });
  t.after(() => job.stop());
  const first = await job.runNow();
  assert.deepEqual({ ...first, result: undefined }, { ok: false, stage: 'after-purge', error: 'ENOSPC', result: undefined });
  failAfter = false;
  const [a, b] = [job.runNow(), job.runNow()];
  assert.equal(a, b, 'one run, shared');
  assert.equal((await a).ok, true);
  db.close();
  const closed = await job.runNow();
  assert.equal(closed.ok, false);
  assert.equal(!closed.ok && closed.stage, 'purge');
  assert.ok(outcomes.length >= 3);
});
