// Backups: SQLite's online backup API into a checked, renamed file; names from the clock; newest K kept; purge hook.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { appendAudit, verifyAuditChain } from '../../electron/core/audit/log.js';
import { takeBackup } from '../../electron/core/backup/backup.js';
import { deleteBackups, listBackups } from '../../electron/core/backup/files.js';
import { backupFileName, parseBackupFileName } from '../../electron/core/backup/schema.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

function withAudit(t: TestContext, rows: number): Db {
  const db = migratedDb(t);
  db.transaction(() => {
    for (let i = 1; i <= rows; i++)
      appendAudit(db, {
        at: new Date(Date.UTC(2026, 10, 27, 1, i)),
        actor: 'system',
        action: 'test.row',
        subject: `row:${i}`,
        detail: { i },
      });
  })();
  return db;
}

test('backup names carry the UTC second and sort as text; anything else is not a backup', () => {
  const at = new Date('2026-11-27T02:03:04.567Z');
  assert.equal(backupFileName(at), 'kiosk-20261127T020304Z.sqlite');
  assert.equal(backupFileName(at, 3), 'kiosk-20261127T020304Z-3.sqlite');
  assert.deepEqual(parseBackupFileName('kiosk-20261127T020304Z-3.sqlite'), { takenAt: new Date('2026-11-27T02:03:04Z'), n: 3 });
  for (const name of [
    'kiosk-20261340T020304Z.sqlite',
    'kiosk-20261127T020304Z.sqlite-journal',
    '.kiosk-20261127T020304Z.sqlite.partial-12',
    'kiosk.sqlite',
  ])
    assert.equal(parseBackupFileName(name), null, name);
});

test('a backup is a complete, intact, stand-alone copy named from the clock, with no temp file left', async (t) => {
  const db = withAudit(t, 40);
  const dir = join(tempDir(t), 'backups');
  const result = await takeBackup({ db, dir, clock: fakeClock('2026-11-27T02:00:00Z'), keep: 7 });
  assert.equal(result.file, join(dir, 'kiosk-20261127T020000Z.sqlite'));
  assert.equal(result.bytes, readFileSync(result.file).length);
  assert.ok(result.pages > 1 && result.ms >= 0);
  assert.deepEqual(readdirSync(dir), ['kiosk-20261127T020000Z.sqlite'], 'no partial, journal or WAL beside it');
  const copy = openDatabase(result.file, { readonly: true });
  t.after(() => copy.close());
  assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete');
  assert.deepEqual(verifyAuditChain(copy), { ok: true, rows: 40 });
});

test('the newest K are kept, a second backup in the same second gets its own name, listBackups is oldest first', async (t) => {
  const db = withAudit(t, 3);
  const dir = tempDir(t);
  const clock = fakeClock('2026-11-27T02:00:00Z');
  writeFileSync(join(dir, 'notes.txt'), 'not a backup');
  for (const advance of [0, 0, 3_600_000, 3_600_000]) {
    clock.advance(advance);
    await takeBackup({ db, dir, clock, keep: 3 });
  }
  assert.deepEqual(
    listBackups(dir).map((b) => b.name),
    ['kiosk-20261127T020000Z-2.sqlite', 'kiosk-20261127T030000Z.sqlite', 'kiosk-20261127T040000Z.sqlite'],
  );
  assert.ok(existsSync(join(dir, 'notes.txt')), 'other files are never touched');
});

test('deleteBackups removes exactly the backups the predicate picks (the purge: those taken before it)', async (t) => {
  const db = withAudit(t, 3);
  const dir = tempDir(t);
  const clock = fakeClock('2026-11-27T02:00:00Z');
  for (let i = 0; i < 4; i++) {
    await takeBackup({ db, dir, clock, keep: 10 });
    clock.advance(86_400_000);
  }
  const purgeAt = new Date('2026-11-29T00:00:00Z');
  const deleted = deleteBackups(dir, (b) => b.takenAt < purgeAt);
  assert.deepEqual(deleted, [join(dir, 'kiosk-20261127T020000Z.sqlite'), join(dir, 'kiosk-20261128T020000Z.sqlite')]);
  assert.deepEqual(
    listBackups(dir).map((b) => b.name),
    ['kiosk-20261129T020000Z.sqlite', 'kiosk-20261130T020000Z.sqlite'],
  );
  assert.deepEqual(
    deleteBackups(join(dir, 'absent'), () => true),
    [],
  );
});

test('a copy that fails its integrity check never gets a backup name, and its temp file is removed', async (t) => {
  const healthy = withAudit(t, 300);
  const dir = tempDir(t);
  const good = await takeBackup({ db: healthy, dir: join(dir, 'good'), clock: fakeClock(), keep: 1 });
  const bytes = readFileSync(good.file);
  const pageSize = bytes.readUInt16BE(16);
  bytes.fill(0x5a, pageSize + 8, pageSize + 400); // page 2: a table's b-tree page
  // A source whose "backup" writes damaged bytes stands for a disk that corrupts what it is given.
  const damaging = { backup: async (to: string) => (writeFileSync(to, bytes), { totalPages: 1, remainingPages: 0 }) } as unknown as Db;
  const out = join(dir, 'bad');
  await assert.rejects(takeBackup({ db: damaging, dir: out, clock: fakeClock(), keep: 1 }), (error: unknown) => {
    return error instanceof KioskError && error.key === 'errors.backupCopyCorrupt';
  });
  assert.deepEqual(readdirSync(out), []);
});

test('a stale temp file from a process that died is cleaned up by the next backup', async (t) => {
  const db = withAudit(t, 1);
  const dir = tempDir(t);
  const dead = join(dir, '.kiosk-20261127T010000Z.sqlite.partial-999999999');
  const alive = join(dir, `.kiosk-20261127T010000Z.sqlite.partial-${process.ppid}`);
  writeFileSync(dead, 'half');
  writeFileSync(alive, 'being written by another process');
  await takeBackup({ db, dir, clock: fakeClock(), keep: 1 });
  assert.equal(existsSync(dead), false);
  assert.equal(existsSync(alive), true, 'a running process may still be writing it');
});

test('a folder that cannot be created is an I/O refusal, not a crash', async (t) => {
  const db = withAudit(t, 1);
  const file = join(tempDir(t), 'a-file');
  writeFileSync(file, '');
  await assert.rejects(takeBackup({ db, dir: join(file, 'backups'), clock: fakeClock(), keep: 1 }), (error: unknown) => {
    return error instanceof KioskError && error.key === 'errors.backupIoError' && error.params?.reason === 'ENOTDIR';
  });
});
