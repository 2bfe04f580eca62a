// The operator CLI as a real process: help, db-check on a given and on the configured file, usage errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrationsDir, projectRoot } from '../../electron/app/paths.js';
import { loadMigrations } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { tempDir } from '../helpers/temp.js';

function kiosk(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'electron/cli/index.ts'), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const lines = result.stdout.trim().split('\n');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, last: lines.at(-1) ?? '' };
}

test('help lists every command', () => {
  const { status, stdout } = kiosk(['help']);
  assert.equal(status, 0);
  assert.match(stdout, /help\s+list every command/);
  assert.match(stdout, /db-check \[--db FILE\] \[--json\]/);
});

test('db-check --db FILE --json migrates a new file and reports integrity ok', (t) => {
  const file = join(tempDir(t), 'sub', 'k.sqlite');
  const { status, last } = kiosk(['db-check', '--db', file, '--json']);
  assert.equal(status, 0);
  assert.deepEqual(JSON.parse(last), { schemaVersion: loadMigrations(migrationsDir()).length, integrity: 'ok' });
  assert.ok(existsSync(file));
});

test('db-check uses the configured data folder when no file is given', (t) => {
  const dataDir = tempDir(t);
  const { status, last } = kiosk(['db-check', '--json'], { KIOSK_DATA_DIR: dataDir });
  assert.equal(status, 0);
  assert.equal(JSON.parse(last).integrity, 'ok');
  assert.ok(existsSync(join(dataDir, 'kiosk.sqlite')));
});

test('db-check refuses a database whose applied migration was edited', (t) => {
  const file = join(tempDir(t), 'k.sqlite');
  assert.equal(kiosk(['db-check', '--db', file]).status, 0);
  const db = openDatabase(file);
  db.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
  db.close();
  const { status, last } = kiosk(['db-check', '--db', file, '--json']);
  assert.equal(status, 1);
  const answer = JSON.parse(last) as { error: string; message: string };
  assert.equal(answer.error, 'edited');
  assert.match(answer.message, /0001_terminal\.sql/);
});

test('usage errors exit 2 with the usage line; unknown commands too', () => {
  const bad = kiosk(['db-check', '--frobnicate']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /usage: npm run kiosk -- db-check/);
  assert.equal(kiosk(['no-such-command']).status, 2);
});
