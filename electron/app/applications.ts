// The resident desk: the application.* handlers' logic — begin, submit (code or receipt printed), status on a second
// tap, reprint (补打), loss report (挂失) — and the printer that follows the province: a new code prints by itself.
import type { z } from 'zod';
import { appendAudit } from '../core/audit/log.js';
import { ensureLookupKey } from '../core/applications/lookup-key.js';
import {
  activeApplicationId,
  findApplication,
  isActive,
  knownState,
  lastJob,
  lossReportPending,
  markReceiptPrinted,
  setPrintedCodeId,
  type ApplicationRecord,
} from '../core/applications/store.js';
import { submitApplication } from '../core/applications/submit.js';
import { codeIdOf, humanIdOf, residentApplication } from '../core/applications/view.js';
import type { Clock, RandomSource } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import type { CurrentIdentity, HeldIdentity } from '../core/identity/current.js';
import { answersAsked } from '../core/policy/evaluate.js';
import type { PolicySet } from '../core/policy/schema.js';
import { policyInForce } from '../core/policy/select.js';
import { getJob } from '../core/printing/journal.js';
import type { PrintJob } from '../core/printing/schema.js';
import { PaperCodeDataSchema, ReceiptDataSchema, type ReceiptData } from '../core/printing/slip-data.js';
import type { ApplicationView } from '../core/province/schema.js';
import type {
  ApplicationRefSchema,
  BeginOutputSchema,
  PrintedSchema,
  ReprintOutputSchema,
  ResidentApplication,
  SubmitInputSchema,
  SubmitOutput,
} from '../core/resident/schema.js';
import type { Settings } from '../core/settings/schema.js';
import { applicantKey } from '../core/sync/outbox.js';
import { enqueueLossReport } from '../core/sync/loss-report.js';
import { readCodeStatus } from '../core/sync/code-status.js';
import type { Printing } from './printing.js';

/** What the desk needs of the ProvinceService (electron/app/province.ts): run the queue now, ask now, hear views. */
export interface ProvinceLink {
  /** Run the dispatcher now instead of at its next poll. */
  kick(): void;
  /** Ask the province for the application's view (short timeout) and apply it; false when it could not answer. */
  refresh(applicationId: string, timeoutMs: number): Promise<boolean>;
  /** Every view that changed code_status (dispatcher, change feed, refresh), after commit. Returns unsubscribe. */
  onView(listener: (view: ApplicationView) => void): () => void;
}

export interface ResidentDeskWaits {
  /** After a submission: how long to wait for the province's first answer before printing the offline receipt. */
  submitMs: number;
  /** A second tap: how long to wait for a fresh status before showing the last known one. */
  refreshMs: number;
  /** After a loss report: how long to wait for the new code before answering `queued`. */
  lossMs: number;
}
export const DEFAULT_WAITS: ResidentDeskWaits = { submitMs: 6000, refreshMs: 3000, lossMs: 6000 };

export interface ResidentDeskOptions {
  /** The same connection Printing writes its journal with: a print and its marks commit together. */
  db: Db;
  clock: Clock;
  random: RandomSource;
  /** Read on every slip, so a renamed hall prints at once. */
  settings: { read(): Settings };
  policies: PolicySet;
  identity: CurrentIdentity;
  printing: Pick<Printing, 'print' | 'reprint'>;
  province: ProvinceLink;
  /** The hall's numeric id in the province's register. */
  hallId: string;
  waits?: Partial<ResidentDeskWaits>;
  refPrefix?: string;
}

type BeginOutput = z.infer<typeof BeginOutputSchema>;
type SubmitInput = z.infer<typeof SubmitInputSchema>;
type ApplicationRef = z.infer<typeof ApplicationRefSchema>;
type ReprintOutput = z.infer<typeof ReprintOutputSchema>;
type Printed = z.infer<typeof PrintedSchema>;

/** The actor of a resident's own reprint in the journal and the audit log. */
const RESIDENT = 'resident';
const CODED = new Set<ApplicationView['status']>(['GREEN', 'YELLOW', 'RED']);
const IN_PROGRESS = new Set(['queued', 'sent']);

const hasCode = (view: ApplicationView | null): view is ApplicationView & { code: NonNullable<ApplicationView['code']> } =>
  view !== null && view.code !== null && CODED.has(view.status);

export function createResidentDesk(options: ResidentDeskOptions) {
  const { db, clock, random, settings, policies, identity, printing, province, hallId, refPrefix } = options;
  const waits: ResidentDeskWaits = { ...DEFAULT_WAITS, ...options.waits };
  const lookupKey = ensureLookupKey(db, clock, random);

  /** The person behind a readId; a session that ended (idle, cleared) means the card must be tapped again. */
  const person = (readId: string): { held: HeldIdentity; key: string } => {
    const held = identity.get(readId);
    if (!held) throw new KioskError('not-found', 'errors.notFound');
    return { held, key: applicantKey(held.number, lookupKey) };
  };

  /** An application of this terminal that belongs to the person behind readId. */
  const owned = (ref: ApplicationRef): ApplicationRecord => {
    const { key } = person(ref.readId);
    const app = findApplication(db, ref.applicationId);
    if (app === null) throw new KioskError('not-found', 'errors.notFound');
    if (app.applicantKey !== key) throw new KioskError('forbidden', 'errors.notYours');
    return app;
  };

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

  const jobOf = (id: number | null): PrintJob | null => (id === null ? null : getJob(db, id));

  const hallName = () => settings.read().hallName;

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

  /** Auto-print: a view carrying a code this terminal has not printed yet, for one of this terminal's applications. */
  const unsubscribe = province.onView((view) => {
    if (!hasCode(view) || findApplication(db, view.applicationId) === null) return;
    // The stored row, not the event: it is the newest the terminal knows.
    printCurrentCode(view.applicationId);
  });

  /** The person's active application, refreshed from the province when it answers within refreshMs. */
  async function current(key: string): Promise<ResidentApplication | null> {
    const id = activeApplicationId(db, key, clock.now());
    if (id === null) return null;
    // Not yet filed (offline): the queue may go now that someone is waiting for it.
    if (readCodeStatus(db, id) === null) province.kick();
    let fresh = false;
    try {
      fresh = await province.refresh(id, waits.refreshMs);
    } catch {
      fresh = false;
    }
    // A refresh can show it expired or revoked meanwhile: then there is no active application any more.
    const still = activeApplicationId(db, key, clock.now());
    return still === null ? null : residentApplication(db, still, { fresh: fresh && still === id });
  }

  function requireActive(app: ApplicationRecord): void {
    if (!isActive(knownState(db, app.applicationId), clock.now())) throw new KioskError('conflict', 'errors.applicationClosed');
  }

  /** 补打 of a slip by label: the newest job that can be printed again; one still printing is simply returned. */
  function reprintSlip(app: ApplicationRecord, template: 'paper-code' | 'receipt', label: string): PrintJob | null {
    const last = lastJob(db, template, label);
    if (last === null) return null;
    if (IN_PROGRESS.has(last.state)) return getJob(db, last.id);
    return db.transaction(() => {
      // The journal numbers the 补打 over the whole chain and writes print.reprint; this row ties it to the application.
      const job = printing.reprint(last.id, RESIDENT);
      appendAudit(db, {
        at: clock.now(),
        actor: RESIDENT,
        action: 'application.reprint',
        subject: `application:${app.applicationId}`,
        detail: { ref: app.ref, template, job: job.id, reprintNumber: job.reprintNumber },
      });
      return job;
    })();
  }

  return {
    /** After "is this you?": the policy's extra questions and the person's active application, if any. */
    async begin(readId: string): Promise<BeginOutput> {
      const { key } = person(readId);
      const policy = policyInForce(policies, clock.now());
      return { policyId: policy.id, askAnswers: answersAsked(policy), existing: await current(key) };
    },

    /** Submit, kick the queue, wait for the province's first answer, print the code (by auto-print) or a receipt. */
    async submit(input: SubmitInput): Promise<SubmitOutput> {
      const { held } = person(input.readId);
      const result = submitApplication(db, clock, random, {
        identity: held,
        declaration: input.declaration,
        answers: input.answers,
        language: input.language,
        policy: policyInForce(policies, clock.now()),
        hallId,
        lookupKey,
        proxy: null,
        refPrefix,
      });
      if (result.outcome === 'refused') return { outcome: 'refused', citations: result.citations };
      const { applicationId } = result;
      const answered = waitForView(applicationId, waits.submitMs, () => true);
      province.kick();
      const view = (await answered) === null ? null : readCodeStatus(db, applicationId);
      const app = findApplication(db, applicationId)!;
      let printed: Printed = 'none';
      let jobId: number | null;
      if (hasCode(view)) {
        // Auto-print has normally queued it already; this is a no-op then, and the safety net otherwise.
        printCurrentCode(applicationId);
        const humanId = humanIdOf(view.code.codeText);
        jobId = humanId === null ? null : (lastJob(db, 'paper-code', humanId)?.id ?? null);
        if (jobId !== null) printed = 'paper-code';
      } else {
        // PENDING: an officer reviews, due at reviewDueAt. No answer: offline, the code follows when the province answers.
        jobId = view === null ? printReceipt(app, 'offline', null) : printReceipt(app, 'review', view.reviewDueAt);
        if (jobId !== null) printed = 'receipt';
      }
      return {
        outcome: 'submitted',
        application: residentApplication(db, applicationId, { fresh: view !== null }),
        printed,
        printJob: jobOf(jobId),
      };
    },

    /** A second tap: the active application, fresh when the province answered in time (else the last known). */
    async status(readId: string): Promise<ResidentApplication | null> {
      return current(person(readId).key);
    },

    /** 补打: the code printed again (marked 补打 n by the journal); before a code exists, the receipt. */
    reprint(ref: ApplicationRef): ReprintOutput {
      const app = owned(ref);
      requireActive(app);
      const view = readCodeStatus(db, app.applicationId);
      let job: PrintJob | null;
      if (hasCode(view)) {
        const humanId = humanIdOf(view.code.codeText);
        job = humanId === null ? null : reprintSlip(app, 'paper-code', humanId);
        // Never printed (the printer could not take it then): a first print, not a 补打.
        if (job === null) job = jobOf(printCurrentCode(app.applicationId, true));
      } else {
        job = reprintSlip(app, 'receipt', app.ref);
        if (job === null) {
          job = jobOf(view === null ? printReceipt(app, 'offline', null) : printReceipt(app, 'review', view.reviewDueAt));
        }
      }
      return { application: residentApplication(db, app.applicationId, { fresh: false }), printJob: job, queued: false };
    },

    /**
     * 挂失: the loss report is audited and queued in one transaction; the province revokes the old code and issues a
     * new one, which auto-print prints. `queued`: the province has not answered yet (the code prints when it does).
     */
    async reportLoss(ref: ApplicationRef): Promise<ReprintOutput> {
      const app = owned(ref);
      requireActive(app);
      const before = readCodeStatus(db, app.applicationId);
      if (!hasCode(before)) throw new KioskError('conflict', 'errors.noCodeToReport');
      const oldCodeId = codeIdOf(before.code.codeText);
      db.transaction(() => {
        // A double tap, or a second report while the first waits for the province: one report is enough, and a
        // second would revoke the replacement as well.
        if (lossReportPending(db, app.applicationId)) return;
        const now = clock.now();
        appendAudit(db, {
          at: now,
          actor: RESIDENT,
          action: 'application.loss-report',
          subject: `application:${app.applicationId}`,
          detail: { ref: app.ref },
        });
        enqueueLossReport(db, clock, { applicationId: app.applicationId, applicantKey: app.applicantKey, reportedAt: now });
      }).immediate();
      const answered = waitForView(app.applicationId, waits.lossMs, (view) => hasCode(view) && codeIdOf(view.code.codeText) !== oldCodeId);
      province.kick();
      const replaced = (await answered) !== null;
      const view = readCodeStatus(db, app.applicationId);
      let jobId: number | null = null;
      if (replaced && hasCode(view)) {
        printCurrentCode(app.applicationId);
        const humanId = humanIdOf(view.code.codeText);
        jobId = humanId === null ? null : (lastJob(db, 'paper-code', humanId)?.id ?? null);
      }
      return {
        application: residentApplication(db, app.applicationId, { fresh: replaced }),
        printJob: jobOf(jobId),
        queued: !replaced,
      };
    },

    /** Stops following the province (app shutdown). */
    close(): void {
      unsubscribe();
    },
  };
}
export type ResidentDesk = ReturnType<typeof createResidentDesk>;
