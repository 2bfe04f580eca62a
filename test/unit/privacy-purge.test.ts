// The retention purge at byte level: canary residents' masked names, numbers, keys and QR texts are in the database
// file before and in neither the file nor the WAL after; residents who must stay (not synced, not old enough, active,
// a slip still queued) keep every byte; the skeleton, audit row, dry run, batches and reprint refusal behave.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { activeApplicationId } from '../../electron/core/applications/store.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { jobToPrint, reprint } from '../../electron/core/printing/journal.js';
import { purgeExpired } from '../../electron/core/privacy/purge.js';
import { applyView, readCodeStatus } from '../../electron/core/sync/code-status.js';
import { idOf, seedResident, type Resident } from '../helpers/purge-fixtures.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const NOW = '2026-11-27T02:00:00.000Z';
const hex = (n: number) => n.toString(16).padStart(2, '0').repeat(32);

/** Canary values: rare characters and a number form nobody else has, so a byte match can only be theirs. */
const resident = (n: number, fields: Partial<Resident>): Resident => ({
  n,
  maskedName: `龘${'*'.repeat(n)}鱻`,
  maskedNumber: `9${n}**************7Q`,
  applicantKey: `f00d${hex(n).slice(4)}`,
  codeText: `CANARY:QR:${n}:8YEJWFTD`,
  status: 'EXPIRED',
  submittedAt: '2026-10-01T02:00:00.000Z',
  validUntil: null,
  outbox: 'done',
  ...fields,
});

const purgeable = [
  resident(1, { status: 'GREEN', validUntil: '2026-10-08T02:00:00.000Z', proxy: { maskedName: '鬱*鬯', key: 'e1'.repeat(32) } }),
  resident(2, { status: 'EXPIRED' }),
  resident(3, { status: 'RED', validUntil: '2026-10-15T02:00:00.000Z', submittedAt: '2026-10-02T02:00:00.000Z' }),
  resident(4, { status: 'REVOKED', outbox: undefined }),
];
const kept = [
  resident(11, { submittedAt: '2026-11-20T02:00:00.000Z' }), // not old enough
  resident(12, { outbox: 'pending' }), // not synced
  resident(13, { outbox: 'failed' }), // not synced: staff must see the failed row
  resident(14, { status: 'GREEN', validUntil: '2026-12-20T02:00:00.000Z' }), // still active
  resident(15, { status: 'PENDING' }), // under review
  resident(16, { printState: 'queued' }), // the printer still needs its slip
  resident(17, { status: 'YELLOW', validUntil: '2026-11-01T02:00:00.000Z' }), // closed only on 1 Nov: not 28 days ago
];

const canaries = (r: Resident) => [
  r.maskedName,
  r.maskedNumber,
  r.applicantKey,
  r.codeText,
  ...(r.proxy ? [r.proxy.maskedName, r.proxy.key] : []),
];
const holds = (file: string, text: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8'));

function seeded(t: TestContext): { db: Db; file: string } {
  const file = join(tempDir(t), 'kiosk.sqlite');
  const db = openDatabase(file);
  t.after(() => db.close());
  migrate(db, loadMigrations(migrationsDir()));
  const clock = fakeClock('2026-10-01T02:00:00Z');
  db.transaction(() => [...purgeable, ...kept].forEach((r) => seedResident(db, clock, r)))();
  return { db, file };
}

const rowsOf = (db: Db, n: number) => ({
  application: db.prepare('SELECT * FROM application WHERE application_id = ?').get(idOf(n)),
  code: db.prepare('SELECT * FROM code_status WHERE application_id = ?').get(idOf(n)),
  outbox: db.prepare('SELECT * FROM outbox WHERE target_id = ?').all(idOf(n)),
  jobs: db
    .prepare(`SELECT * FROM print_jobs WHERE label = ? OR json_extract(data, '$.fields.complaintRef') = ?`)
    .all(`MSB-20261001-${String(n).padStart(4, '0')}`, `MSB-20261001-${String(n).padStart(4, '0')}`),
});

test('purged residents leave no byte in the database file or the WAL; kept residents keep every byte', (t) => {
  const { db, file } = seeded(t);
  db.pragma('wal_checkpoint(TRUNCATE)');
  for (const r of [...purgeable, ...kept]) for (const c of canaries(r)) assert.ok(holds(file, c), `the check can see ${c}`);
  const keptBefore = kept.map((r) => rowsOf(db, r.n));

  const result = purgeExpired(db, fakeClock(NOW), { retentionDays: 28 });

  assert.deepEqual(result.purged, { applications: 4, printJobs: 8, codes: 2, outbox: 3 });
  assert.equal(result.before, '2026-10-30T02:00:00.000Z');
  assert.equal(result.walCleared, true);
  for (const r of purgeable) {
    for (const c of canaries(r)) {
      assert.equal(holds(file, c), false, `the database file still holds ${c}`);
      assert.equal(holds(`${file}-wal`, c), false, `the WAL still holds ${c}`);
    }
  }
  for (const r of kept) for (const c of canaries(r)) assert.ok(holds(file, c), `a kept resident lost ${c}`);
  assert.deepEqual(
    kept.map((r) => rowsOf(db, r.n)),
    keptBefore,
    'kept residents are untouched',
  );
});

test("a purged application keeps its skeleton, is never the person's active one again, and is audited once", (t) => {
  const { db } = seeded(t);
  const now = new Date(NOW);
  assert.equal(activeApplicationId(db, kept[3]!.applicantKey, now), idOf(14), 'the active one is found (the check can see)');
  purgeExpired(db, fakeClock(NOW), { retentionDays: 28 });
  const app = db.prepare('SELECT * FROM application WHERE application_id = ?').get(idOf(1)) as Record<string, unknown>;
  assert.equal(app.masked_name, '*');
  assert.equal(app.masked_number, '*');
  assert.equal(app.proxy_masked_name, '*');
  assert.equal(app.printed_code_id, null);
  assert.equal(app.purged_at, NOW);
  assert.equal(app.ref, 'MSB-20261001-0001');
  assert.equal(app.policy_id, 'shandong-2020-03-27');
  assert.equal(app.submitted_at, '2026-10-01T02:00:00.000Z');
  assert.equal(activeApplicationId(db, purgeable[0]!.applicantKey, now), null);
  assert.deepEqual(readCodeStatus(db, idOf(1))?.status, 'GREEN', 'the status stays for the SLA board and complaints');
  assert.equal(readCodeStatus(db, idOf(1))?.code, null);
  const audit = db.prepare(`SELECT actor, action, subject, detail FROM audit WHERE action = 'privacy.purge'`).all();
  assert.deepEqual(audit, [
    {
      actor: 'system',
      action: 'privacy.purge',
      subject: 'purge:2026-11-27t02:00:00.000z',
      detail: '{"applications":4,"batch":1,"before":"2026-10-30T02:00:00.000Z","codes":2,"outbox":3,"printJobs":8,"retentionDays":28}',
    },
  ]);
  const again = purgeExpired(db, fakeClock('2026-11-28T02:00:00Z'), { retentionDays: 28 });
  assert.deepEqual(again.purged, { applications: 0, printJobs: 0, codes: 0, outbox: 0 }, 'a second run finds nothing new');
});

test('a dry run counts what a real run purges and writes nothing; batches give the same totals', (t) => {
  const { db } = seeded(t);
  const before = db.prepare('SELECT * FROM application ORDER BY application_id').all();
  const dry = purgeExpired(db, fakeClock(NOW), { retentionDays: 28, dryRun: true });
  assert.deepEqual(db.prepare('SELECT * FROM application ORDER BY application_id').all(), before);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM audit').get(), { n: 0 });
  const real = purgeExpired(db, fakeClock(NOW), { retentionDays: 28, batchSize: 1 });
  assert.deepEqual(real.purged, dry.purged);
  const batches = db.prepare(`SELECT json_extract(detail, '$.batch') AS batch FROM audit WHERE action = 'privacy.purge'`).all();
  assert.deepEqual(
    batches.map((row) => (row as { batch: number }).batch),
    [1, 2, 3, 4],
    'one audit row per batch transaction',
  );
  assert.throws(() => purgeExpired(db, fakeClock(NOW), { retentionDays: 0 }), RangeError);
});

test('a purged slip is neither reprinted nor previewed, and a later code from the feed is not cached', (t) => {
  const { db } = seeded(t);
  const clock = fakeClock(NOW);
  purgeExpired(db, clock, { retentionDays: 28 });
  const job = db.prepare(`SELECT id FROM print_jobs WHERE label = 'MSB-20261001-0001'`).get() as { id: number };
  assert.throws(() => reprint(db, clock, job.id, '1001'), { key: 'errors.slipPurged' });
  assert.throws(() => jobToPrint(db, job.id), { key: 'errors.slipPurged' });
  const kept = db.prepare(`SELECT id FROM print_jobs WHERE label = 'MSB-20261001-0011'`).get() as { id: number };
  assert.equal(reprint(db, clock, kept.id, '1001').reprintNumber, 1, 'a kept slip still reprints');
  const code = { codeText: 'CANARY:QR:LATER', codeId: 'dddddddddddddddd', validUntil: '2026-12-30T02:00:00.000Z' };
  const later = { applicationId: idOf(1), status: 'GREEN' as const, reasonCode: null, statusAsOf: NOW, reviewDueAt: null, code };
  applyView(db, clock, { ...later, status: 'REVOKED', code: null });
  applyView(db, clock, { ...later, statusAsOf: '2026-11-27T03:00:00.000Z' });
  assert.equal(readCodeStatus(db, idOf(1))?.status, 'GREEN');
  assert.equal(readCodeStatus(db, idOf(1))?.code, null, 'the status is recorded, its code never');
});
