// 1,000 paper codes through the real print service, TCP port and printer emulator while paper, cover, link and
// printer fail in every way: 0 lost, 0 duplicated without a 补打 mark, every failure in the journal and resolved.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { humanCodeId } from '../../electron/core/codes/human-id.js';
import type { Db } from '../../electron/core/db/open.js';
import { createPrintService, type PrintService, type RenderInput } from '../../electron/core/printing/print-service.js';
import type { PrintFailure } from '../../electron/core/printing/schema.js';
import { createThermalPort } from '../../electron/core/printing/transport.js';
import type { PrinterAdmin } from '../../emulators/printer/admin.js';
import type { PrinterEmulator } from '../../emulators/printer/emulator.js';
import { slipSamples } from '../../printer-templates/index.js';
import { hookedPort, kioskDb, slipRender, startPrinter } from '../helpers/print-fixtures.js';
import { fakeClock, seededRandom } from '../helpers/sync-fixtures.js';

const SLIPS = 1000;
/**
 * Kiosks side by side, each with its own database, service and printer, one job at a time each. A dropped connection
 * costs the port's full deadline (timeout + 500 ms: the library never settles on a clean close), so they overlap.
 */
const KIOSKS = 8;
/** Short, so a hang costs little; long enough that a healthy printer on a busy 2-core machine always answers. */
const TIMEOUT_MS = 500;
const STAFF = '0001';
/** A reprint meets a fault of its own this often (at most twice per slip), so chains of reprints get numbered too. */
const REPRINT_FAULT_RATE = 0.25;
const MAX_FAULTED_REPRINTS = 2;

/** What each fault leaves in the journal: the reason, and whether any of the job can have reached paper. */
const failures = {
  'paper-out': { reason: 'paper-end', mayHavePrinted: false },
  'cover-open': { reason: 'cover-open', mayHavePrinted: false },
  offline: { reason: 'offline', mayHavePrinted: false },
  // A hung printer answers no status: nothing is sent to a printer the kiosk cannot see.
  'hang-before': { reason: 'unreachable', mayHavePrinted: false },
  // Hung after the status check: the job waits in the printer, times out, and comes out once the printer recovers.
  'hang-mid': { reason: 'timeout', mayHavePrinted: true },
  'paper-short': { reason: 'paper-end', mayHavePrinted: true },
  'disconnect-mid-job': { reason: 'disconnected', mayHavePrinted: true },
  // The whole slip prints and is cut, but the acknowledgement never comes.
  'drop-before-ack': { reason: 'disconnected', mayHavePrinted: true },
} as const satisfies Record<string, { reason: PrintFailure; mayHavePrinted: boolean }>;
type FailureKind = keyof typeof failures;
type Fault = FailureKind | 'clean' | 'near-end';

/** Faults whose job is cut on paper although the journal says failed. */
const printsWhole = new Set<Fault>(['hang-mid', 'drop-before-ack']);

/**
 * Relative weights: about 45% of first prints clean. Drops and hangs are rarer because each costs the port's deadline
 * (a drop: the library never settles on a clean close, so the port waits timeout + 500 ms).
 */
const weights: Array<[Fault, number]> = [
  ['clean', 40],
  ['near-end', 5],
  ['paper-out', 6],
  ['cover-open', 6],
  ['offline', 6],
  ['hang-before', 3],
  ['hang-mid', 3],
  ['paper-short', 10],
  ['disconnect-mid-job', 6],
  ['drop-before-ack', 6],
];
const failureKinds = Object.keys(failures) as FailureKind[];

function picker(seed: number) {
  const dice = seededRandom(seed);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  return {
    float: dice.float,
    fault(): Fault {
      let roll = dice.float() * total;
      for (const [fault, weight] of weights) if ((roll -= weight) < 0) return fault;
      return 'clean';
    },
    failure: (): FailureKind => failureKinds[Math.floor(dice.float() * failureKinds.length)]!,
    int: (min: number, max: number) => min + Math.floor(dice.float() * (max - min + 1)),
  };
}

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** One resident's slip: a code id (so a human id) of its own and QR text of its own, the rest the masked sample. */
function slipFields(index: number, dice: ReturnType<typeof picker>) {
  const codeId = ((BigInt(index + 1) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn).toString(16).padStart(16, '0');
  const codeText = Array.from({ length: dice.int(120, 160) }, () => BASE45[Math.floor(dice.float() * BASE45.length)]).join('');
  return { ...slipSamples['paper-code'], codeText, humanId: humanCodeId(codeId), reprintNumber: 0 };
}

interface Attempt {
  jobId: number;
  fault: Fault;
}
interface SlipRun {
  humanId: string;
  codeText: string;
  attempts: Attempt[];
}

interface Rig {
  db: Db;
  service: PrintService;
  admin: PrinterAdmin;
  emulator: PrinterEmulator;
  hooks: ReturnType<typeof hookedPort>['hooks'];
}

async function rig(t: TestContext, render: (job: RenderInput) => Uint8Array): Promise<Rig> {
  const { emulator, admin, uri } = await startPrinter(t);
  const { db } = kioskDb(t);
  const { port, hooks } = hookedPort(createThermalPort(uri, { timeoutMs: TIMEOUT_MS }));
  const service = createPrintService({ db, clock: fakeClock(), port, render });
  t.after(() => service.stop());
  return { db, service, admin, emulator, hooks };
}

/** What came off the printer, per ticket: whose slip (by the human id under the QR), its QR text, its 补打 number. */
interface PaperTicket {
  cut: boolean;
  humanId: string | null;
  qr: string | null;
  /** The number after 补打, or null when the ticket shows no mark (a first print, or cut off before the mark). */
  mark: number | null;
}

function paperTickets(emulator: PrinterEmulator): PaperTicket[] {
  return emulator.tickets().map(({ ticket, transcript }) => ({
    cut: ticket.cut,
    // Whole ids only: a ticket cut off inside the id line shows the start of one, which names no slip.
    humanId: /码号 ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]{2})$/m.exec(transcript)?.[1] ?? null,
    qr: /^\[QR ecc=\w module=\d+\] (.*)$/m.exec(transcript)?.[1] ?? null,
    mark: Number(/^\s*补打 (\d+)$/m.exec(transcript)?.[1] ?? NaN) || null,
  }));
}

/** Arms one fault on the emulator (or between the service's status check and its send), for the next round only. */
function arm(r: Rig, fault: Fault, dice: ReturnType<typeof picker>): void {
  const { admin, hooks } = r;
  switch (fault) {
    case 'clean':
      return;
    case 'near-end':
      admin.setState({ paper: 'near-end' });
      return;
    case 'paper-out':
      admin.setState({ paper: 'out' });
      return;
    case 'cover-open':
      admin.setState({ cover: 'open' });
      return;
    case 'offline':
      admin.setState({ online: false });
      return;
    case 'hang-before':
      admin.setState({ hang: true });
      return;
    case 'hang-mid':
      hooks.afterStatus = () => admin.setState({ hang: true });
      return;
    case 'paper-short':
      // A paper code is over 30 lines: the roll runs out somewhere inside it.
      admin.setState({ paperLinesLeft: dice.int(1, 25) });
      return;
    case 'disconnect-mid-job':
    case 'drop-before-ack':
      admin.setNextJob(fault);
      return;
  }
}

/** Waits for a condition, failing the test instead of hanging it. */
async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(2);
  }
}

interface JobRow {
  id: number;
  state: string;
  reason: string | null;
  reprint_number: number;
  reprint_of: number | null;
  may_have_printed: number;
  resolved: number;
}

interface RunOptions {
  /** Independent kiosks (database, service, printer each) printing side by side, so their timeouts overlap. */
  kiosks: number;
  slipsPerKiosk: number;
  seed: number;
  /** What staff do about a failed job (the real thing: service.reprint); returns the new job's id. */
  recover: (r: Rig, jobId: number) => number;
  render?: (job: RenderInput) => Uint8Array;
}

/**
 * Prints every slip once through its fault; after each failure staff clear the fault and reprint, until the slip's
 * latest job is done. Each kiosk runs one slip at a time, as the service does.
 */
async function runKiosk(t: TestContext, kiosk: number, options: RunOptions) {
  const r = await rig(t, options.render ?? slipRender('native'));
  const dice = picker(options.seed * 1000 + kiosk);
  const runs: SlipRun[] = [];
  const completeFor = (humanId: string) => paperTickets(r.emulator).filter((p) => p.cut && p.humanId === humanId).length;

  const attempt = async (slip: SlipRun, jobId: number, fault: Fault) => {
    slip.attempts.push({ jobId, fault });
    arm(r, fault, dice);
    const before = fault === 'hang-mid' ? completeFor(slip.humanId) : 0;
    assert.equal(await r.service.runOnce(), true);
    // Staff fix the printer: paper in, cover shut, online, unhung.
    r.admin.reset();
    // The hung job comes out now; it must be on paper before the next one-shot fault is armed, or it would take it.
    if (fault === 'hang-mid') await until(() => completeFor(slip.humanId) > before, `the hung job ${jobId} comes out`);
    assert.equal(r.admin.state().nextJob, null, `the one-shot ${fault} fired on job ${jobId}`);
    return (r.db.prepare('SELECT state FROM print_jobs WHERE id = ?').get(jobId) as { state: string }).state;
  };

  for (let i = 0; i < options.slipsPerKiosk; i++) {
    const fields = slipFields(kiosk * options.slipsPerKiosk + i, dice);
    const slip: SlipRun = { humanId: fields.humanId, codeText: fields.codeText, attempts: [] };
    runs.push(slip);
    const job = r.service.enqueue({ template: 'paper-code', label: `slip ${i}`, data: fields, paper: '58mm' });
    let state = await attempt(slip, job.id, dice.fault());
    let faulted = 0;
    while (state !== 'done') {
      const again = options.recover(r, slip.attempts.at(-1)!.jobId);
      const fault = faulted < MAX_FAULTED_REPRINTS && dice.float() < REPRINT_FAULT_RATE ? dice.failure() : 'clean';
      if (fault !== 'clean') faulted += 1;
      state = await attempt(slip, again, fault);
    }
  }
  const jobs = new Map((r.db.prepare('SELECT * FROM print_jobs').all() as JobRow[]).map((row) => [row.id, row]));
  return { ...r, runs, jobs, tickets: paperTickets(r.emulator) };
}

const run = (t: TestContext, options: RunOptions) =>
  Promise.all(Array.from({ length: options.kiosks }, (_, kiosk) => runKiosk(t, kiosk, options)));

/** Every way the paper can disagree with "each slip out at least once, and at most once without a 补打 mark". */
function paperFindings(runs: SlipRun[], tickets: PaperTicket[]) {
  const bySlip = new Map(runs.map((s) => [s.humanId, { slip: s, tickets: [] as PaperTicket[] }]));
  let strangers = 0;
  for (const ticket of tickets) {
    const entry = ticket.humanId === null ? undefined : bySlip.get(ticket.humanId);
    if (entry) entry.tickets.push(ticket);
    // A partial ticket cut off before the code id is nobody's usable slip; a cut one must be someone's.
    else if (ticket.cut || ticket.humanId !== null) strangers += 1;
  }
  const lost: string[] = [];
  const unmarkedDuplicates: string[] = [];
  const repeatedMarks: string[] = [];
  const wrongQr: string[] = [];
  for (const [humanId, { slip, tickets: own }] of bySlip) {
    const complete = own.filter((p) => p.cut);
    if (complete.length === 0) lost.push(humanId);
    if (complete.filter((p) => p.mark === null).length > 1) unmarkedDuplicates.push(humanId);
    const marks = own.flatMap((p) => (p.mark === null ? [] : [p.mark]));
    if (new Set(marks).size !== marks.length) repeatedMarks.push(humanId);
    if (own.some((p) => p.qr !== null && p.qr !== slip.codeText)) wrongQr.push(humanId);
  }
  return { lost, unmarkedDuplicates, repeatedMarks, wrongQr, strangers };
}

/** Every failure is in the journal with its own reason, resolved by exactly one reprint; everything else is done. */
function checkJournal(runs: SlipRun[], jobs: Map<number, JobRow>, faults: Record<string, number>): number {
  const reprintsOf = new Map<number, number>();
  for (const row of jobs.values()) if (row.reprint_of !== null) reprintsOf.set(row.reprint_of, (reprintsOf.get(row.reprint_of) ?? 0) + 1);
  let failed = 0;
  for (const slip of runs) {
    for (const [k, { jobId, fault }] of slip.attempts.entries()) {
      faults[fault] = (faults[fault] ?? 0) + 1;
      const row = jobs.get(jobId)!;
      assert.equal(row.reprint_of, k === 0 ? null : slip.attempts[k - 1]!.jobId, `job ${jobId} reprints the attempt before it`);
      if (fault === 'clean' || fault === 'near-end') {
        assert.deepEqual([row.state, row.reason], ['done', null], `job ${jobId} (${fault})`);
        continue;
      }
      failed += 1;
      const { reason, mayHavePrinted } = failures[fault];
      assert.deepEqual(
        { state: row.state, reason: row.reason, mayHavePrinted: row.may_have_printed === 1, resolved: row.resolved === 1 },
        { state: 'failed', reason, mayHavePrinted, resolved: true },
        `job ${jobId} (${fault})`,
      );
      assert.equal(reprintsOf.get(jobId), 1, `failed job ${jobId} was resolved by one reprint`);
    }
    assert.equal(jobs.get(slip.attempts.at(-1)!.jobId)?.state, 'done');
  }
  assert.equal(
    jobs.size,
    runs.reduce((n, s) => n + s.attempts.length, 0),
    'no job the test did not make',
  );
  assert.deepEqual(
    [...jobs.values()].filter((row) => row.state === 'queued' || row.state === 'sent'),
    [],
    'none left queued or sent',
  );
  return failed;
}

/** The paper agrees with the journal exactly: one cut ticket per job that printed whole, carrying that job's mark. */
function checkPaperAgainstJournal(runs: SlipRun[], jobs: Map<number, JobRow>, tickets: PaperTicket[]): void {
  const cutMarks = new Map<string, number[]>();
  for (const p of tickets) if (p.cut && p.humanId) cutMarks.set(p.humanId, [...(cutMarks.get(p.humanId) ?? []), p.mark ?? 0]);
  for (const slip of runs) {
    const expected = slip.attempts
      .filter((a) => jobs.get(a.jobId)?.state === 'done' || printsWhole.has(a.fault))
      .map((a) => jobs.get(a.jobId)!.reprint_number);
    const actual = cutMarks.get(slip.humanId) ?? [];
    assert.deepEqual(actual.sort(), expected.sort(), `slip ${slip.humanId}: the cut tickets match the journal`);
  }
}

const reprint = (r: Rig, jobId: number) => r.service.reprint(jobId, STAFF).id;

test('1,000 paper codes (1,600+ print jobs) through paper-end, cover-open, offline, hangs and drops: 0 lost, 0 unmarked duplicates', async (t) => {
  const started = Date.now();
  const kiosks = await run(t, { kiosks: KIOSKS, slipsPerKiosk: SLIPS / KIOSKS, seed: 2026, recover: reprint });
  const elapsedMs = Date.now() - started;

  const faults: Record<string, number> = {};
  const totals = { slips: 0, jobs: 0, reprints: 0, complete: 0, partial: 0 };
  for (const { db, service, runs, jobs, tickets } of kiosks) {
    assert.deepEqual(paperFindings(runs, tickets), { lost: [], unmarkedDuplicates: [], repeatedMarks: [], wrongQr: [], strangers: 0 });
    checkPaperAgainstJournal(runs, jobs, tickets);
    const failed = checkJournal(runs, jobs, faults);
    assert.deepEqual([service.status().failedJobs, service.status().pendingJobs], [0, 0]);

    // Every reprint is audited as a staff action, and the chain holds.
    const reprints = jobs.size - runs.length;
    assert.equal(reprints, failed, 'one reprint per failure');
    const audited = db.prepare(`SELECT actor, subject FROM audit WHERE action = 'print.reprint'`).all() as Array<{
      actor: string;
      subject: string;
    }>;
    const reprinted = [...jobs.values()].flatMap((row) => (row.reprint_of === null ? [] : [`print-job:${row.reprint_of}`]));
    assert.deepEqual(audited.map((a) => a.subject).sort(), reprinted.sort());
    assert.ok(audited.every((a) => a.actor === STAFF));
    assert.deepEqual(verifyAuditChain(db), { ok: true, rows: reprints });

    const cut = tickets.filter((p) => p.cut).length;
    totals.slips += runs.length;
    totals.jobs += jobs.size;
    totals.reprints += reprints;
    totals.complete += cut;
    totals.partial += tickets.length - cut;
  }
  assert.equal(totals.slips, SLIPS);
  for (const kind of [...failureKinds, 'clean', 'near-end']) assert.ok((faults[kind] ?? 0) > 0, `the run exercised ${kind}`);
  console.log(
    `print-chaos: ${totals.slips} slips, ${totals.jobs} jobs on ${KIOSKS} kiosks, faults ${JSON.stringify(faults)}, ` +
      `${totals.reprints} reprints, tickets ${totals.complete} complete / ${totals.partial} partial, ${elapsedMs} ms`,
  );
});

test('the checks bite: a failed slip printed again as a new job, or a reprint without its mark, is an unmarked duplicate', async (t) => {
  // What a service that retried by itself would do: print the same slip again as if for the first time.
  const resend = (r: Rig, jobId: number) => {
    const row = r.service.job(jobId);
    return r.service.enqueue({ template: row.template, label: 'again', data: row.data, paper: row.paper }).id;
  };
  // A template (or render) that forgets the mark.
  const native = slipRender('native');
  const unmarked = (job: RenderInput) => native({ ...job, reprintNumber: 0 });
  const [retried, forgot] = await Promise.all([
    run(t, { kiosks: 4, slipsPerKiosk: 15, seed: 7, recover: resend }),
    run(t, { kiosks: 4, slipsPerKiosk: 15, seed: 7, recover: reprint, render: unmarked }),
  ]);
  for (const [name, kiosks] of [
    ['retried', retried],
    ['unmarked reprint', forgot],
  ] as const) {
    const findings = kiosks.map((k) => paperFindings(k.runs, k.tickets));
    assert.ok(
      findings.every((f) => f.lost.length === 0 && f.strangers === 0),
      `${name}: nothing lost`,
    );
    assert.ok(
      findings.some((f) => f.unmarkedDuplicates.length > 0),
      `${name}: unmarked duplicates are caught`,
    );
  }
});
