// `backup` and `restore` on real files and real processes: JSON last lines, another process holding the database,
// and a database whose writer was SIGKILLed (its committed WAL content must survive in the kept copy).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { migrationsDir, projectRoot } from '../../electron/app/paths.js';
import { appendAudit, verifyAuditChain } from '../../electron/core/audit/log.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { runCli } from '../../electron/cli/index.js';
import type { CliIo } from '../../electron/cli/command.js';
import { tempDir } from '../helpers/temp.js';

async function kiosk(args: string[], dataDir: string) {
  const out: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: () => {},
    readStdin: async () => '',
    env: { KIOSK_LANG: 'en', KIOSK_DATA_DIR: dataDir },
  };
  const status = await runCli(args, io);
  return { status, json: JSON.parse(out.at(-1) ?? 'null') as Record<string, unknown> };
}

function kioskDb(t: TestContext, rows: number): string {
  const file = join(tempDir(t), 'kiosk.sqlite');
  const db = openDatabase(file);
  migrate(db, loadMigrations(migrationsDir()));
  db.transaction(() => {
    for (let i = 1; i <= rows; i++)
      appendAudit(db, { at: new Date(), actor: 'system', action: 'test.row', subject: `row:${i}`, detail: { i } });
  })();
  db.close();
  return file;
}

function auditRows(file: string): number {
  const db = openDatabase(file);
  try {
    const verdict = verifyAuditChain(db);
    assert.equal(verdict.ok, true);
    return verdict.rows;
  } finally {
    db.close();
  }
}

/** Another process with the database open in WAL mode, as the running app has it; it prints "ready" once it has. */
async function holder(file: string, extraRows: number): Promise<ChildProcess> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0'); // committed rows stay in the WAL, as they may when an app is killed
    db.exec('CREATE TABLE IF NOT EXISTS held (n INTEGER)');
    for (let i = 0; i < ${extraRows}; i++) db.prepare('INSERT INTO held VALUES (?)').run(i);
    console.log('ready');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  assert.equal(chunk.toString().trim(), 'ready');
  return child;
}

test('backup --db --to --json: {"ok":true,"file","bytes"} and the file is a backup; without --to, beside the database', async (t) => {
  const db = kioskDb(t, 12);
  const data = tempDir(t);
  const to = join(tempDir(t), 'usb');
  const { status, json } = await kiosk(['backup', '--db', db, '--to', to, '--json'], data);
  assert.equal(status, 0);
  assert.equal(json.ok, true);
  assert.equal(dirname(json.file as string), to);
  assert.equal(json.bytes, statSync(json.file as string).size);
  assert.equal(auditRows(json.file as string), 12);
  const beside = await kiosk(['backup', '--db', db, '--json'], data);
  assert.equal(dirname(beside.json.file as string), join(dirname(db), 'backups'));
});

test('restore is refused while another process holds the database, and done once it has gone', async (t) => {
  const data = tempDir(t);
  const db = kioskDb(t, 4);
  const backup = (await kiosk(['backup', '--db', db, '--json'], data)).json.file as string;
  const app = await holder(db, 3);
  t.after(() => app.kill('SIGKILL'));
  const refused = await kiosk(['restore', '--from', backup, '--db', db, '--json'], data);
  assert.deepEqual(refused, { status: 1, json: { error: 'conflict', key: 'errors.databaseInUse' } });
  app.kill('SIGTERM');
  await once(app, 'exit');
  const done = await kiosk(['restore', '--from', backup, '--db', db, '--json'], data);
  assert.equal(done.status, 0);
  assert.equal(done.json.ok, true);
  assert.equal(done.json.restoredFrom, backup);
  assert.match(done.json.kept as string, /kiosk\.sqlite\.before-restore-\d{8}T\d{6}Z$/);
  assert.equal(auditRows(db), 5, 'the 4 backed-up rows and the restore recorded');
});

test('after a SIGKILLed writer, rows it committed only to the WAL are kept in the replaced file, none replayed into the restored one', async (t) => {
  const data = tempDir(t);
  const db = kioskDb(t, 6);
  const backup = (await kiosk(['backup', '--db', db, '--json'], data)).json.file as string;
  const app = await holder(db, 25);
  app.kill('SIGKILL');
  await once(app, 'exit');
  assert.ok(statSync(`${db}-wal`).size > 0, 'the killed writer left a WAL with committed rows');
  const { status, json } = await kiosk(['restore', '--from', backup, '--db', db, '--json'], data);
  assert.equal(status, 0);
  assert.equal(existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 0, false, 'no stale WAL beside the restored file');
  const kept = openDatabase(json.kept as string, { readonly: true });
  t.after(() => kept.close());
  assert.equal((kept.prepare('SELECT count(*) AS n FROM held').get() as { n: number }).n, 25);
  const restored = openDatabase(db, { readonly: true });
  t.after(() => restored.close());
  assert.equal(restored.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'held'").get(), undefined);
});

test('a file that is not a database: exit 1 with the key; --from missing: usage error', async (t) => {
  const data = tempDir(t);
  const db = kioskDb(t, 1);
  const text = join(tempDir(t), 'kiosk-20261127T020000Z.sqlite');
  writeFileSync(text, 'hello');
  assert.deepEqual(await kiosk(['restore', '--from', text, '--db', db, '--json'], data), {
    status: 1,
    json: { error: 'invalid-input', key: 'errors.backupNotSqlite' },
  });
  assert.equal((await kiosk(['restore', '--db', db], data)).status, 2);
  assert.equal((await kiosk(['backup', '--db', join(data, 'absent.sqlite')], data)).status, 2);
});
