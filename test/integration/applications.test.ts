// The resident desk end to end: a real SQLite file, the provincial emulator over HTTP (taken off the network and back),
// the real dispatcher and change feed, and the real printing path into the printer emulator, read back as transcripts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unlocked } from '../helpers/data-key.js';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createResidentDesk } from '../../electron/app/applications.js';
import { createApplicationSlips, type ProvinceLink } from '../../electron/app/application-slips.js';
import { openMigratedDatabase } from '../../electron/app/database.js';
import { createEventHub } from '../../electron/app/events.js';
import { startPrinting } from '../../electron/app/printing.js';
import { systemRandom, type Clock } from '../../electron/core/clock.js';
import { base45Decode } from '../../electron/core/codes/base45.js';
import { revocationHash } from '../../electron/core/codes/sign.js';
import { KioskError } from '../../electron/core/errors.js';
import { createCurrentIdentity } from '../../electron/core/identity/current.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import { createProvinceClient } from '../../electron/core/province/client.js';
import type { ApplicationView } from '../../electron/core/province/schema.js';
import { defaultSettings, type Settings } from '../../electron/core/settings/schema.js';
import { applyView } from '../../electron/core/sync/code-status.js';
import { createDispatcher } from '../../electron/core/sync/dispatcher.js';
import { createPuller } from '../../electron/core/sync/pull.js';
import { recordContact } from '../../electron/core/sync/state.js';
import { createProvincialEmulator } from '../../emulators/provincial/emulator.js';
import { createRawProvinceClient, TERMINAL, testIdNumber } from '../helpers/province-client.js';
import { lowRiskDeclaration } from '../helpers/sync-fixtures.js';

const policies = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
const settings: Settings = { ...defaultSettings, hallName: '市南区八大湖街道便民服务中心' };
const WAITS = { submitMs: 2500, refreshMs: 1500, lossMs: 2500 };

/**
 * The kiosk side: db, the dispatcher and change feed against the emulator, printing into the printer emulator, and
 * the desk. ProvinceLink is built here over the dispatcher and puller (what electron/app/province.ts provides in the
 * app), so the test controls the province's listener and clock.
 */
async function rig(t: TestContext) {
  // Not tempDir(): the folder must outlive the printer, which may still be writing a ticket when the test ends.
  const dir = mkdtempSync(join(tmpdir(), 'applications-'));
  // The emulator's clock runs in real time from a Friday 10:00 in Shanghai; the kiosk reads the same clock.
  const base = Date.parse('2026-11-27T02:00:00Z');
  const started = Date.now();
  const emulator = createProvincialEmulator({
    dbFile: join(dir, 'province.sqlite'),
    clock: { now: () => new Date(base + (Date.now() - started)) },
    terminals: new Map([[TERMINAL.terminalId, TERMINAL.secret]]),
    admin: true,
  });
  let listening: Awaited<ReturnType<typeof emulator.listen>> | undefined = await emulator.listen(0);
  const url = listening.url;
  const port = Number(new URL(url).port);
  const clock: Clock = { now: () => emulator.now() };

  const db = unlocked(openMigratedDatabase(join(dir, 'kiosk.sqlite')).db);
  const client = createProvinceClient({ baseUrl: url, ...TERMINAL, clock, random: systemRandom, timeoutMs: 2000 });
  const listeners = new Set<(view: ApplicationView) => void>();
  const announce = (view: ApplicationView) => listeners.forEach((listener) => listener(view));
  const dispatcher = createDispatcher({ db, client, clock, random: systemRandom, onView: announce, backoff: { baseMs: 50, capMs: 300 } });
  const puller = createPuller({ db, client, clock, onChange: announce });
  dispatcher.start(100);
  puller.start(150);
  const province: ProvinceLink = {
    kick: () => void dispatcher.tick().catch(() => undefined),
    async refresh(applicationId, timeoutMs) {
      const outcome = await client.getApplication(applicationId, { timeoutMs });
      let changed = false;
      db.transaction(() => {
        if (outcome.kind === 'ok') changed = applyView(db, clock, outcome.value);
        recordContact(db, clock, outcome.kind !== 'retry' && outcome.kind !== 'ambiguous');
      }).immediate();
      if (changed && outcome.kind === 'ok') announce(outcome.value);
      return outcome.kind === 'ok';
    },
    onView(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };

  const printing = startPrinting({ settings, dataDir: dir, db, clock, events: createEventHub() });
  const printer = printing.demoPrinter()!;
  const identity = createCurrentIdentity(clock, systemRandom);
  const slips = createApplicationSlips({ db, clock, settings: { read: () => settings }, printing, province });
  const desk = createResidentDesk({
    db,
    clock,
    random: systemRandom,
    policies,
    identity,
    province,
    slips,
    hallId: '370202001',
    waits: WAITS,
  });
  t.after(async () => {
    slips.close();
    await dispatcher.stop();
    await puller.stop();
    await printing.close();
    await emulator.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tap = (sequence: number, name = '张三丰') => {
    const read = identity.fromCard({ name, idNumber: testIdNumber('19800101', sequence), validTo: 'long-term', photo: new Uint8Array() });
    if (!read.ok) throw new Error('card refused');
    return read.identity.readId;
  };
  /** The first ticket (after `from`) whose transcript passes `match`, waiting for the printer up to 10 s. */
  const ticket = async (match: (text: string) => boolean, from = 0): Promise<string> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = printer
        .tickets()
        .slice(from)
        .find((record) => match(record.transcript));
      if (found) return found.transcript;
      if (Date.now() > deadline) throw new Error(`no such ticket; printed: ${printer.tickets().length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Until the journal marks the job done (the printer acknowledged it). */
  const jobDone = (jobId: number) =>
    waitFor(() => (db.prepare('SELECT state FROM print_jobs WHERE id = ?').pluck().get(jobId) === 'done' ? true : null));
  return {
    db,
    desk,
    jobDone,
    printer,
    tap,
    ticket,
    raw: () => createRawProvinceClient(url, TERMINAL, clock),
    pending: () => (db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n,
    async offline() {
      await listening?.close();
      listening = undefined;
    },
    async online() {
      listening ??= await emulator.listen(port);
    },
  };
}

const fever = { ...lowRiskDeclaration, fever: true };
const isKiosk = (code: string, key: string) => (error: unknown) => error instanceof KioskError && error.code === code && error.key === key;

test('green: the paper code prints at once; a second tap finds it; a loss report revokes it and prints a new one', async (t) => {
  const kiosk = await rig(t);
  const readId = kiosk.tap(101);
  const begin = await kiosk.desk.begin(readId);
  assert.equal(begin.policyId, 'shandong-2020-04-20');
  assert.deepEqual(begin.askAnswers, ['travelLowRiskProvincesOnly14d', 'underMedicalObservation']);
  assert.equal(begin.existing, null);

  const submitted = await kiosk.desk.submit({ readId, declaration: lowRiskDeclaration, answers: {}, language: 'zh-CN' });
  assert.equal(submitted.outcome, 'submitted');
  if (submitted.outcome !== 'submitted') return;
  const app = submitted.application;
  assert.equal(submitted.printed, 'paper-code');
  assert.equal(app.status, 'GREEN');
  assert.equal(app.fresh, true);
  assert.ok(app.humanId !== null && app.validUntil !== null);
  assert.equal(submitted.printJob?.template, 'paper-code');
  assert.equal(submitted.printJob?.label, app.humanId);
  const paper = await kiosk.ticket((text) => text.includes(app.humanId!));
  assert.match(paper, /张\*\*/);
  assert.ok(paper.includes(app.ref), 'the complaint line carries the ref');
  assert.ok(!paper.includes(testIdNumber('19800101', 101)), 'never the full number');
  assert.doesNotMatch(paper, /补打/);

  // A second tap: the same application, fresh from the province; applying again is refused.
  const again = kiosk.tap(101);
  const status = await kiosk.desk.status(again);
  assert.equal(status?.applicationId, app.applicationId);
  assert.equal(status?.fresh, true);
  assert.equal((await kiosk.desk.begin(again)).existing?.applicationId, app.applicationId);
  await assert.rejects(
    kiosk.desk.submit({ readId: again, declaration: lowRiskDeclaration, answers: {}, language: 'zh-CN' }),
    isKiosk('conflict', 'errors.applicationActive'),
  );
  // Someone else's card cannot reprint it.
  const stranger = kiosk.tap(202, '李四');
  assert.throws(() => kiosk.desk.reprint({ readId: stranger, applicationId: app.applicationId }), isKiosk('forbidden', 'errors.notYours'));
  // Core holds one person at a time: the stranger's tap ended the first session.
  assert.throws(() => kiosk.desk.reprint({ readId: again, applicationId: app.applicationId }), isKiosk('not-found', 'errors.notFound'));
  const mine = kiosk.tap(101);

  // 挂失: the old code goes on the province's revocation list; a new code prints by itself.
  const oldView = kiosk.db.prepare('SELECT code_text FROM code_status WHERE application_id = ?').get(app.applicationId) as {
    code_text: string;
  };
  const oldHash = revocationHash(base45Decode(oldView.code_text)!);
  const lost = await kiosk.desk.reportLoss({ readId: mine, applicationId: app.applicationId });
  assert.equal(lost.queued, false);
  assert.equal(lost.application.status, 'GREEN');
  assert.ok(lost.application.humanId !== null && lost.application.humanId !== app.humanId);
  assert.equal(lost.printJob?.label, lost.application.humanId);
  const revocations = (await kiosk.raw().revocations()).json as { hashes: string[] };
  assert.ok(revocations.hashes.includes(oldHash), 'the old code is revoked at the province');
  const fresh = await kiosk.ticket((text) => text.includes(lost.application.humanId!));
  assert.doesNotMatch(fresh, /补打/);
  assert.equal(kiosk.db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'application.loss-report'`).pluck().get(), 1);
});

test('reprint at the kiosk: the same code again, marked 补打 1 and audited against the application', async (t) => {
  const kiosk = await rig(t);
  const readId = kiosk.tap(101);
  const submitted = await kiosk.desk.submit({ readId, declaration: lowRiskDeclaration, answers: {}, language: 'zh-CN' });
  assert.equal(submitted.outcome, 'submitted');
  if (submitted.outcome !== 'submitted') return;
  const app = submitted.application;
  await kiosk.jobDone(submitted.printJob!.id);
  // 补打: the same code, marked, audited.
  const before = kiosk.printer.tickets().length;
  const reprinted = kiosk.desk.reprint({ readId, applicationId: app.applicationId });
  assert.equal(reprinted.printJob?.reprintNumber, 1);
  assert.equal(reprinted.queued, false);
  const copy = await kiosk.ticket((text) => text.includes(app.humanId!), before);
  assert.match(copy, /补打 1/);
  const audit = kiosk.db.prepare(`SELECT actor, subject FROM audit WHERE action = 'application.reprint'`).all();
  assert.deepEqual(audit, [{ actor: 'resident', subject: `application:${app.applicationId}` }]);

  // Before a code exists, a reprint is the receipt again, marked too.
  const other = kiosk.tap(109, '周八');
  const pending = await kiosk.desk.submit({ readId: other, declaration: fever, answers: {}, language: 'zh-CN' });
  assert.ok(pending.outcome === 'submitted' && pending.printed === 'receipt');
  await kiosk.jobDone(pending.printJob!.id);
  const receipt = kiosk.desk.reprint({ readId: other, applicationId: pending.application.applicationId });
  assert.equal(receipt.printJob?.template, 'receipt');
  assert.equal(receipt.printJob?.reprintNumber, 1);
  await kiosk.ticket((text) => text.includes(pending.application.ref) && /补打 1/.test(text));
});

test('review: a receipt prints with the deadline; the officer approves and the code prints by itself', async (t) => {
  const kiosk = await rig(t);
  const readId = kiosk.tap(103, '王五');
  const submitted = await kiosk.desk.submit({ readId, declaration: fever, answers: {}, language: 'en' });
  assert.equal(submitted.outcome, 'submitted');
  if (submitted.outcome !== 'submitted') return;
  const app = submitted.application;
  assert.equal(app.status, 'PENDING');
  assert.ok(app.reviewDueAt !== null);
  assert.deepEqual(
    app.citations.map((c) => c.ruleId),
    ['SD-0327-1'],
  );
  assert.equal(submitted.printed, 'receipt');
  assert.equal(submitted.printJob?.label, app.ref);
  const receipt = await kiosk.ticket((text) => text.includes(app.ref));
  assert.match(receipt, /王\*/);

  const decided = await kiosk.raw().decide(app.applicationId, 'approve');
  assert.equal(decided.status, 200);
  const issued = await waitFor(async () => {
    const now = await kiosk.desk.status(readId);
    return now?.status === 'GREEN' && now.humanId !== null ? now : null;
  });
  await kiosk.ticket((text) => text.includes(issued.humanId!));
});

test('offline: receipts while the province is away, the queue grows, and the codes print when it answers', async (t) => {
  const kiosk = await rig(t);
  await kiosk.offline();
  const first = kiosk.tap(105, '赵六');
  const a = await kiosk.desk.submit({ readId: first, declaration: lowRiskDeclaration, answers: {}, language: 'zh-CN' });
  const second = kiosk.tap(107, '孙七');
  const b = await kiosk.desk.submit({ readId: second, declaration: lowRiskDeclaration, answers: {}, language: 'zh-CN' });
  assert.ok(a.outcome === 'submitted' && b.outcome === 'submitted');
  for (const result of [a, b]) {
    assert.equal(result.printed, 'receipt');
    assert.equal(result.application.status, 'QUEUED');
    assert.equal(result.application.fresh, false);
    await kiosk.ticket((text) => text.includes(result.application.ref));
  }
  assert.equal(kiosk.pending(), 2);
  // A second tap while offline: the last known status, labelled not fresh.
  const status = await kiosk.desk.status(kiosk.tap(105, '赵六'));
  assert.equal(status?.status, 'QUEUED');
  assert.equal(status?.fresh, false);

  await kiosk.online();
  // Both codes reach paper without anyone asking, each marked as printed on its application.
  // Generous: two PNG tickets and a few sync rounds, on a CI machine that may be busy.
  const codes = await waitFor(() => {
    const printed = kiosk.printer.tickets().filter((record) => /码号/.test(record.transcript));
    return printed.length >= 2 ? printed : null;
  }, 30_000);
  assert.equal(codes.length, 2);
  for (const result of [a, b]) {
    const id = result.application.applicationId;
    const now = await kiosk.desk.status(kiosk.tap(result === a ? 105 : 107));
    assert.equal(now?.status, 'GREEN');
    assert.ok(codes.some((record) => record.transcript.includes(now!.humanId!)));
    assert.ok(kiosk.db.prepare('SELECT printed_code_id FROM application WHERE application_id = ?').pluck().get(id));
  }
  assert.equal(kiosk.pending(), 0);
});

async function waitFor<T>(probe: () => Promise<T | null> | T | null, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
