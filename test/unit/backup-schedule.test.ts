// The backup schedule: due from the newest backup on disk, one run at a time, failures reported and never thrown.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { backupsDir, FIRST_RUN_DELAY_MS, RETRY_MS, startBackups, type BackupOutcome } from '../../electron/app/backups.js';
import { takeBackup } from '../../electron/core/backup/backup.js';
import { listBackups } from '../../electron/core/backup/files.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const HOUR = 3_600_000;

/** Timers a test fires by hand: it sees each delay asked for and whether it was cancelled. */
function manualTimers() {
  const pending: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  return {
    pending,
    setTimer(run: () => void, ms: number) {
      const timer = { run, ms, cancelled: false };
      pending.push(timer);
      return () => (timer.cancelled = true);
    },
    live: () => pending.filter((p) => !p.cancelled),
  };
}

function schedule(t: TestContext, dir: string, everyHours = 24) {
  const db = migratedDb(t);
  const clock = fakeClock('2026-11-27T02:00:00Z');
  const timers = manualTimers();
  const results: BackupOutcome[] = [];
  const backups = startBackups({ db, dir, clock, everyHours, keep: 2, onResult: (r) => results.push(r), setTimer: timers.setTimer });
  t.after(() => backups.stop());
  return { db, clock, timers, results, backups };
}

test('the first run is due one period after the newest backup on disk, but never in the first minute', async (t) => {
  const dir = tempDir(t);
  assert.deepEqual(
    schedule(t, dir)
      .timers.live()
      .map((p) => p.ms),
    [FIRST_RUN_DELAY_MS],
    'no backup yet: soon after start',
  );
  await takeBackup({ db: migratedDb(t), dir, clock: fakeClock('2026-11-26T05:00:00Z'), keep: 2 });
  assert.deepEqual(
    schedule(t, dir)
      .timers.live()
      .map((p) => p.ms),
    [3 * HOUR],
    'taken 21 h ago, every 24 h',
  );
  await takeBackup({ db: migratedDb(t), dir, clock: fakeClock('2026-11-20T05:00:00Z'), keep: 2 });
  await takeBackup({ db: migratedDb(t), dir, clock: fakeClock('2026-11-27T01:00:30Z'), keep: 2 });
  assert.deepEqual(
    schedule(t, dir, 1)
      .timers.live()
      .map((p) => p.ms),
    [FIRST_RUN_DELAY_MS],
    'due in 30 s: after the first minute',
  );
});

test('runNow backs up, reports through onResult, joins a run in progress, and the next run is one period later', async (t) => {
  const dir = tempDir(t);
  const { timers, results, backups } = schedule(t, dir, 6);
  const [a, b] = await Promise.all([backups.runNow(), backups.runNow()]);
  assert.equal(a, b, 'one run, not two');
  assert.equal(a.ok, true);
  assert.equal(results.length, 1);
  assert.equal(listBackups(dir).length, 1);
  assert.deepEqual(
    timers.live().map((p) => p.ms),
    [6 * HOUR],
    'the start timer was replaced',
  );
  timers.live()[0]!.run();
  await backups.runNow(); // joins the run the timer started
  assert.equal(results.length, 2);
  await backups.runNow();
  assert.equal(results.filter((r) => r.ok).length, 3);
  assert.equal(listBackups(dir).length, 2, 'keep: 2');
});

test('a failure is reported with its key, retried sooner, and never thrown into the app', async (t) => {
  const blocker = join(tempDir(t), 'not-a-folder');
  writeFileSync(blocker, '');
  const { timers, results, backups } = schedule(t, join(blocker, 'backups'));
  const outcome = await backups.runNow();
  assert.equal(outcome.ok, false);
  assert.equal(!outcome.ok && outcome.key, 'errors.backupIoError');
  assert.deepEqual(results, [outcome]);
  assert.deepEqual(
    timers.live().map((p) => p.ms),
    [RETRY_MS],
  );
});

test('stop cancels the timer and waits for a run in progress; no run is scheduled after it', async (t) => {
  const { timers, backups, results } = schedule(t, tempDir(t));
  const running = backups.runNow();
  await backups.stop();
  assert.equal(results.length, 1, 'the run in progress finished before stop resolved');
  assert.equal((await running).ok, true);
  assert.deepEqual(timers.live(), []);
});

test('the backups folder: `backups` in the data folder, or the configured one relative to it', () => {
  assert.equal(backupsDir('/data'), '/data/backups');
  assert.equal(backupsDir('/data', '../usb/kiosk'), '/usb/kiosk');
  assert.equal(backupsDir('/data', '/mnt/backup'), '/mnt/backup');
});
