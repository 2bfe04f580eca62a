// Disk full and read-only storage under real submissions: refused with the right words, nothing half-saved, no false
// "saved", no corrupt file, and writing again once the fault is gone. Needs root (mounts); skips with a reason otherwise.
import assert from 'node:assert/strict';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { migrationsDir } from '../../electron/app/paths.js';
import { submitApplication } from '../../electron/core/applications/submit.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { integrityCheck, openDatabase, type Db } from '../../electron/core/db/open.js';
import { storageError, storageFailure, type StorageFailureKind } from '../../electron/core/db/storage-errors.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import { policyInForce } from '../../electron/core/policy/select.js';
import { unlockDatabase } from '../../electron/core/privacy/vault.js';
import { applicantKey } from '../../electron/core/sync/outbox.js';
import { createDispatcher, type Handlers } from '../../electron/ipc/dispatch.js';
import { sampleInputs } from '../helpers/channel-samples.js';
import { seededRandom } from '../helpers/sync-fixtures.js';
import { mountExt4, mountTmpfs } from '../helpers/tmpfs.js';
import { writerRequest } from '../helpers/writer-request.js';

/** Submissions tried while the disk is full (the first refusal included), and after a disk turned read-only. */
const FULL_ATTEMPTS = Number(process.env.STORAGE_FULL_ATTEMPTS ?? 20);
const READ_ONLY_ATTEMPTS = Number(process.env.STORAGE_READ_ONLY_ATTEMPTS ?? 20);
const DATA_KEY = new Uint8Array(32).fill(9);
const LOOKUP_KEY = new Uint8Array(32).fill(3); // writer-request.ts's key: applicant keys of refused residents
const policies = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
const START_MS = Date.parse('2026-11-27T02:00:00Z');
const policy = policyInForce(policies, new Date(START_MS));

const figures = { diskFullRefusals: 0, checkpointsRefused: 0, falseSuccesses: 0, corruptFiles: 0, readOnlyRefusals: 0 };
const skipped = new Set<string>();
/** Scenarios that ran, and those among them that failed: "recovered" is claimed only when some ran and none failed. */
let ran = 0;
let failed = 0;
const started = performance.now();
after(() => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const recovered = ran > 0 ? failed === 0 : null;
  const extra = skipped.size > 0 ? { skipped: [...skipped] } : {};
  console.log(`FIGURE storage-faults ${JSON.stringify({ ...figures, recovered, seconds, ...extra })}`);
});

function skip(t: TestContext, reason: string): void {
  skipped.add(reason);
  console.log(`storage-faults: skipped: ${reason}`);
  t.skip(reason);
}

function openKiosk(file: string): Db {
  const db = openDatabase(file);
  migrate(db, loadMigrations(migrationsDir()));
  unlockDatabase(db, DATA_KEY);
  return db;
}

/** One terminal's stream of invented residents: what was acknowledged and who was refused. */
function residentStream() {
  let index = 0;
  let now = START_MS;
  const clock = { now: () => new Date(now) };
  const random = seededRandom(8);
  const acked: string[] = [];
  const refusedKeys: string[] = [];
  return {
    acked,
    /** Submits the next resident; an acknowledgement is recorded only when submitApplication returned. */
    next(db: Db): void {
      const request = writerRequest(policy, index++);
      now += 1000;
      try {
        const result = submitApplication(db, clock, random, request);
        assert.equal(result.outcome, 'submitted');
        if (result.outcome === 'submitted') acked.push(result.applicationId);
      } catch (error) {
        refusedKeys.push(applicantKey(request.identity.number, LOOKUP_KEY));
        throw error;
      }
    },
    /** What a fresh connection finds in the file: acknowledgements without their application and outbox row, refused residents' rows. */
    check(file: string) {
      const db = openKiosk(file);
      try {
        const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        const has = db.prepare(
          'SELECT 1 FROM application a JOIN outbox o ON o.idempotency_key = a.application_id WHERE a.application_id = ?',
        );
        const byKey = db.prepare(
          'SELECT 1 FROM application WHERE applicant_key = @key UNION ALL SELECT 1 FROM outbox WHERE applicant_key = @key',
        );
        return {
          integrity: integrityCheck(db),
          missing: acked.filter((id) => has.get(id) === undefined),
          leftovers: refusedKeys.filter((key) => byKey.get({ key }) !== undefined),
          applications: count('SELECT count(*) AS n FROM application'),
          outbox: count("SELECT count(*) AS n FROM outbox WHERE kind = 'submit-application'"),
          // 'application.%': a refused submission's audit row would be 'application.refused'.
          audited: count("SELECT count(*) AS n FROM audit WHERE action LIKE 'application.%'"),
          chain: verifyAuditChain(db),
          auditRows: count('SELECT count(*) AS n FROM audit'),
        };
      } finally {
        db.close();
      }
    },
  };
}

/** Counts and asserts what check() found: every acknowledgement there once, nothing of a refusal, chain and file sound. */
function verified(stream: ReturnType<typeof residentStream>, file: string): void {
  const found = stream.check(file);
  if (found.integrity !== 'ok') figures.corruptFiles += 1;
  figures.falseSuccesses += found.missing.length;
  assert.equal(found.integrity, 'ok');
  assert.deepEqual(found.missing, [], 'an acknowledged submission is missing, or has no outbox row');
  assert.deepEqual(found.leftovers, [], 'a refused submission left an application or outbox row behind');
  const n = stream.acked.length;
  assert.deepEqual([found.applications, found.outbox, found.audited], [n, n, n]);
  assert.deepEqual(found.chain, { ok: true, rows: found.auditRows });
}

type Stream = ReturnType<typeof residentStream>;

/** Runs `write`, which must be refused with a storage error of one of `kinds`. */
function refused(write: () => unknown, kinds: StorageFailureKind[]): void {
  try {
    write();
  } catch (error) {
    const failure = storageFailure(error);
    assert.ok(failure !== null && kinds.includes(failure.kind), `expected a ${kinds.join('/')} storage error, got ${String(error)}`);
    return;
  }
  throw new assert.AssertionError({ message: `a write succeeded where the storage should have refused it (${kinds.join('/')})` });
}

interface DiskFullRound {
  /** What the filler file takes; the smaller the room left, the sooner the disk is full. */
  fillerKb: number;
  autocheckpointPages?: number;
  dispatcher?: boolean;
  /** Close the connection while the disk is still full and open a new one, as a restarted kiosk would. */
  restartWhileFull?: boolean;
}

/** Fills a 3 MiB tmpfs with submissions until one is refused; returns how many commits found the WAL not reset. */
async function diskFull(t: TestContext, round: DiskFullRound): Promise<number | null> {
  const fs = mountTmpfs(3 * 1024);
  if (!fs.ok) {
    skip(t, fs.reason);
    return null;
  }
  ran += 1;
  const file = join(fs.mount.dir, 'kiosk.sqlite');
  const filler = join(fs.mount.dir, 'filler');
  const walSize = () => statSync(`${file}-wal`).size;
  const thresholdBytes = (round.autocheckpointPages ?? 1000) * (4096 + 24);
  let walNotReset = 0;
  let db: Db | null = null;
  const stream = residentStream();
  try {
    // Written first, deleted later: the space staff free when they answer the call.
    writeFileSync(filler, Buffer.alloc(round.fillerKb * 1024, 1));
    db = openKiosk(file);
    // Checkpointing often makes the main file grow while the WAL is reused: the full disk then meets a checkpoint
    // (which SQLite leaves for later, the commit already durable in the WAL) before it meets a commit.
    if (round.autocheckpointPages !== undefined) db.pragma(`wal_autocheckpoint = ${round.autocheckpointPages}`);
    const open = db;
    let first: unknown = null;
    for (let i = 0; i < 2000 && first === null; i++) {
      const before = walSize();
      try {
        stream.next(open);
      } catch (error) {
        first = error;
        continue;
      }
      // Past the threshold the last commit's checkpoint should have let this one restart the WAL from the top; a WAL
      // that grew instead means that checkpoint found the disk full, and the commit went through all the same.
      if (before > thresholdBytes && walSize() > before) walNotReset += 1;
    }
    assert.ok(first !== null, 'the disk never filled up');
    assert.equal(storageFailure(first)?.kind, 'full', `the first failure is not SQLITE_FULL: ${String(first)}`);
    assert.equal(storageError(first)?.key, 'errors.storageFull');
    figures.diskFullRefusals += 1;
    for (let i = 1; i < FULL_ATTEMPTS; i++) {
      refused(() => stream.next(open), ['full']);
      figures.diskFullRefusals += 1;
    }
    if (round.dispatcher) {
      const events: Array<{ code: string; detail?: string }> = [];
      const handlers = { 'application.submit': () => stream.next(open) } as unknown as Handlers;
      const dispatch = createDispatcher(handlers, (event) => events.push(event));
      const answer = await dispatch('application.submit', sampleInputs['application.submit'], { transport: 'ipc' });
      assert.deepEqual(answer, { ok: false, error: { code: 'unavailable', key: 'errors.storageFull' } });
      assert.deepEqual(events, [{ channel: 'application.submit', code: 'storage-full', detail: 'SQLITE_FULL' }]);
      figures.diskFullRefusals += 1;
    }
    assert.equal(open.inTransaction, false);
    assert.equal(integrityCheck(open), 'ok');
    if (round.restartWhileFull) {
      // Closing cannot checkpoint on a full disk, so the WAL stays: a fresh connection must still find every
      // acknowledgement (or, if it cannot even open, say so with a storage error).
      open.close();
      db = null;
      try {
        verified(stream, file);
      } catch (error) {
        if (storageFailure(error) === null) throw error;
      }
    }
    rmSync(filler);
    // Once there is room, writes succeed again: on the same open connection (no restart needed) or a new one.
    const writer = db ?? (db = openKiosk(file));
    for (let i = 0; i < 3; i++) stream.next(writer);
    assert.equal(integrityCheck(writer), 'ok');
    assert.equal(verifyAuditChain(writer).ok, true);
    writer.close();
    db = null;
    verified(stream, file);
    return walNotReset;
  } catch (error) {
    failed += 1;
    throw error;
  } finally {
    db?.close();
    fs.mount.unmount();
  }
}

test('disk full at commit: refused as errors.storageFull, nothing half-saved, writes again on the same connection', async (t) => {
  // The production WAL threshold (1,000 pages) is more than this disk holds: the WAL itself fills it.
  await diskFull(t, { fillerKb: 512, dispatcher: true });
});

test('disk full at checkpoint, then at commit: every acknowledged submission is still in the file', async (t) => {
  const walNotReset = await diskFull(t, { fillerKb: 2048, autocheckpointPages: 32, restartWhileFull: true });
  if (walNotReset === null) return;
  figures.checkpointsRefused += walNotReset;
  assert.ok(walNotReset > 0, 'no checkpoint met the full disk: this round did not test what it says');
});

/** Five acknowledged submissions on `db`. */
const five = (stream: Stream, db: Db) => Array.from({ length: 5 }, () => stream.next(db));

test('read-only tmpfs: no remount under an open database (or every write refused); a kiosk started on it is refused', (t) => {
  const fs = mountTmpfs(4 * 1024);
  if (!fs.ok) return skip(t, fs.reason);
  ran += 1;
  const file = join(fs.mount.dir, 'kiosk.sqlite');
  const stream = residentStream();
  let db: Db | null = null;
  try {
    db = openKiosk(file);
    five(stream, db);
    let remounted = true;
    try {
      fs.mount.remount('ro');
    } catch {
      // Linux refuses `remount,ro` while a file is open for writing (EBUSY): the database stays writable.
      remounted = false;
    }
    if (remounted) {
      const open = db;
      for (let i = 0; i < READ_ONLY_ATTEMPTS; i++) refused(() => stream.next(open), ['read-only', 'failed']);
      figures.readOnlyRefusals += READ_ONLY_ATTEMPTS;
      fs.mount.remount('rw');
    }
    five(stream, db);
    db.close();
    db = null;
    // A kiosk (re)started on a read-only disk: opening for writing is refused with a storage error, not a crash.
    fs.mount.remount('ro');
    refused(() => openKiosk(file).close(), ['read-only', 'failed']);
    figures.readOnlyRefusals += 1;
    fs.mount.remount('rw');
    db = openKiosk(file);
    five(stream, db);
    db.close();
    db = null;
    verified(stream, file);
    // The check can fail: an acknowledgement whose outbox row is gone is reported (the file is scratch by now).
    const lost = stream.acked[0]!;
    const scratch = openKiosk(file);
    scratch.prepare('DELETE FROM outbox WHERE idempotency_key = ?').run(lost);
    scratch.close();
    assert.deepEqual(stream.check(file).missing, [lost]);
  } catch (error) {
    failed += 1;
    throw error;
  } finally {
    db?.close();
    fs.mount.unmount();
  }
});

test('read-only during writes (ext4 errors=remount-ro): every later write refused, nothing acknowledged is lost', (t) => {
  const fs = mountExt4(16);
  if (!fs.ok) return skip(t, fs.reason);
  ran += 1;
  const file = join(fs.mount.dir, 'kiosk.sqlite');
  const stream = residentStream();
  let db: Db | null = null;
  try {
    db = openKiosk(file);
    const open = db;
    five(stream, open);
    fs.mount.triggerError();
    for (let i = 0; i < READ_ONLY_ATTEMPTS; i++) refused(() => stream.next(open), ['read-only', 'failed']);
    figures.readOnlyRefusals += READ_ONLY_ATTEMPTS;
    open.close();
    db = null;
    // What staff do: repair and remount; the kiosk then opens the same file again.
    fs.mount.repairAndRemount();
    verified(stream, file);
    db = openKiosk(file);
    five(stream, db);
    db.close();
    db = null;
    verified(stream, file);
  } catch (error) {
    failed += 1;
    throw error;
  } finally {
    db?.close();
    fs.mount.unmount();
  }
});
