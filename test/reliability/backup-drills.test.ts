// 30 backup-and-restore drills under write load: another process commits audit + outbox rows (one transaction each)
// while the backup is taken; each backup is restored and must be intact, fully migrated and a consistent prefix.
// Run: node --import tsx --import ./test/stubs/register-electron.mjs --test test/reliability/backup-drills.test.ts
// (BACKUP_DRILLS=5 for a short run). Prints `FIGURE backup-drills {...}`.
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrationsDir } from '../../electron/app/paths.js';
import { appendAudit, verifyAuditChain } from '../../electron/core/audit/log.js';
import { takeBackup } from '../../electron/core/backup/backup.js';
import { restoreBackup } from '../../electron/core/backup/restore.js';
import { systemClock } from '../../electron/core/clock.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { integrityCheck, openDatabase, type Db } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import { unlockDatabase } from '../../electron/core/privacy/vault.js';
import { enqueue } from '../../electron/core/sync/outbox.js';
import { fakeClock, submission } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const WRITER = 'backup-drill-writer';
const migrations = loadMigrations(migrationsDir());
const DATA_KEY = new Uint8Array(32).fill(7);
const WRITE_PAUSE_MS = 2;

/** Application n's id: the outbox row can be matched to its audit row from the number alone. */
const applicationId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The writer process: one transaction per "application" (audit row + outbox row), one after another. */
async function runWriter(file: string): Promise<void> {
  const db = openDatabase(file);
  unlockDatabase(db, DATA_KEY); // outbox bodies are sealed at rest
  const write = db.transaction((n: number) => {
    appendAudit(db, { at: systemClock.now(), actor: 'resident', action: 'drill.write', subject: `drill:${n}`, detail: { n } });
    enqueue(db, systemClock, { kind: 'submit-application', applicantKey: 'a'.repeat(64), body: submission(applicationId(n)) });
  });
  process.on('disconnect', () => process.exit(0));
  process.send!('ready');
  // Hundreds of commits a second, far beyond a hall's rate, yet bounded so the database stays a size the drills can
  // copy 30 times within their budget.
  for (let n = 1; ; n++) {
    write.immediate(n);
    await sleep(WRITE_PAUSE_MS);
  }
}

/** What a restored drill database must be: intact, migrated, an unbroken chain, and each write whole or absent. */
function problemsOf(file: string, atLeast: number, atMost: number): { problems: string[]; rows: number } {
  const db = openDatabase(file);
  try {
    const problems: string[] = [];
    const integrity = integrityCheck(db);
    if (integrity !== 'ok') problems.push(`integrity: ${integrity}`);
    try {
      if (migrate(db, migrations).applied.length > 0) problems.push('migrations missing');
    } catch (error) {
      problems.push(`migrations: ${(error as Error).message}`);
    }
    const chain = verifyAuditChain(db);
    if (!chain.ok) problems.push(`audit chain broken at ${chain.firstBadSeq}`);
    // The restore appends one row saying so; the rows before it are the backup's.
    const rows = chain.rows - 1;
    const last = db.prepare('SELECT action FROM audit ORDER BY seq DESC LIMIT 1').get() as { action: string } | undefined;
    if (last?.action !== 'backup.restored') problems.push('the restore is not recorded in the audit log');
    if (rows < atLeast || rows > atMost) problems.push(`rows ${rows} outside [${atLeast}, ${atMost}]`);
    // Each write is an audit row and an outbox row committed together: both or neither may be in the backup.
    const audited = new Set(
      (db.prepare("SELECT json_extract(detail, '$.n') AS n FROM audit WHERE action = 'drill.write'").all() as Array<{ n: number }>).map(
        (r) => applicationId(r.n),
      ),
    );
    const queued = new Set((db.prepare('SELECT target_id FROM outbox').all() as Array<{ target_id: string }>).map((r) => r.target_id));
    const auditOnly = [...audited].filter((id) => !queued.has(id)).length;
    const outboxOnly = [...queued].filter((id) => !audited.has(id)).length;
    if (auditOnly + outboxOnly > 0) problems.push(`torn writes: ${auditOnly} audit-only, ${outboxOnly} outbox-only`);
    return { problems, rows };
  } finally {
    db.close();
  }
}

const auditCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;

if (process.argv[2] === WRITER) {
  await runWriter(process.argv[3]!);
} else {
  test('backup-and-restore drills under write load: every backup restorable, a consistent prefix', async (t) => {
    const drills = Number(process.env.BACKUP_DRILLS ?? 30);
    const started = performance.now();
    const dir = tempDir(t, 'kiosk-drills-');
    const live = join(dir, 'kiosk.sqlite');
    const app = openDatabase(live);
    t.after(() => app.close());
    migrate(app, migrations);
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const writer: ChildProcess = fork(fileURLToPath(import.meta.url), [WRITER, live], { execArgv: ['--import', 'tsx'], env });
    t.after(() => writer.kill('SIGKILL'));
    // A writer that dies at start (a broken import) fails the test instead of leaving it waiting.
    await Promise.race([
      once(writer, 'message'),
      once(writer, 'exit').then(([code]) => assert.fail(`the writer exited with ${String(code)} before it was ready`)),
    ]);
    while (auditCount(app) < 20) await sleep(5);

    const clock = fakeClock('2026-11-27T02:00:00Z');
    const restored = join(dir, 'restored', 'kiosk.sqlite');
    const backupMs: number[] = [];
    const rowsAtBackup: number[] = [];
    let restorable = 0;
    let writesDuringBackups = 0;
    const failures: string[] = [];
    let lastBackup = '';
    for (let i = 0; i < drills; i++) {
      clock.advance(60_000);
      const before = auditCount(app);
      const backup = await takeBackup({ db: app, dir: join(dir, 'backups'), clock, keep: 3 });
      const after = auditCount(app);
      writesDuringBackups += after - before;
      backupMs.push(backup.ms);
      const { kept } = restoreBackup({ from: backup.file, db: restored, clock, migrations });
      if (kept) rmSync(kept);
      const { problems, rows } = problemsOf(restored, before, after);
      rowsAtBackup.push(rows);
      if (problems.length === 0) restorable += 1;
      else failures.push(`drill ${i + 1}: ${problems.join('; ')}`);
      lastBackup = backup.file;
      await sleep(20); // the writer gets ahead between drills, so each backup is of a bigger database
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    writer.kill('SIGTERM');

    // The checks can fail: a restored copy with one write torn apart, and a damaged backup, are both caught.
    const torn = join(dir, 'torn.sqlite');
    restoreBackup({ from: lastBackup, db: torn, clock, migrations });
    const tear = openDatabase(torn);
    tear.prepare('DELETE FROM outbox WHERE seq = (SELECT max(seq) FROM outbox)').run();
    tear.close();
    assert.match(problemsOf(torn, 0, Infinity).problems.join(), /torn writes: 1 audit-only/);
    const damaged = join(dir, 'damaged.sqlite');
    const bytes = readFileSync(lastBackup);
    bytes.fill(0x5a, bytes.readUInt16BE(16) + 8, bytes.readUInt16BE(16) + 400);
    writeFileSync(damaged, bytes);
    assert.throws(
      () => restoreBackup({ from: damaged, db: join(dir, 'never.sqlite'), clock, migrations }),
      (error: unknown) => error instanceof KioskError && error.key === 'errors.backupCorrupt',
    );

    const meanBackupMs = Math.round((backupMs.reduce((a, b) => a + b, 0) / drills) * 10) / 10;
    const figure = {
      drills,
      restorable,
      meanBackupMs,
      rowsAtBackup: [Math.min(...rowsAtBackup), Math.max(...rowsAtBackup)],
      writesDuringBackups,
      seconds,
    };
    console.log(`FIGURE backup-drills ${JSON.stringify(figure)}`);
    assert.deepEqual(failures, []);
    assert.equal(restorable, drills);
    assert.ok(rowsAtBackup.at(-1)! > rowsAtBackup[0]!, 'the writer kept writing through the drills');
  });
}
