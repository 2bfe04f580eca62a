// The slips of an application, shared by the resident desk and the proxy desk: the paper code (printed once per code,
// also when it arrives after the resident left), the acceptance receipt, 补打 by label, and "submitted: wait for the
// province's first answer, then print the code or a receipt".
import { storageFailure } from '../core/db/storage-errors.js';
import type { z } from 'zod';
import { appendAudit } from '../core/audit/log.js';
import { findApplication, lastJob, markReceiptPrinted, setPrintedCodeId, type ApplicationRecord } from '../core/applications/store.js';
import { codeIdOf, humanIdOf, residentApplication } from '../core/applications/view.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { getJob } from '../core/printing/journal.js';
import type { PrintJob } from '../core/printing/schema.js';
import { PaperCodeDataSchema, ReceiptDataSchema, type ReceiptData } from '../core/printing/slip-data.js';
import type { ApplicationView } from '../core/province/schema.js';
import type { PrintedSchema, ResidentApplication } from '../core/resident/schema.js';
import type { Settings } from '../core/settings/schema.js';
import { readCodeStatus } from '../core/sync/code-status.js';
import type { Printing } from './printing.js';

/** What the desks need of the ProvinceService (electron/app/province.ts): run the queue now, ask now, hear views. */
export interface ProvinceLink {
  /** Run the dispatcher now instead of at its next poll. */
  kick(): void;
  /** Ask the province for the application's view (short timeout) and apply it; false when it could not answer. */
  refresh(applicationId: string, timeoutMs: number): Promise<boolean>;
  /** Every view that changed code_status (dispatcher, change feed, refresh), after commit. Returns unsubscribe. */
  onView(listener: (view: ApplicationView) => void): () => void;
}

export interface SlipOptions {
  /** The same connection Printing writes its journal with: a print and its marks commit together. */
  db: Db;
  clock: Clock;
  /** Read on every slip, so a renamed hall prints at once. */
  settings: { read(): Settings };
  printing: Pick<Printing, 'print' | 'reprint'>;
  province: ProvinceLink;
}

export type Printed = z.infer<typeof PrintedSchema>;

/** What a desk answers after a submission: the application, and the slip printed for it right away (if any). */
export interface Delivered {
  application: ResidentApplication;
  printed: Printed;
  printJob: PrintJob | null;
}

const CODED = new Set<ApplicationView['status']>(['GREEN', 'YELLOW', 'RED']);
const IN_PROGRESS = new Set(['queued', 'sent']);

export const hasCode = (view: ApplicationView | null): view is ApplicationView & { code: NonNullable<ApplicationView['code']> } =>
  view !== null && view.code !== null && CODED.has(view.status);

export function createApplicationSlips(options: SlipOptions) {
  const { db, clock, settings, printing, province } = options;
  const hallName = () => settings.read().hallName;
  const jobOf = (id: number | null): PrintJob | null => (id === null ? null : getJob(db, id));

  /** The first view of `applicationId` that `accept` takes, or null after `ms`. Subscribe before kicking. */
  const waitForView = (applicationId: string, ms: number, accept: (view: ApplicationView) => boolean) =>
    new Promise<ApplicationView | null>((resolve) => {
      let settled = false;
      const finish = (view: ApplicationView | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        off();
        resolve(view);
      };
      const off = province.onView((view) => {
        if (view.applicationId === applicationId && accept(view)) finish(view);
      });
      const timer = setTimeout(() => finish(null), ms);
    });

  /**
   * Prints the application's current code unless this very code was printed before (printed_code_id), or always with
   * `force` (a resident asks again and no paper-code job exists for it). The mark and the job commit together.
   * Printer or data trouble never throws: the resident's application stands, staff see the printer.
   */
  function printCurrentCode(applicationId: string, force = false): number | null {
    try {
      return db.transaction((): number | null => {
        const app = findApplication(db, applicationId);
        const view = readCodeStatus(db, applicationId);
        if (app === null || !hasCode(view)) return null;
        const codeId = codeIdOf(view.code.codeText);
        const humanId = humanIdOf(view.code.codeText);
        if (codeId === null || humanId === null) {
          console.error('applications: a code from the province could not be read; not printed');
          return null;
        }
        if (!force && app.printedCodeId === codeId) return null;
        const data = PaperCodeDataSchema.parse({
          hallName: hallName(),
          status: view.status,
          codeText: view.code.codeText,
          humanId,
          maskedName: app.maskedName,
          maskedNumber: app.maskedNumber,
          validUntil: view.code.validUntil,
          statusAsOf: view.statusAsOf,
          proxyMaskedName: app.proxyMaskedName,
          reprintNumber: 0,
          complaintRef: app.ref,
        });
        setPrintedCodeId(db, applicationId, codeId);
        // Labelled with the code's human id: staff recognise the slip by it, and it is no personal data.
        return printing.print('paper-code', humanId, app.language, data).id;
      })();
    } catch {
      console.error('applications: the paper code could not be queued for printing');
      return null;
    }
  }

  function printReceipt(app: ApplicationRecord, why: ReceiptData['why'], expectedBy: string | null): number | null {
    try {
      const data = ReceiptDataSchema.parse({
        hallName: hallName(),
        applicationRef: app.ref,
        maskedName: app.maskedName,
        maskedNumber: app.maskedNumber,
        submittedAt: app.submittedAt,
        expectedBy,
        why,
        proxyMaskedName: app.proxyMaskedName,
        complaintRef: app.ref,
        reprintNumber: 0,
      });
      return db.transaction(() => {
        markReceiptPrinted(db, app.applicationId);
        return printing.print('receipt', app.ref, app.language, data).id;
      })();
    } catch {
      console.error('applications: the receipt could not be queued for printing');
      return null;
    }
  }

  /** The receipt that fits what the province said: under review until reviewDueAt, or not reached yet (offline). */
  const printReceiptFor = (app: ApplicationRecord, view: ApplicationView | null) =>
    view === null ? printReceipt(app, 'offline', null) : printReceipt(app, 'review', view.reviewDueAt);

  /** 补打 of a slip by label: the newest job that can be printed again; one still printing is simply returned. */
  function reprintSlip(app: ApplicationRecord, template: 'paper-code' | 'receipt', label: string, actor: string): PrintJob | null {
    const last = lastJob(db, template, label);
    if (last === null) return null;
    if (IN_PROGRESS.has(last.state)) return getJob(db, last.id);
    return db.transaction(() => {
      // The journal numbers the 补打 over the whole chain and writes print.reprint; this row ties it to the application.
      const job = printing.reprint(last.id, actor);
      appendAudit(db, {
        at: clock.now(),
        actor: actor === 'resident' ? 'resident' : actor,
        action: 'application.reprint',
        subject: `application:${app.applicationId}`,
        detail: { ref: app.ref, template, job: job.id, reprintNumber: job.reprintNumber },
      });
      return job;
    })();
  }

  /** The paper-code job of the application's current code, printing it first if it never was. */
  function currentCodeJob(applicationId: string, view: ApplicationView & { code: NonNullable<ApplicationView['code']> }): number | null {
    // Auto-print has normally queued it already; this is a no-op then, and the safety net otherwise.
    printCurrentCode(applicationId);
    const humanId = humanIdOf(view.code.codeText);
    return humanId === null ? null : (lastJob(db, 'paper-code', humanId)?.id ?? null);
  }

  /**
   * Just submitted: kick the queue, wait up to `waitMs` for the province's first answer, then print the code (GREEN,
   * YELLOW, RED) or a receipt (PENDING: an officer reviews; no answer: offline, the code follows by itself).
   */
  async function deliver(applicationId: string, waitMs: number): Promise<Delivered> {
    const answered = waitForView(applicationId, waitMs, () => true);
    province.kick();
    const view = (await answered) === null ? null : readCodeStatus(db, applicationId);
    const app = findApplication(db, applicationId)!;
    let printed: Printed = 'none';
    let jobId: number | null = null;
    try {
      if (hasCode(view)) {
        jobId = currentCodeJob(applicationId, view);
        if (jobId !== null) printed = 'paper-code';
      } else {
        jobId = printReceiptFor(app, view);
        if (jobId !== null) printed = 'receipt';
      }
    } catch (error) {
      // The application is saved (its transaction committed); only the slip's job could not be. Saying "nothing was
      // saved" now would be false and a retry would meet errors.applicationActive: answer submitted, nothing printed
      // (printed and jobId are still 'none' and null: the job's call threw before either was set).
      if (storageFailure(error) === null) throw error;
    }
    return { application: residentApplication(db, applicationId, { fresh: view !== null }), printed, printJob: jobOf(jobId) };
  }

  /** Auto-print: a view carrying a code this terminal has not printed yet, for one of this terminal's applications. */
  const unsubscribe = province.onView((view) => {
    if (!hasCode(view) || findApplication(db, view.applicationId) === null) return;
    // The stored row, not the event: it is the newest the terminal knows.
    printCurrentCode(view.applicationId);
  });

  return { jobOf, waitForView, printCurrentCode, printReceiptFor, reprintSlip, currentCodeJob, deliver, close: unsubscribe };
}
export type ApplicationSlips = ReturnType<typeof createApplicationSlips>;
