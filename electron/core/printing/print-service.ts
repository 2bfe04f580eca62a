// The printer loop: one job at a time through the journal, status before and after, never a resend by itself.
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import { createRepeater } from '../sync/repeater.js';
import * as journal from './journal.js';
import type { JobToPrint, PrintJobInput } from './journal.js';
import type { PrintFailure, PrintJob, PrinterState, PrinterStatus, TemplateId } from './schema.js';
import type { Paper } from './slip.js';
import type { PrinterPort } from './transport.js';

export interface RenderInput {
  template: TemplateId;
  data: Record<string, unknown>;
  paper: Paper;
  /** 0 for a first print; n for 补打 n (the template prints the mark). */
  reprintNumber: number;
}

export interface PrintServiceOptions {
  db: Db;
  clock: Clock;
  port: PrinterPort;
  /** The job's ESC/POS bytes (without the closing `GS r 1`: the port adds it). Throws on data it cannot print. */
  render: (job: RenderInput) => Uint8Array;
  onChange?: (status: PrinterStatus) => void;
  /** While idle, how often start() asks the printer for its state, so staff see paper-out before the next job. */
  idleCheckMs?: number;
}

export interface PrintService {
  enqueue(input: PrintJobInput): PrintJob;
  reprint(jobId: number, actor: string): PrintJob;
  dismiss(jobId: number, actor: string): PrintJob;
  jobs(limit: number): PrintJob[];
  /** One job's template, data, paper and 补打 number (to preview it); KioskError not-found for an unknown id. */
  job(jobId: number): JobToPrint;
  status(): PrinterStatus;
  checkPrinter(): Promise<PrinterState>;
  /** Prints the oldest queued job, if any; true when there was one (whatever became of it). */
  runOnce(): Promise<boolean>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** States in which a job is sent; any other state fails the job before a byte goes out. */
const PRINTABLE = new Set<PrinterState>(['ready', 'paper-near-end']);

export function createPrintService(options: PrintServiceOptions): PrintService {
  const { db, clock, port, render, onChange } = options;
  const idleCheckMs = options.idleCheckMs ?? 15_000;
  let state: PrinterState = 'unreachable';
  let checkedAt: Date | null = null;
  let started = false;

  const status = (): PrinterStatus => ({ state, checkedAt: checkedAt?.toISOString() ?? null, ...journal.jobCounts(db) });
  const changed = () => {
    try {
      onChange?.(status());
    } catch {
      // A listener's failure (a closed window) must not stop printing.
      console.error('printing: a status listener failed');
    }
  };

  const checkPrinter = async (): Promise<PrinterState> => {
    state = await port.status();
    checkedAt = clock.now();
    changed();
    return state;
  };

  const fail = (jobId: number, reason: PrintFailure) => {
    journal.markFailed(db, clock, jobId, reason);
    changed();
  };

  const printNext = async (): Promise<boolean> => {
    const job = journal.nextQueued(db);
    if (!job) {
      if (started && (checkedAt === null || clock.now().getTime() - checkedAt.getTime() >= idleCheckMs)) await checkPrinter();
      return false;
    }
    const before = await checkPrinter();
    if (!PRINTABLE.has(before)) {
      fail(job.id, journal.failureFromState(before as Exclude<PrinterState, 'ready' | 'paper-near-end'>));
      return true;
    }
    let bytes: Uint8Array;
    try {
      // Rendered before markSent: bad data fails the job while nothing has gone out.
      bytes = render({ template: job.template, data: job.data, paper: job.paper, reprintNumber: job.reprintNumber });
    } catch {
      console.error(`printing: job ${job.id} could not be rendered`);
      fail(job.id, 'error');
      return true;
    }
    journal.markSent(db, clock, job.id);
    changed();
    let outcome: Awaited<ReturnType<PrinterPort['send']>>;
    try {
      outcome = await port.send(bytes);
    } catch {
      // A port must not throw; if one does, the job may be half out and must not stay 'sent'.
      outcome = { ok: false, reason: 'disconnected' };
    }
    if (!outcome.ok) {
      fail(job.id, outcome.reason);
      return true;
    }
    if (outcome.paper === 'end') {
      // The roll ran out inside the job: part of it is on paper, the rest is not.
      fail(job.id, 'paper-end');
    } else {
      // The ack proves the job printed; whatever the printer says next is its state, not the job's.
      journal.markDone(db, clock, job.id);
      changed();
    }
    await checkPrinter();
    return true;
  };

  const loop = createRepeater(printNext, 'printing: a round failed; trying again');
  let intervalMs = 1000;

  return {
    enqueue(input) {
      const job = journal.enqueue(db, clock, input);
      changed();
      // Wake the loop now rather than at its next tick; a round in progress is reused, never doubled.
      if (started) void loop.once().catch(() => console.error('printing: a round failed; trying again'));
      return job;
    },
    reprint(jobId, actor) {
      const job = journal.reprint(db, clock, jobId, actor);
      changed();
      if (started) void loop.once().catch(() => console.error('printing: a round failed; trying again'));
      return job;
    },
    dismiss(jobId, actor) {
      const job = journal.dismiss(db, clock, jobId, actor);
      changed();
      return job;
    },
    jobs: (limit) => journal.listJobs(db, limit),
    job: (jobId) => journal.jobToPrint(db, jobId),
    status,
    checkPrinter,
    runOnce: () => loop.once(),
    start(every) {
      if (started) return;
      intervalMs = every;
      journal.recoverAfterRestart(db, clock);
      started = true;
      changed();
      // After a job, straight on to the next; when idle, wait.
      loop.start((didJob) => (didJob ? 0 : intervalMs));
    },
    async stop() {
      started = false;
      await loop.stop();
    },
  };
}
