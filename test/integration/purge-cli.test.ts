// `purge` on real SQLite files: the JSON last line, --dry-run, --days over the settings' retention.days, usage errors,
// and one run as a real process (`npm run kiosk -- purge`), whose file holds no purged canary afterwards.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { openNodeSettings } from '../../electron/app/node-settings.js';
import { migrationsDir, projectRoot } from '../../electron/app/paths.js';
import type { CliIo } from '../../electron/cli/command.js';
import { runCli } from '../../electron/cli/index.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { seedResident, type Resident } from '../helpers/purge-fixtures.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** The CLI runs on the real clock: residents closed 60 days ago and 10 days ago, and one with its outbox still pending. */
function terminal(t: TestContext): { file: string; dataDir: string } {
  const dataDir = tempDir(t);
  const file = join(dataDir, 'kiosk.sqlite');
  const db = openDatabase(file);
  migrate(db, loadMigrations(migrationsDir()));
  const resident = (n: number, closedDaysAgo: number, fields: Partial<Resident> = {}): Resident => ({
    n,
    maskedName: `龘${'*'.repeat(n)}鱻`,
    maskedNumber: `9${n}**************7Q`,
    applicantKey: `f00d${String(n).padStart(60, '0')}`,
    codeText: `CANARY:QR:${n}`,
    status: 'GREEN',
    submittedAt: daysAgo(closedDaysAgo + 7),
    validUntil: daysAgo(closedDaysAgo),
    outbox: 'done',
    ...fields,
  });
  const residents = [resident(1, 60), resident(2, 60), resident(3, 10), resident(4, 60, { outbox: 'pending' })];
  for (const r of residents) seedResident(db, fakeClock(r.submittedAt), r);
  db.close();
  return { file, dataDir };
}

async function purge(args: string[], dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { KIOSK_LANG: 'en', KIOSK_DATA_DIR: dataDir };
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), readStdin: async () => '', env };
  const status = await runCli(['purge', ...args], io);
  return { status, json: JSON.parse(out.at(-1) ?? 'null') as Record<string, unknown>, err: err.join('\n') };
}

const applicationsLeft = (file: string) => {
  const db = openDatabase(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM application WHERE purged_at IS NULL').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

test('--dry-run counts and changes nothing; the real run purges the same and reports it on the last line', async (t) => {
  const { file, dataDir } = terminal(t);
  const dry = await purge(['--db', file, '--dry-run', '--json'], dataDir);
  assert.equal(dry.status, 0);
  assert.deepEqual(dry.json.purged, { applications: 2, printJobs: 4, codes: 2 });
  assert.equal(dry.json.dryRun, true);
  assert.equal(applicationsLeft(file), 4);
  const real = await purge(['--db', file, '--json'], dataDir);
  assert.deepEqual(Object.keys(real.json), ['ok', 'purged', 'before', 'dryRun']);
  assert.deepEqual({ ...real.json, before: undefined }, { ok: true, purged: dry.json.purged, before: undefined, dryRun: false });
  assert.ok(Math.abs(Date.parse(String(real.json.before)) - (Date.now() - 28 * DAY)) < 60_000, 'the default retention is 28 days');
  assert.equal(applicationsLeft(file), 2);
});

test('the settings retention.days is used, and --days overrides it', async (t) => {
  const { file, dataDir } = terminal(t);
  openNodeSettings(dataDir).update((s) => ({ ...s, retention: { days: 90 } }));
  assert.deepEqual((await purge(['--db', file, '--json'], dataDir)).json.purged, { applications: 0, printJobs: 0, codes: 0 });
  assert.deepEqual((await purge(['--db', file, '--days', '7', '--json'], dataDir)).json.purged, {
    applications: 3,
    printJobs: 6,
    codes: 3,
  });
});

test('a missing file, a bad --days and a stray argument are usage errors (exit 2), and nothing is created', async (t) => {
  const { file, dataDir } = terminal(t);
  const missing = join(dataDir, 'typo.sqlite');
  for (const args of [
    ['--db', missing],
    ['--db', file, '--days', '0'],
    ['--db', file, '--days', '366'],
    ['--db', file, '--days', 'x'],
    ['--db', file, 'now'],
  ]) {
    const out: string[] = [];
    const io: CliIo = {
      out: (l) => out.push(l),
      err: () => {},
      readStdin: async () => '',
      env: { KIOSK_LANG: 'en', KIOSK_DATA_DIR: dataDir },
    };
    assert.equal(await runCli(['purge', ...args], io), 2, args.join(' '));
  }
  assert.throws(() => readFileSync(missing), /ENOENT/);
  assert.equal(applicationsLeft(file), 4);
});

test('as a real process: `npm run kiosk -- purge --json` prints the result last, and the file holds no purged canary', async (t) => {
  const { file, dataDir } = terminal(t);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/index.ts', 'purge', '--db', file, '--json'],
    {
      cwd: projectRoot(),
      env: { ...process.env, KIOSK_LANG: 'en', KIOSK_DATA_DIR: dataDir },
    },
  );
  const last = JSON.parse(stdout.trim().split('\n').at(-1)!) as { ok: boolean; purged: { applications: number } };
  assert.equal(last.ok, true);
  assert.equal(last.purged.applications, 2);
  const bytes = readFileSync(file);
  for (const canary of ['龘*鱻', '91**************7Q', 'CANARY:QR:1']) assert.equal(bytes.includes(Buffer.from(canary)), false, canary);
  assert.ok(bytes.includes(Buffer.from('CANARY:QR:3')), 'a kept resident is still there (the check can see)');
});
