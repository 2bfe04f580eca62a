// The print service over real TCP (node-thermal-printer → the printer emulator) and a real SQLite file: job states,
// failure reasons, may_have_printed, 补打 numbering, audit rows and recovery after a restart mid-job.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrationsDir } from '../../electron/app/paths.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { getJob } from '../../electron/core/printing/journal.js';
import { createPrintService, type RenderInput } from '../../electron/core/printing/print-service.js';
import type { PrinterStatus, PrintJob } from '../../electron/core/printing/schema.js';
import { createThermalPort } from '../../electron/core/printing/transport.js';
import { createPrinterEmulator } from '../../emulators/printer/emulator.js';
import { transcript } from '../../emulators/printer/ticket.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { hookedPort } from '../helpers/print-fixtures.js';

const TIMEOUT_MS = 300;
const STAFF = '1024';

async function startPrinter(t: TestContext) {
  const emulator = createPrinterEmulator();
  const { url } = await emulator.listen(0, '127.0.0.1');
  t.after(() => emulator.close());
  /** What came off the printer: one transcript per ticket, with a mark when it was not cut. */
  const printed = () => emulator.tickets().map((r) => transcript(r.ticket).trimEnd() + (r.ticket.cut ? '' : ' [not cut]'));
  return { emulator, admin: emulator.admin, uri: url, printed };
}

/** A stand-in for the templates: one line naming the job and its 补打 number; no codeId is bad data. */
function render(job: RenderInput): Uint8Array {
  if (typeof job.data.codeId !== 'string') throw new Error('codeId missing');
  const mark = job.reprintNumber > 0 ? ` REPRINT ${job.reprintNumber}` : '';
  const line = Buffer.from(`${job.template} ${job.data.codeId}${mark}\n`, 'latin1');
  // ESC @, the line, ESC d 3 (feed three lines), GS V 0 (cut).
  return Buffer.concat([Buffer.of(0x1b, 0x40), line, Buffer.of(0x1b, 0x64, 0x03), Buffer.of(0x1d, 0x56, 0x00)]);
}

/** Waits for a condition, failing the test instead of hanging it. */
async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

/** The transcript of a whole slip from render(): its line, the three-line feed, the cut. */
const slip = (text: string) => `paper-code ${text}\n[FEED 3]\n[CUT]`;

function openDb(file: string): Db {
  const db = openDatabase(file);
  migrate(db, loadMigrations(migrationsDir()));
  return db;
}

async function setup(t: TestContext) {
  const printer = await startPrinter(t);
  const file = join(tempDir(t), 'kiosk.sqlite');
  const db = openDb(file);
  t.after(() => db.open && db.close());
  const clock = fakeClock();
  const changes: PrinterStatus[] = [];
  const { port, hooks } = hookedPort(createThermalPort(printer.uri, { timeoutMs: TIMEOUT_MS }));
  const service = createPrintService({ db, clock, port, render, onChange: (s) => changes.push(s) });
  t.after(() => service.stop());
  const enqueue = (codeId: string | null) =>
    service.enqueue({ template: 'paper-code', label: `C-${codeId}`, data: codeId === null ? {} : { codeId }, paper: '58mm' });
  const job = (id: number) => getJob(db, id) as PrintJob;
  const summary = (id: number) => {
    const j = job(id);
    return { state: j.state, reason: j.reason, mayHavePrinted: j.mayHavePrinted };
  };
  return { printer, admin: printer.admin, hooks, db, file, clock, changes, service, enqueue, job, summary };
}

test('a ready printer prints queued jobs oldest first, one per round, and each is done once acknowledged', async (t) => {
  const { printer, service, enqueue, summary, changes } = await setup(t);
  const a = enqueue('A');
  const b = enqueue('B');
  assert.deepEqual(service.status(), { state: 'unreachable', checkedAt: null, failedJobs: 0, pendingJobs: 2 });
  assert.equal(await service.runOnce(), true);
  assert.deepEqual(summary(a.id), { state: 'done', reason: null, mayHavePrinted: true });
  assert.equal(summary(b.id).state, 'queued');
  assert.equal(await service.runOnce(), true);
  assert.equal(await service.runOnce(), false, 'nothing left');
  assert.deepEqual(printer.printed(), [slip('A'), slip('B')]);
  assert.deepEqual(service.status(), { state: 'ready', checkedAt: '2026-11-27T02:00:00.000Z', failedJobs: 0, pendingJobs: 0 });
  assert.ok(changes.some((s) => s.pendingJobs === 1) && changes.at(-1)?.pendingJobs === 0, 'every change is announced');
});

test('a printer that is not ready refuses the job before a byte is sent, with its state as the reason', async (t) => {
  const { printer, admin, service, enqueue, summary } = await setup(t);
  const cases: Array<[Parameters<typeof admin.setState>[0], string]> = [
    [{ cover: 'open' }, 'cover-open'],
    [{ paper: 'out' }, 'paper-end'],
    [{ online: false }, 'offline'],
    // A printer that answers nothing: no status in time.
    [{ hang: true }, 'unreachable'],
  ];
  for (const [fault, reason] of cases) {
    admin.reset();
    admin.setState(fault);
    const job = enqueue(reason);
    assert.equal(await service.runOnce(), true);
    assert.deepEqual(summary(job.id), { state: 'failed', reason, mayHavePrinted: false });
    assert.equal(service.status().state, reason);
  }
  admin.reset();
  assert.deepEqual(printer.printed(), [], 'nothing reached the paper');
  assert.equal(service.status().failedJobs, 4);
  assert.equal(await service.runOnce(), false, 'a failed job is never resent by the service');
  assert.deepEqual(printer.printed(), []);
});

test('an unreachable printer fails the job as unreachable, nothing sent', async (t) => {
  const { printer, service, enqueue, summary } = await setup(t);
  await printer.emulator.close();
  const job = enqueue('A');
  await service.runOnce();
  assert.deepEqual(summary(job.id), { state: 'failed', reason: 'unreachable', mayHavePrinted: false });
});

test('paper near end still prints; paper running out inside the job fails it as paper-end after it may have printed', async (t) => {
  const { printer, admin, service, enqueue, summary } = await setup(t);
  admin.setState({ paper: 'near-end' });
  const low = enqueue('A');
  await service.runOnce();
  assert.deepEqual(summary(low.id), { state: 'done', reason: null, mayHavePrinted: true });
  assert.equal(service.status().state, 'paper-near-end');
  admin.setState({ paper: 'ok', paperLinesLeft: 2 }); // the line prints, the three-line feed does not
  const out = enqueue('B');
  await service.runOnce();
  assert.deepEqual(summary(out.id), { state: 'failed', reason: 'paper-end', mayHavePrinted: true });
  assert.equal(service.status().state, 'paper-end');
  assert.deepEqual(printer.printed(), [slip('A'), 'paper-code B [not cut]']);
});

test('the acknowledgement makes a job done even when the printer reports a problem right after', async (t) => {
  const { printer, admin, hooks, service, enqueue, summary } = await setup(t);
  hooks.afterSend = () => admin.setState({ cover: 'open' });
  const job = enqueue('A');
  await service.runOnce();
  assert.deepEqual(summary(job.id), { state: 'done', reason: null, mayHavePrinted: true });
  assert.equal(service.status().state, 'cover-open');
  assert.deepEqual(printer.printed(), [slip('A')]);
});

test('no answer, a drop before the ack and a drop mid-job fail it as timeout / disconnected, and it is never resent', async (t) => {
  const { printer, admin, hooks, service, enqueue, summary } = await setup(t);
  const faults: Array<[string, () => void, string]> = [
    ['hang', () => (hooks.afterStatus = () => admin.setState({ hang: true })), 'timeout'],
    ['drop-before-ack', () => admin.setNextJob('drop-before-ack'), 'disconnected'],
    ['disconnect-mid-job', () => admin.setNextJob('disconnect-mid-job'), 'disconnected'],
  ];
  for (const [name, arm, reason] of faults) {
    admin.reset();
    // A hung printer prints what it holds once it recovers: the reason a job that timed out may have printed.
    if (name !== 'hang') await until(() => printer.printed().includes(slip('hang')), 'the hung job comes out late');
    arm();
    const job = enqueue(name);
    const started = Date.now();
    await service.runOnce();
    assert.deepEqual(summary(job.id), { state: 'failed', reason, mayHavePrinted: true }, name);
    assert.ok(Date.now() - started < TIMEOUT_MS * 10, `${name} settles in time`);
  }
  admin.reset();
  assert.equal(await service.runOnce(), false);
  // The hung job came out late, the dropped ack's job printed whole, the mid-job drop left part of a slip.
  const printed = printer.printed();
  assert.deepEqual(printed.slice(0, 2), [slip('hang'), slip('drop-before-ack')]);
  assert.equal(printed.length, 3);
  assert.match(printed[2]!, /\[not cut\]$/);
});

test('a connection reset before the answer is disconnected', async (t) => {
  const server = createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = createThermalPort(`tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, { timeoutMs: TIMEOUT_MS });
  assert.deepEqual(await port.send(Buffer.from('x')), { ok: false, reason: 'disconnected' });
  assert.equal(await port.status(), 'unreachable');
});

test('a render error fails the job with error before anything is sent', async (t) => {
  const { printer, service, enqueue, summary } = await setup(t);
  const bad = enqueue(null);
  await service.runOnce();
  assert.deepEqual(summary(bad.id), { state: 'failed', reason: 'error', mayHavePrinted: false });
  assert.deepEqual(printer.printed(), []);
});

test('reprints: after a possible print the slip says 补打 n; after a refusal it prints as a first; each one audited', async (t) => {
  const { printer, admin, db, service, enqueue, summary } = await setup(t);
  admin.setNextJob('drop-before-ack'); // A prints, but its ack never comes
  const lost = enqueue('A');
  await service.runOnce();
  admin.setState({ cover: 'open' });
  const refused = enqueue('B');
  await service.runOnce();
  admin.reset();

  const again = service.reprint(lost.id, STAFF);
  assert.equal(again.reprintNumber, 1);
  assert.throws(() => service.reprint(lost.id, STAFF), /conflict/, 'a double tap does not queue a second copy');
  const first = service.reprint(refused.id, STAFF);
  assert.equal(first.reprintNumber, 0);
  await service.runOnce();
  await service.runOnce();
  assert.equal(summary(again.id).state, 'done');
  assert.deepEqual(printer.printed(), [slip('A'), slip('A REPRINT 1'), slip('B')], 'the second A carries its 补打 mark');
  const done = service.reprint(again.id, STAFF);
  assert.equal(done.reprintNumber, 2);
  const rows = db.prepare("SELECT actor, subject FROM audit WHERE action = 'print.reprint' ORDER BY seq").all();
  assert.deepEqual(rows, [
    { actor: STAFF, subject: `print-job:${lost.id}` },
    { actor: STAFF, subject: `print-job:${refused.id}` },
    { actor: STAFF, subject: `print-job:${again.id}` },
  ]);
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 3 });
  assert.equal(service.status().failedJobs, 0, 'both failures were resolved by their reprints');
});

test('after a restart mid-job the sent job is failed as interrupted, queued ones still print, and its reprint is 补打 1', async (t) => {
  const { printer, admin, hooks, db, file, clock, service, enqueue } = await setup(t);
  hooks.afterStatus = () => admin.setState({ hang: true });
  const out = enqueue('A');
  const waiting = enqueue('B');
  const round = service.runOnce().catch(() => 'the database went away');
  await until(() => getJob(db, out.id)?.state === 'sent', 'job A is sent');
  db.close(); // the app stops while job A is out
  await round;

  admin.reset();
  const reopened = openDb(file);
  t.after(() => reopened.close());
  const restarted = createPrintService({ db: reopened, clock, port: createThermalPort(printer.uri, { timeoutMs: TIMEOUT_MS }), render });
  restarted.start(10);
  await restarted.stop();
  const a = getJob(reopened, out.id);
  assert.deepEqual([a?.state, a?.reason, a?.mayHavePrinted], ['failed', 'interrupted', true]);
  while (getJob(reopened, waiting.id)?.state === 'queued') await restarted.runOnce();
  assert.equal(getJob(reopened, waiting.id)?.state, 'done');
  const again = restarted.reprint(out.id, STAFF);
  assert.equal(again.reprintNumber, 1);
  await restarted.runOnce();
  // A came out once the printer recovered, which is why it is reprinted as 补打 1 and not as a first print.
  assert.deepEqual(printer.printed(), [slip('A'), slip('B'), slip('A REPRINT 1')]);
});

test('start() keeps printing, wakes for a new job at once, and stop() waits for the round in progress', async (t) => {
  const { printer, service, enqueue, job } = await setup(t);
  const first = enqueue('A');
  service.start(60_000);
  await until(() => job(first.id).state === 'done', 'the first job is done');
  const second = enqueue('B');
  await until(() => job(second.id).state === 'done', 'the second job is done without waiting for the 60 s interval', 3_000);
  await service.stop();
  const third = enqueue('C');
  await sleep(50);
  assert.equal(job(third.id).state, 'queued', 'stopped means stopped');
  assert.equal(printer.printed().length, 2);
});

test('a device file: status is whether it exists, a completed write counts as printed, a missing one is unreachable', async (t) => {
  const dir = tempDir(t);
  const device = join(dir, 'lp0');
  writeFileSync(device, '');
  const port = createThermalPort(device, { timeoutMs: TIMEOUT_MS });
  assert.equal(await port.status(), 'ready');
  assert.deepEqual(await port.send(Buffer.from('hello\n')), { ok: true, paper: 'ok' });
  assert.equal(readFileSync(device, 'latin1'), 'hello\n');
  const missing = join(dir, 'lp1');
  const gone = createThermalPort(missing, { timeoutMs: TIMEOUT_MS });
  assert.equal(await gone.status(), 'unreachable');
  assert.deepEqual(await gone.send(Buffer.from('x')), { ok: false, reason: 'unreachable' });
  assert.equal(existsSync(missing), false, 'a missing device is not created as a plain file');
});
