// The proxy desk: the proxy.* handlers. The family member's card is held while the officer taps the resident's; the
// application is submitted through core/proxy, its review opened in the same transaction, and the code or receipt
// printed with the proxy marker (a family proxy also gets the proxy slip for the record).
import { ensureLookupKey } from '../core/applications/lookup-key.js';
import { findApplication, type ApplicationRecord } from '../core/applications/store.js';
import type { SubmitRequest, SubmitResult } from '../core/applications/submit.js';
import type { Clock, RandomSource } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import { maskedIdentity, type CurrentIdentity, type HeldIdentity } from '../core/identity/current.js';
import type { MaskedIdentity } from '../core/identity/schema.js';
import type { PolicySet } from '../core/policy/schema.js';
import { policyInForce } from '../core/policy/select.js';
import type { PrintJob } from '../core/printing/schema.js';
import { ProxySlipDataSchema } from '../core/printing/slip-data.js';
import { maskIdNumber, maskName } from '../core/privacy/mask.js';
import { checkBatch, importBatch } from '../core/proxy/batch.js';
import { submitFamilyProxy } from '../core/proxy/family.js';
import type { BatchInput, BatchReport, FamilyProxyInput, ProxyOutput, ProxySubject, StaffProxyInput } from '../core/proxy/schema.js';
import { submitStaffProxy } from '../core/proxy/staff.js';
import { typedSubject } from '../core/proxy/subject.js';
import type { Settings } from '../core/settings/schema.js';
import type { Officer } from '../core/staff/officers.js';
import type { ApprovalDesk } from './approvals.js';
import type { ApplicationSlips } from './application-slips.js';
import type { Printing } from './printing.js';

export interface ProxyDeskOptions {
  db: Db;
  clock: Clock;
  random: RandomSource;
  policies: PolicySet;
  identity: CurrentIdentity;
  slips: ApplicationSlips;
  approvals: Pick<ApprovalDesk, 'opener' | 'submitted'>;
  printing: Pick<Printing, 'print'>;
  settings: { read(): Settings };
  hallId: string;
  /** How long to wait for the province's first answer before printing a receipt instead of the code. */
  submitWaitMs?: number;
  refPrefix?: string;
}

/** A family member's card stays held this long while the officer finds the resident's card or number. */
const HOLD_MS = 10 * 60_000;

export function createProxyDesk(options: ProxyDeskOptions) {
  const { db, clock, random, policies, identity, slips, approvals, printing, settings, hallId, refPrefix } = options;
  const submitWaitMs = options.submitWaitMs ?? 6000;
  const lookupKey = ensureLookupKey(db, random);
  // One family member at a time, like the reader itself: the wizard is one conversation at one counter.
  let held: { proxyReadId: string; identity: HeldIdentity; until: number } | undefined;

  const heldProxy = (proxyReadId: string): HeldIdentity => {
    if (!held || held.proxyReadId !== proxyReadId || held.until < clock.now().getTime())
      throw new KioskError('not-found', 'errors.cardNotRead');
    return held.identity;
  };

  const subjectOf = (subject: ProxySubject): HeldIdentity => {
    if ('readId' in subject) {
      const read = identity.get(subject.readId);
      if (!read) throw new KioskError('not-found', 'errors.cardNotRead');
      return read;
    }
    return typedSubject(subject.typed, subject.name, clock.now());
  };

  const common = () => ({ policy: policyInForce(policies, clock.now()), hallId, lookupKey, refPrefix });

  function printProxySlip(app: ApplicationRecord, proxy: HeldIdentity, input: FamilyProxyInput, staffNo: string): PrintJob | null {
    try {
      const data = ProxySlipDataSchema.parse({
        hallName: settings.read().hallName,
        applicationRef: app.ref,
        // A number typed without a name read: the slip still names the proxy, as a mask.
        proxy: { maskedName: proxy.name === null ? '*' : maskName(proxy.name), maskedNumber: maskIdNumber(proxy.number) },
        subject: { maskedName: app.maskedName, maskedNumber: app.maskedNumber },
        relationship: input.relationship,
        consent: input.consent,
        staffNo,
        at: app.submittedAt,
        reprintNumber: 0,
      });
      return printing.print('proxy-slip', app.ref, app.language, data);
    } catch {
      // A relationship the slip has no word for, or the printer: the application stands; staff see the journal.
      console.error('proxies: the proxy slip could not be queued for printing');
      return null;
    }
  }

  async function delivered(result: SubmitResult, slip: (app: ApplicationRecord) => PrintJob | null): Promise<ProxyOutput> {
    if (result.outcome === 'refused') return { outcome: 'refused', citations: result.citations };
    approvals.submitted();
    const app = findApplication(db, result.applicationId)!;
    const proxySlipJob = slip(app);
    const { application, printJob } = await slips.deliver(result.applicationId, submitWaitMs);
    return { outcome: 'submitted', application, printJob, proxySlipJob };
  }

  const onSubmitted = (source: 'family' | 'staff' | 'batch'): SubmitRequest['onSubmitted'] => approvals.opener(source);

  return {
    /** Wizard step 1: the family member's card, just read, is kept for the steps that follow (the reader frees up). */
    holdProxy(readId: string): { proxyReadId: string; identity: MaskedIdentity } {
      const read = identity.get(readId);
      if (!read) throw new KioskError('not-found', 'errors.cardNotRead');
      const proxyReadId = Buffer.from(random.bytes(12)).toString('base64url');
      const masked = maskedIdentity(proxyReadId, read, null, clock.now());
      held = { proxyReadId, identity: read, until: clock.now().getTime() + HOLD_MS };
      identity.clear();
      return { proxyReadId, identity: masked };
    },

    async family(input: FamilyProxyInput, officer: Officer): Promise<ProxyOutput> {
      const proxy = heldProxy(input.proxyReadId);
      const subject = subjectOf(input.subject);
      const result = submitFamilyProxy(db, clock, random, {
        ...common(),
        proxy,
        subject,
        input,
        officerStaffNo: officer.staffNo,
        onSubmitted: onSubmitted('family'),
      });
      const output = await delivered(result, (app) => printProxySlip(app, proxy, input, officer.staffNo));
      if (output.outcome === 'submitted') forget();
      return output;
    },

    async staff(input: StaffProxyInput, officer: Officer): Promise<ProxyOutput> {
      const subject = subjectOf(input.subject);
      const result = submitStaffProxy(db, clock, random, {
        ...common(),
        officer: { staffNo: officer.staffNo, name: officer.name },
        subject,
        input,
        onSubmitted: onSubmitted('staff'),
      });
      const output = await delivered(result, () => null);
      if (output.outcome === 'submitted') identity.clear();
      return output;
    },

    batchCheck(input: BatchInput, officer: Officer): BatchReport {
      const { policy } = common();
      return checkBatch(db, {
        csv: input.csv,
        batchName: input.batchName,
        policy,
        now: clock.now(),
        lookupKey,
        officerStaffNo: officer.staffNo,
      });
    },

    /** All rows or none; the codes print by themselves as the province issues them (auto-print). */
    batchImport(input: BatchInput, officer: Officer): BatchReport {
      const report = importBatch(db, clock, random, {
        ...common(),
        officer: { staffNo: officer.staffNo, name: officer.name },
        input,
        onSubmitted: onSubmitted('batch'),
      });
      if (report.imported > 0) approvals.submitted();
      return report;
    },

    /** Staff signed out or the wizard was left: nobody's card stays held. */
    forget,
  };

  function forget(): void {
    held = undefined;
    identity.clear();
  }
}
export type ProxyDesk = ReturnType<typeof createProxyDesk>;
