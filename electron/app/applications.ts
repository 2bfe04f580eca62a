// The resident desk: the application.* handlers' logic — begin, submit (code or receipt printed), status on a second
// tap, reprint (补打), loss report (挂失). The slips themselves, and the auto-print of codes, are application-slips.ts.
import type { z } from 'zod';
import { appendAudit } from '../core/audit/log.js';
import { ensureLookupKey } from '../core/applications/lookup-key.js';
import {
  activeApplicationId,
  findApplication,
  isActive,
  knownState,
  lossReportPending,
  type ApplicationRecord,
} from '../core/applications/store.js';
import { submitApplication, type SubmitRequest } from '../core/applications/submit.js';
import { codeIdOf, humanIdOf, residentApplication } from '../core/applications/view.js';
import type { Clock, RandomSource } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import type { CurrentIdentity, HeldIdentity } from '../core/identity/current.js';
import { answersAsked } from '../core/policy/evaluate.js';
import type { PolicySet } from '../core/policy/schema.js';
import { policyInForce } from '../core/policy/select.js';
import type { PrintJob } from '../core/printing/schema.js';
import type {
  ApplicationRefSchema,
  BeginOutputSchema,
  ReprintOutputSchema,
  ResidentApplication,
  SubmitInputSchema,
  SubmitOutput,
} from '../core/resident/schema.js';
import { applicantKey } from '../core/sync/outbox.js';
import { enqueueLossReport } from '../core/sync/loss-report.js';
import { readCodeStatus } from '../core/sync/code-status.js';
import { hasCode, type ApplicationSlips, type ProvinceLink } from './application-slips.js';

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
  db: Db;
  clock: Clock;
  random: RandomSource;
  policies: PolicySet;
  identity: CurrentIdentity;
  province: ProvinceLink;
  /** The application slips (shared with the proxy desk, which prints through the same auto-print). */
  slips: ApplicationSlips;
  /** The hall's numeric id in the province's register. */
  hallId: string;
  waits?: Partial<ResidentDeskWaits>;
  refPrefix?: string;
  /** Runs inside the submission's transaction: the app opens the review of an application that needs one. */
  onSubmitted?: SubmitRequest['onSubmitted'];
}

type BeginOutput = z.infer<typeof BeginOutputSchema>;
type SubmitInput = z.infer<typeof SubmitInputSchema>;
type ApplicationRef = z.infer<typeof ApplicationRefSchema>;
type ReprintOutput = z.infer<typeof ReprintOutputSchema>;

/** The actor of a resident's own reprint in the journal and the audit log. */
const RESIDENT = 'resident';

export function createResidentDesk(options: ResidentDeskOptions) {
  const { db, clock, random, policies, identity, province, slips, hallId, refPrefix, onSubmitted } = options;
  const waits: ResidentDeskWaits = { ...DEFAULT_WAITS, ...options.waits };
  const lookupKey = ensureLookupKey(db, random);

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

  return {
    /** After "is this you?": the policy's extra questions and the person's active application, if any. */
    async begin(readId: string): Promise<BeginOutput> {
      const { key } = person(readId);
      const policy = policyInForce(policies, clock.now());
      return { policyId: policy.id, askAnswers: answersAsked(policy), existing: await current(key) };
    },

    /** Submit, then wait for the province's first answer and print the code or a receipt (slips.deliver). */
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
        onSubmitted,
      });
      if (result.outcome === 'refused') return { outcome: 'refused', citations: result.citations };
      return { outcome: 'submitted', ...(await slips.deliver(result.applicationId, waits.submitMs)) };
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
        job = humanId === null ? null : slips.reprintSlip(app, 'paper-code', humanId, RESIDENT);
        // Never printed (the printer could not take it then): a first print, not a 补打.
        if (job === null) job = slips.jobOf(slips.printCurrentCode(app.applicationId, true));
      } else {
        job = slips.reprintSlip(app, 'receipt', app.ref, RESIDENT) ?? slips.jobOf(slips.printReceiptFor(app, view));
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
      const answered = slips.waitForView(
        app.applicationId,
        waits.lossMs,
        (view) => hasCode(view) && codeIdOf(view.code.codeText) !== oldCodeId,
      );
      province.kick();
      const replaced = (await answered) !== null;
      const view = readCodeStatus(db, app.applicationId);
      const jobId = replaced && hasCode(view) ? slips.currentCodeJob(app.applicationId, view) : null;
      return {
        application: residentApplication(db, app.applicationId, { fresh: replaced }),
        printJob: slips.jobOf(jobId),
        queued: !replaced,
      };
    },
  };
}
export type ResidentDesk = ReturnType<typeof createResidentDesk>;
