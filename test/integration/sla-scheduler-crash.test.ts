// 500 kill-and-restart runs of the SLA scheduler over one real SQLite file: each run is a fresh worker thread (every
// 25th a child process killed with SIGKILL) on a clock the test steps forward and backward between runs, killed at a
// random moment. At the end every step that came due is recorded exactly once, with exactly one audit row each, no
// step fired before its time, and the audit hash chain verifies.
import { unlocked } from '../helpers/data-key.js';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { runScheduler } from '../../electron/core/approvals/scheduler.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { integrityCheck, openDatabase } from '../../electron/core/db/open.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { migrationsDir } from '../../electron/app/paths.js';
import { addStaff, bj, submitForReview } from '../helpers/approvals-fixtures.js';
import { fakeClock, seededRandom } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const RUNS = Number(process.env.SLA_CRASH_RUNS ?? 500);
const CHILD_EVERY = 25;
const REVIEWS = 300;
const HOUR = 3_600_000;

const core = (path: string) => fileURLToPath(new URL(`../../electron/core/${path}`, import.meta.url));

interface Bundle {
  file: string;
  /** V8 code cache of the bundle: a worker compiles it in a third of the time (zod is most of what it loads). */
  cache: Buffer;
}

/** How every copy of the bundle is wrapped and compiled: the same text, so the code cache is accepted. */
const wrap = (code: string) => `(function (exports, require, module) {${code}\n})`;

/**
 * One scheduler run as a small self-contained CommonJS file: esbuild bundles the TypeScript sources once (a worker or
 * a child started with the tsx loader costs close to a second each; the bundle starts in tens of milliseconds).
 */
async function bundleRun(dir: string): Promise<Bundle> {
  const file = join(dir, 'scheduler-run.cjs');
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  await build({
    stdin: {
      contents: `
        import { parentPort, workerData } from 'node:worker_threads';
        import { openDatabase } from ${JSON.stringify(core('db/open.ts'))};
        import { runScheduler } from ${JSON.stringify(core('approvals/scheduler.ts'))};
        import { AuditEntrySchema } from ${JSON.stringify(core('audit/log.ts'))};
        const say = (what) => (parentPort ? parentPort.postMessage(what) : process.stdout.write(what + '\\n'));
        const run = (file, now) => {
          const db = openDatabase(file);
          say('ready');
          const fired = runScheduler(db, { now: () => new Date(now) }).length;
          db.close();
          say('done ' + fired);
        };
        // A worker boots ahead (imports done) and waits for its clock; a child process gets it on the command line.
        // Booting includes zod's first parse of an audit entry (its parsers compile on first use): a restarted kiosk
        // has done that long before its scheduler's first tick, and a cold parse would outlast most kill delays.
        if (workerData) {
          AuditEntrySchema.parse({ at: new Date(), actor: 'system', action: 'warm.up', subject: 'warm:up', detail: { step: '0.5', staffNo: null } });
          parentPort.once('message', (now) => run(workerData.file, now));
        }
        else if (process.env.SLA_RUN_CHILD) run(process.argv[2], Number(process.argv[3]));`,
      resolveDir: dirname(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    outfile: file,
    logLevel: 'error',
    // The native module stays outside the bundle, required from where it is installed.
    plugins: [{ name: 'sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
  });
  // Load it once here (outside a worker and without SLA_RUN_CHILD it only defines its modules) to fill the cache.
  const script = new vm.Script(wrap(readFileSync(file, 'utf8')), { filename: file });
  (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object) => void)({}, createRequire(file), { exports: {} });
  return { file, cache: script.createCachedData() };
}
const dirname = () => fileURLToPath(new URL('.', import.meta.url));

/** A worker's entry: compile the bundle with the code cache and run it. */
const workerEntry = `
  const { workerData } = require('node:worker_threads');
  const { createRequire } = require('node:module');
  const vm = require('node:vm');
  const code = require('node:fs').readFileSync(workerData.bundle, 'utf8');
  const script = new vm.Script((${wrap.toString()})(code), { filename: workerData.bundle, cachedData: workerData.cache });
  script.runInThisContext()({}, createRequire(workerData.bundle), { exports: {} });`;

type Outcome = 'killed' | 'completed';

/** A worker that has loaded the bundle and waits for its clock: the next run boots while the current one runs. */
function bootWorker(bundle: Bundle, file: string): Worker {
  // No inherited --import tsx: the bundle is plain JavaScript, and the loader would cost more than the run.
  return new Worker(workerEntry, { eval: true, workerData: { file, bundle: bundle.file, cache: bundle.cache }, execArgv: [] });
}

/**
 * Runs the scheduler once at `now` — in `worker` (already booted), or in a child process when `worker` is null —
 * and kills it `delayMs` after it has opened the database (or lets it finish if it is quicker).
 */
function oneRun(bundle: Bundle, file: string, now: number, delayMs: number, worker: Worker | null): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let done = false;
    let kill = () => {};
    const onMessage = (text: string) => {
      if (text.startsWith('done')) done = true;
      if (text === 'ready') setTimeout(() => kill(), delayMs);
    };
    if (worker === null) {
      const proc = spawn(process.execPath, [bundle.file, file, String(now)], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, SLA_RUN_CHILD: '1' },
      });
      proc.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach(onMessage));
      kill = () => proc.kill('SIGKILL');
      proc.once('error', reject);
      proc.once('exit', () => resolve(done ? 'completed' : 'killed'));
    } else {
      worker.on('message', onMessage);
      kill = () => void worker.terminate();
      worker.once('error', reject);
      worker.once('exit', () => resolve(done ? 'completed' : 'killed'));
      worker.postMessage(now);
    }
  });
}

test(
  `${RUNS} kill-and-restart runs: every due step recorded exactly once, one audit row each, chain intact`,
  { timeout: 180_000 },
  async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'kiosk.sqlite');
    const db = openDatabase(file);
    t.after(() => db.close());
    migrate(db, loadMigrations(migrationsDir()));
    unlocked(db);
    const bundle = await bundleRun(dir);

    // A hall with three approvers (one with a backup) and a community head; reviews over five days, both channels.
    addStaff(db, '1001', ['approver'], { backup: '1002' });
    addStaff(db, '1002', ['approver']);
    addStaff(db, '1003', ['approver']);
    addStaff(db, '0999', ['community-head']);
    const random = seededRandom(7);
    const start = bj('2026-11-27 08:00').getTime();
    const clock = fakeClock(new Date(start).toISOString());
    db.transaction(() => {
      for (let i = 0; i < REVIEWS; i++) {
        clock.set(start + Math.floor(random.float() * 5 * 24 * HOUR));
        submitForReview(db, clock, { channel: random.float() < 0.6 ? 'online' : 'offline' });
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');

    const end = start + 10 * 24 * HOUR;
    let now = start;
    let maxNow = start;
    const outcomes = { killed: 0, completed: 0 };
    let spare: Worker | null = null;
    const began = performance.now();
    for (let run = 0; run < RUNS; run++) {
      // Mostly forward, sometimes back (an NTP correction, a wrong manual setting), never outside the test's span.
      now = Math.min(end, Math.max(start, now + Math.round((random.float() * 7 - 3) * HOUR)));
      maxNow = Math.max(maxNow, now);
      const delayMs = Math.floor(random.float() * 40);
      if (run % CHILD_EVERY === CHILD_EVERY - 1) {
        outcomes[await oneRun(bundle, file, now, delayMs, null)] += 1;
      } else {
        const worker = spare ?? bootWorker(bundle, file);
        spare = bootWorker(bundle, file);
        outcomes[await oneRun(bundle, file, now, delayMs, worker)] += 1;
      }
    }
    if (spare) await spare.terminate();
    const runsMs = performance.now() - began;
    t.diagnostic(`${RUNS} runs in ${Math.round(runsMs)} ms: ${outcomes.killed} killed mid-run, ${outcomes.completed} completed`);
    assert.ok(outcomes.killed > RUNS / 10, 'most runs should be cut off somewhere');

    // Steps recorded so far are a subset of those due by the latest clock; a last, uninterrupted run at that clock
    // must then leave every due step recorded.
    const byRuns = (db.prepare('SELECT count(*) AS n FROM sla_event').get() as { n: number }).n;
    const cleanStart = performance.now();
    runScheduler(db, { now: () => new Date(maxNow) });
    t.diagnostic(`last clean run: ${Math.round(performance.now() - cleanStart)} ms`);
    const maxIso = new Date(maxNow).toISOString();
    const expected = new Set<string>();
    for (const row of db.prepare('SELECT application_id, steps FROM review').all() as { application_id: string; steps: string }[]) {
      for (const step of JSON.parse(row.steps) as { at: string; kind: string; step: string }[]) {
        if (step.at <= maxIso) expected.add(`${row.application_id} ${step.kind} ${step.step}`);
      }
    }
    const events = db.prepare('SELECT application_id, kind, step, due_at, fired_at FROM sla_event').all() as {
      application_id: string;
      kind: string;
      step: string;
      due_at: string;
      fired_at: string;
    }[];
    const recorded = events.map((e) => `${e.application_id} ${e.kind} ${e.step}`);
    t.diagnostic(`${byRuns} of ${expected.size} steps recorded by the killed runs, the rest by the last clean run`);
    assert.ok(expected.size > 1000, `a meaningful number of steps came due (${expected.size})`);
    assert.ok(byRuns > expected.size / 2, 'the runs themselves did most of the work, between kills');
    assert.equal(new Set(recorded).size, recorded.length, 'no step twice');
    assert.deepEqual(new Set(recorded), expected, 'every due step, and nothing else');
    assert.ok(
      events.every((e) => e.fired_at >= e.due_at),
      'no step fired before its time, whatever the clock did',
    );

    const audits = db
      .prepare(`SELECT subject, action, detail FROM audit WHERE action IN ('review.warned', 'review.escalated', 'review.overdue')`)
      .all() as { subject: string; action: string; detail: string }[];
    const audited = audits.map(
      (a) => `${a.subject.slice('application:'.length)} ${a.action.slice('review.'.length)} ${JSON.parse(a.detail).step}`,
    );
    assert.equal(audited.length, recorded.length, 'one audit row per record');
    assert.deepEqual(audited.sort(), [...recorded].sort());
    assert.deepEqual(verifyAuditChain(db).ok, true);
    assert.equal(integrityCheck(db), 'ok');
  },
);
