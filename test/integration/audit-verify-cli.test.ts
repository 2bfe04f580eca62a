// `audit-verify` on real SQLite files: an intact log, an edited row (someone with the file dropped the append-only
// trigger), a deleted row, a cut tail against the anchor file; read-only; a missing file is a usage error.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { makeAuditAnchor, writeAuditAnchor } from '../../electron/core/audit/anchor.js';
import { appendAudit } from '../../electron/core/audit/log.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { runCli } from '../../electron/cli/index.js';
import type { CliIo } from '../../electron/cli/command.js';
import { tempDir } from '../helpers/temp.js';

async function auditVerify(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: () => {}, readStdin: async () => '', env: { KIOSK_LANG: 'en', ...env } };
  const status = await runCli(['audit-verify', ...args], io);
  return { status, json: JSON.parse(out.at(-1) ?? 'null') as unknown };
}

/** A database file with `rows` audit rows, closed (WAL checkpointed) so its bytes can be compared afterwards. */
function logFile(t: TestContext, rows: number, tamper?: (db: ReturnType<typeof openDatabase>) => void): string {
  const file = join(tempDir(t), 'kiosk.sqlite');
  const db = openDatabase(file);
  migrate(db, loadMigrations(migrationsDir()));
  for (let i = 1; i <= rows; i++) {
    appendAudit(db, {
      at: new Date(Date.UTC(2026, 10, 27, 1, i)),
      actor: 'system',
      action: 'test.row',
      subject: `row:${i}`,
      detail: { i },
    });
  }
  tamper?.(db);
  db.close();
  return file;
}

test('an intact log: {"ok":true,"rows":N}, exit 0, and the file is not touched', async (t) => {
  const file = logFile(t, 25);
  const before = readFileSync(file);
  assert.deepEqual(await auditVerify(['--db', file, '--json']), { status: 0, json: { ok: true, rows: 25 } });
  assert.ok(readFileSync(file).equals(before), 'read-only: not a byte changed');
});

test('an edited row and a deleted row are named with the first bad sequence number, exit 1', async (t) => {
  const edited = logFile(t, 25, (db) => {
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare('UPDATE audit SET detail = \'{"i":99}\' WHERE seq = 7').run();
  });
  assert.deepEqual(await auditVerify(['--db', edited, '--json']), {
    status: 1,
    json: { ok: false, rows: 25, firstBadSeq: 7, reason: 'hash' },
  });
  const deleted = logFile(t, 25, (db) => {
    db.exec('DROP TRIGGER audit_no_delete');
    db.prepare('DELETE FROM audit WHERE seq = 12').run();
  });
  assert.deepEqual(await auditVerify(['--db', deleted, '--json']), {
    status: 1,
    json: { ok: false, rows: 24, firstBadSeq: 12, reason: 'gap' },
  });
});

test('a file that does not exist is a usage error (exit 2), never created', async (t) => {
  const missing = join(tempDir(t), 'nothing.sqlite');
  assert.equal((await auditVerify(['--db', missing])).status, 2);
});

const keyHex = '5a'.repeat(32);

/** An anchor at the log's current tip, MAC'd with keyHex, in a file beside the database. */
function anchorFile(t: TestContext, dbFile: string): string {
  const db = openDatabase(dbFile, { readonly: true });
  const tip = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  db.close();
  const file = join(tempDir(t), 'audit-anchor.json');
  writeAuditAnchor(file, makeAuditAnchor(Buffer.from(keyHex, 'hex'), tip, new Date(Date.UTC(2026, 10, 27, 3))));
  return file;
}

test('--anchor: the MAC checked with KIOSK_ANCHOR_KEY_HEX, "unchecked" without it; a cut tail is named', async (t) => {
  const file = logFile(t, 10);
  const anchor = anchorFile(t, file);
  const withKey = { KIOSK_ANCHOR_KEY_HEX: keyHex };
  assert.deepEqual(await auditVerify(['--db', file, '--anchor', anchor, '--json'], withKey), {
    status: 0,
    json: { ok: true, rows: 10, anchorMac: 'checked' },
  });
  assert.deepEqual(await auditVerify(['--db', file, '--anchor', anchor, '--json']), {
    status: 0,
    json: { ok: true, rows: 10, anchorMac: 'unchecked' },
  });
  assert.deepEqual(await auditVerify(['--db', file, '--anchor', anchor, '--json'], { KIOSK_ANCHOR_KEY_HEX: '6b'.repeat(32) }), {
    status: 1,
    json: { ok: false, rows: 10, firstBadSeq: 0, reason: 'anchor', anchorMac: 'checked' },
  });

  const db = openDatabase(file);
  db.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > 7;');
  db.close();
  assert.deepEqual(await auditVerify(['--db', file, '--json']), { status: 0, json: { ok: true, rows: 7 } }, 'the chain alone is blind');
  assert.deepEqual(await auditVerify(['--db', file, '--anchor', anchor, '--json'], withKey), {
    status: 1,
    json: { ok: false, rows: 7, firstBadSeq: 8, reason: 'truncated', anchorMac: 'checked' },
  });
});

test('--anchor: a missing file or a malformed key is a usage error; a damaged anchor is refused with its key', async (t) => {
  const file = logFile(t, 3);
  assert.equal((await auditVerify(['--db', file, '--anchor', join(tempDir(t), 'none.json')])).status, 2);
  const anchor = anchorFile(t, file);
  assert.equal((await auditVerify(['--db', file, '--anchor', anchor], { KIOSK_ANCHOR_KEY_HEX: 'abc' })).status, 2);
  writeFileSync(anchor, '{"seq":');
  assert.deepEqual(await auditVerify(['--db', file, '--anchor', anchor, '--json']), {
    status: 1,
    json: { error: 'invalid-input', key: 'errors.auditAnchorUnreadable' },
  });
});
