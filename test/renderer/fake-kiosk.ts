// An in-memory `window.kiosk` for renderer tests: the real bridge and dispatcher over a transport that never leaves
// memory, with a tiny stand-in for the emulated card reader (demo cards, faults), staff sign-in (one demo officer,
// locked after 5 wrong PINs), manual number entry (core's real number rules), the province link (sync state, pushes,
// the demo province taken off the network and back), the printer (its state, a small print journal whose reprint and
// dismiss follow core's rules, a tiny SVG preview), the resident's applications (the shipped 03-27 file with test
// rules and its real observation refusal, evaluated by core's own rules engine; one active application per person,
// codes issued, reviews, offline receipts, reprints and loss reports printed into the same journal), the staff console
// (queue, decisions, duty, SLA board, proxies, card sign-in: fake-approvals.ts) and a record of every call.
import type { ReaderFault, ReaderStatus } from '../../electron/core/devices/id-reader/schema.js';
import { KioskError } from '../../electron/core/errors.js';
import { parseDocumentNumber } from '../../electron/core/identity/document-number.js';
import type { MaskedIdentity } from '../../electron/core/identity/schema.js';
import { maskIdNumber } from '../../electron/core/privacy/mask.js';
import type { SignedInOfficer } from '../../electron/core/staff/schema.js';
import type { SyncState } from '../../electron/core/sync/schema.js';
import type { CheckpointResult } from '../../electron/core/codes/schema.js';
import type { PrintJob, PrinterStatus } from '../../electron/core/printing/schema.js';
import { answersAsked, evaluate } from '../../electron/core/policy/evaluate.js';
import { PolicySchema, RuleSchema, type Policy, type Rule } from '../../electron/core/policy/schema.js';
import type { ResidentApplication } from '../../electron/core/resident/schema.js';
import shandong from '../../policies/shandong-2020-03-27.json';
import { createBridge, type KioskApi, type Transport } from '../../electron/ipc/bridge.js';
import type { AppInfo, Channel, ChannelOutput, EventName, EventPayload } from '../../electron/ipc/contract.js';
import { createDispatcher } from '../../electron/ipc/dispatch.js';
import { createFakeDesk, staffAccounts, type FakeDesk } from './fake-approvals';

export const testInfo: AppInfo = {
  version: '0.1.0-test',
  demo: false,
  hallName: '测试社区服务大厅',
  defaultLanguage: 'zh-CN',
  kioskMode: true,
  voice: false,
  idle: { timeoutSeconds: 60, warningSeconds: 30 },
  shell: 'browser',
};

/** A 1×1 PNG, enough for an <img> with a data: URL. */
export const testPhoto =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** What `card.read` carries for a synthetic resident card: masked values only, like core sends. */
export const testIdentity: MaskedIdentity = {
  readId: 'read-0001-test',
  source: 'card',
  documentType: 'resident',
  maskedName: '张*丰',
  maskedNumber: '11**************2X',
  photo: testPhoto,
  validTo: '2030-01-01',
  expired: false,
};

export const demoCards = [
  { id: 'demo-zhang', label: '张*丰 · 居民身份证', cardType: 'resident' },
  { id: 'demo-smith', label: 'S**** · 外国人永久居留身份证', cardType: 'foreign-permanent' },
] as const;

export type WedgeAnswer = ChannelOutput<'identity.wedge'>;

/** A rule of the shipped 03-27 file, as it ships (so a change to its wording shows in the screen tests too). */
function shippedRule(id: string): Rule {
  return RuleSchema.parse(shandong.rules.find((rule) => rule.id === id));
}

/**
 * The fake policy's rules: fever → review, contact with a case → review (as in the shipped files), travel not
 * confirmed low-risk → review, and the shipped refusal: under medical observation now → refused.
 */
export const fakeRules = {
  fever: {
    id: 'FAKE-1',
    effect: 'review',
    sentence: {
      'zh-CN': '自述发热或体温达到37.3℃的，须经社区核实后签发。',
      en: 'A fever, or 37.3 °C or more, must be checked by your community first.',
    },
    when: {
      any: [
        { field: 'fever', is: true },
        { field: 'temperatureC', atLeast: 37.3 },
      ],
    },
  },
  contact: {
    id: 'FAKE-2',
    effect: 'review',
    sentence: {
      'zh-CN': '近14天接触过确诊或疑似病例的，须经社区核实。',
      en: 'Contact with a case in the last 14 days must be checked by your community first.',
    },
    when: { field: 'contactWithCase14d', is: true },
  },
  travel: {
    id: 'FAKE-3',
    effect: 'review',
    sentence: {
      'zh-CN': '离开过山东且不能确认只到过低风险省份的，须经社区核实。',
      en: 'Travel outside Shandong not only to low-risk provinces must be checked.',
    },
    when: {
      all: [{ field: 'travelOutsideProvince14d', is: true }, { not: { field: 'answers.travelLowRiskProvincesOnly14d', is: true } }],
    },
  },
  observation: shippedRule('SD-0327-6'),
} as const satisfies Record<string, Rule>;

/** The shipped 03-27 policy with the fake's four rules: every other field (SLA, channels, complaint line) is real. */
export const fakePolicy: Policy = PolicySchema.parse({
  ...shandong,
  id: 'fake-2024-05-01',
  title: { 'zh-CN': '测试用办理规则', en: 'Test rules' },
  rules: Object.values(fakeRules),
});

/** The application channels a test can make fail. */
export type ApplicationChannel =
  'application.begin' | 'application.submit' | 'application.status' | 'application.reprint' | 'application.reportLoss';

/** The demo officer, as `demo.staff` tells trainers and `staff.signIn` accepts. */
export const demoStaff = { staffNo: '0001', pin: '246810' } as const;
export const demoOfficer: SignedInOfficer = { staffNo: '0001', maskedName: '王**', roles: ['officer', 'approver'] };
/** Wrong PINs allowed before the account locks, and for how long (like core). */
export const SIGN_IN_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
/** What the fake's "today" is for birth dates in typed numbers. */
const fakeToday = new Date('2024-05-01T09:30:00+08:00');

export interface FakeKiosk {
  api: KioskApi;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Makes the next `app.info` calls fail with this error (undefined: answer normally again). */
  failAppInfo(error: KioskError | undefined): void;
  /** Every contract call made, in order (channel and validated input). */
  calls: { channel: Channel; input: unknown }[];
  callsTo(channel: Channel): unknown[];
  /** What the next `identity.wedge` answers; a KioskError makes it fail. */
  answerWedge(answer: WedgeAnswer | KioskError): void;
  setReaderStatus(status: ReaderStatus): void;
  /** Makes the next `identity.manual` calls fail with this error (undefined: answer normally again). */
  failManual(error: KioskError | undefined): void;
  /** Who core thinks is signed in. */
  officer(): SignedInOfficer | null;
  /** Core signs the officer out by itself (its own idle timeout), pushing `staff.session` with no officer. */
  expireStaffSession(): void;
  /** What `sync.status` answers from now on (no push: for the state before the screen first asks). */
  setSyncState(state: SyncState): void;
  /** Core's sync state changed: `sync.status` answers it from now on, and it is pushed as the `sync.status` event. */
  pushSyncState(state: SyncState): void;
  /** What `sync.status` answers now. */
  syncState(): SyncState;
  /** Pushes a printer state (`printer.status` answers it from now on). */
  pushPrinterStatus(status: PrinterStatus): void;
  /** Sets `printer.status` without a push (for the state before the screen first asks). */
  setPrinterStatus(status: PrinterStatus): void;
  /** Replaces the print journal (counts follow it; no push: for the journal before the screen first asks). */
  seedPrintJobs(jobs: readonly PrintJob[]): void;
  /** The print journal now, oldest first. */
  printJobs(): PrintJob[];
  /** The printer loop moved a job on (sent, done, failed): the journal changes and `printer.status` is pushed. */
  updatePrintJob(jobId: number, change: Partial<Pick<PrintJob, 'state' | 'reason' | 'mayHavePrinted'>>): void;
  /** Makes the next calls to one staff printer channel fail with this error (undefined: answer normally again). */
  failPrinterCall(channel: PrinterJournalChannel, error: KioskError | undefined): void;
  /** What the next `code.verify` calls answer. */
  answerVerify(result: CheckpointResult): void;
  /** Makes the next calls to one application channel fail with this error (undefined: answer normally again). */
  failApplicationCall(channel: ApplicationChannel | 'policy.current', error: KioskError | undefined): void;
  /** Every application submitted, oldest first, as core holds it now. */
  applications(): ResidentApplication[];
  /** Whether core still holds the identity behind a read (identity.clear forgets every one). */
  holdsIdentity(readId: string): boolean;
  /** The staff console's half of core: the approval queue, officers, the SLA board, proxies (fake-approvals.ts). */
  desk: FakeDesk;
}

/** The staff-only printer channels: the journal and what staff do with it. */
export type PrinterJournalChannel = 'printer.jobs' | 'printer.reprint' | 'printer.dismiss' | 'printer.preview';

export const readyPrinter: PrinterStatus = { state: 'ready', checkedAt: '2024-05-01T09:29:00+08:00', failedJobs: 0, pendingJobs: 0 };

/** A printed paper code; override what a test needs. */
export function printJob(fields: Partial<PrintJob> & Pick<PrintJob, 'id'>): PrintJob {
  return {
    template: 'paper-code',
    label: `8YEJ-WFTD-HTB${fields.id}`,
    state: 'done',
    reason: null,
    reprintNumber: 0,
    reprintOf: null,
    mayHavePrinted: true,
    resolved: false,
    createdAt: '2024-05-01T09:00:00+08:00',
    updatedAt: '2024-05-01T09:00:00+08:00',
    ...fields,
  };
}

/** The chain a job belongs to: the first print and every reprint of it (or of its reprints). */
function chainOf(jobs: readonly PrintJob[], job: PrintJob): PrintJob[] {
  let root = job;
  while (root.reprintOf !== null) root = jobs.find((other) => other.id === root.reprintOf) ?? { ...root, reprintOf: null };
  const chain = [root];
  for (let i = 0; i < chain.length; i += 1) chain.push(...jobs.filter((other) => other.reprintOf === chain[i]?.id));
  return chain;
}

/**
 * Core's reprint number (electron/core/printing/journal.ts): one more than the highest number in the chain that is on
 * paper or may still reach it; 0 when nothing of the chain may have printed (then it is a plain print, not a 补打).
 */
function nextReprintNumber(jobs: readonly PrintJob[], job: PrintJob): number {
  const onPaper = chainOf(jobs, job).filter((other) => !(other.state === 'failed' && !other.mayHavePrinted));
  return onPaper.length === 0 ? 0 : Math.max(...onPaper.map((other) => other.reprintNumber)) + 1;
}

export const readyReader: ReaderStatus = { state: 'ready', kind: 'emulator', cardPresent: false, lastError: null };

/** A province link that works, nothing waiting, nothing refused. */
export const connectedSync: SyncState = {
  connection: 'connected',
  queueLength: 0,
  oldestWaitingAt: null,
  lastSuccessAt: '2024-05-01T09:29:55+08:00',
  lastFailureAt: null,
  failed: 0,
};

export function createFakeKiosk(info: Partial<AppInfo> = {}, now = '2024-05-01T09:30:00+08:00'): FakeKiosk {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeKiosk['calls'] = [];
  let appInfoError: KioskError | undefined;
  let manualError: KioskError | undefined;
  let wedge: WedgeAnswer | KioskError = { valid: true, identity: { ...testIdentity, source: 'wedge', maskedName: null, photo: null } };
  let reader = readyReader;
  let fault: ReaderFault = 'none';
  let officer: SignedInOfficer | null = null;
  let wrongPins = 0;
  let readCount = 0;
  let sync = connectedSync;
  let printer = readyPrinter;
  let jobs: PrintJob[] = [];
  const printerErrors = new Map<PrinterJournalChannel, KioskError>();
  let verifyAnswer: CheckpointResult = { valid: false, reason: 'format' };
  /** Like core's current identity: reads it holds (by readId) until identity.clear; the person is the masked number. */
  const held = new Map<string, MaskedIdentity>();
  const hold = (identity: MaskedIdentity) => void held.set(identity.readId, { ...identity });
  /** Applications with the person they belong to and the print jobs made for them. */
  const desk: { application: ResidentApplication; person: string; jobIds: number[] }[] = [];
  const applicationErrors = new Map<ApplicationChannel | 'policy.current', KioskError>();
  const staffOnly = () => {
    if (!officer) throw new KioskError('forbidden', 'errors.staffOnly');
  };
  /** Staff-only journal calls: refused without an officer, or failed on purpose by a test. */
  const journalCall = (channel: PrinterJournalChannel) => {
    staffOnly();
    const error = printerErrors.get(channel);
    if (error) throw error;
  };
  const findJob = (jobId: number) => {
    const job = jobs.find((candidate) => candidate.id === jobId);
    if (!job) throw new KioskError('not-found', 'errors.notFound');
    return job;
  };
  const replaceJob = (next: PrintJob) => {
    jobs = jobs.map((job) => (job.id === next.id ? next : job));
  };
  /** Like core: the counts in the printer status always follow the journal, and every change is pushed. */
  const journalChanged = (push: boolean) => {
    printer = {
      ...printer,
      failedJobs: jobs.filter((job) => job.state === 'failed' && !job.resolved).length,
      pendingJobs: jobs.filter((job) => job.state === 'queued' || job.state === 'sent').length,
    };
    if (push) emit('printer.status', { ...printer });
  };
  const pushSync = (next: SyncState) => {
    sync = next;
    emit('sync.status', { ...sync });
  };
  const setOfficer = (next: SignedInOfficer | null) => {
    officer = next;
    emit('staff.session', { officer });
  };
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    // A card read reaches core before the screen: core holds it from then on.
    if (event === 'card.read') hold(payload as MaskedIdentity);
    listeners.get(event)?.forEach((listener) => listener(payload));
  };
  /** An application call: failed on purpose by a test, or refused when core no longer holds the read (cleared). */
  const deskCall = (channel: ApplicationChannel | 'policy.current', readId?: string) => {
    const error = applicationErrors.get(channel);
    if (error) throw error;
    if (readId === undefined) return undefined;
    const identity = held.get(readId);
    if (!identity) throw new KioskError('not-found', 'errors.notFound');
    return identity;
  };
  const provinceOnline = () => sync.connection !== 'offline';
  const printable = () => printer.state === 'ready' || printer.state === 'paper-near-end';
  const isIssued = (application: ResidentApplication) => ['GREEN', 'YELLOW', 'RED'].includes(application.status);
  /** Like core: one active application per person (expiry and revocation never happen within a test). */
  const activeFor = (person: string) => desk.find((entry) => entry.person === person);
  const entryFor = (readId: string, applicationId: string) => {
    const entry = desk.find((candidate) => candidate.application.applicationId === applicationId);
    if (!entry) throw new KioskError('not-found', 'errors.notFound');
    if (entry.person !== held.get(readId)?.maskedNumber) throw new KioskError('forbidden', 'errors.forbidden');
    return entry;
  };
  /** A new job in the journal (queued, like core hands it to the printer loop); null when the printer cannot print. */
  const enqueuePrint = (template: PrintJob['template'], label: string, reprintOf: PrintJob | null) => {
    if (!printable()) return null;
    const job = printJob({
      id: Math.max(0, ...jobs.map((other) => other.id)) + 1,
      template,
      label,
      state: 'queued',
      reprintNumber: reprintOf === null ? 0 : nextReprintNumber(jobs, reprintOf),
      reprintOf: reprintOf?.id ?? null,
      mayHavePrinted: false,
      createdAt: now,
      updatedAt: now,
    });
    jobs.push(job);
    journalChanged(true);
    return { ...job };
  };
  const fakeHumanId = (serial: number) => `8YEJ-WFTD-H${String(serial).padStart(3, '0')}`;
  const ok = { ok: true } as const;
  // The emulated reader answers a tap after the call returns, like the real one (a read takes a moment).
  const later = (action: () => void) => void Promise.resolve().then(action);

  const demoOnly = () => {
    if (!{ ...testInfo, ...info }.demo) throw new KioskError('forbidden', 'errors.demoOnly');
  };

  const approvals = createFakeDesk({
    now,
    policy: fakePolicy,
    officer: () => officer,
    setOfficer: (next) => setOfficer(next),
    held,
    emit: (event, payload) => emit(event, payload),
    enqueuePrint: (template, label) => enqueuePrint(template, label, null),
    today: fakeToday,
  });

  const dispatch = createDispatcher({
    ...approvals.handlers,
    'app.info': () => {
      if (appInfoError) throw appInfoError;
      return { ...testInfo, ...info };
    },
    'system.health': () => ({ schemaVersion: 1, integrity: 'ok', now }),
    'reader.status': () => reader,
    'sync.status': () => ({ ...sync }),
    'identity.wedge': () => {
      if (wedge instanceof KioskError) throw wedge;
      if (wedge.valid) hold(wedge.identity);
      return wedge;
    },
    'identity.manual': ({ typed }) => {
      if (manualError) throw manualError;
      if (!officer) throw new KioskError('forbidden', 'errors.staffOnly');
      const parsed = parseDocumentNumber(typed, fakeToday);
      if (!parsed.valid) return { valid: false, reason: parsed.reason };
      readCount += 1;
      const identity: MaskedIdentity = {
        readId: `manual-${String(readCount).padStart(4, '0')}-test`,
        source: 'manual',
        documentType: parsed.type,
        maskedName: null,
        maskedNumber: maskIdNumber(parsed.canonical),
        photo: null,
        validTo: null,
        expired: false,
      };
      hold(identity);
      return { valid: true, identity };
    },
    'identity.clear': () => {
      held.clear();
      return ok;
    },
    'staff.signIn': ({ staffNo, pin }) => {
      if (wrongPins >= SIGN_IN_ATTEMPTS) throw new KioskError('forbidden', 'errors.signInLocked', { minutes: LOCK_MINUTES });
      // Like core: an unknown staff number gets the same answer as a wrong PIN, but nothing is counted or locked.
      const failed = new KioskError('unauthorized', 'errors.signInFailed', { attempts: SIGN_IN_ATTEMPTS, minutes: LOCK_MINUTES });
      const account = staffAccounts[staffNo];
      if (!account) throw failed;
      if (pin !== account.pin) {
        wrongPins += 1;
        if (wrongPins >= SIGN_IN_ATTEMPTS) throw new KioskError('forbidden', 'errors.signInLocked', { minutes: LOCK_MINUTES });
        throw failed;
      }
      wrongPins = 0;
      setOfficer(staffNo === demoStaff.staffNo ? { ...demoOfficer } : { ...account.officer, roles: [...account.officer.roles] });
      return { officer };
    },
    'staff.signOut': () => {
      setOfficer(null);
      return { officer };
    },
    'staff.session': () => ({ officer }),
    'printer.status': () => ({ ...printer }),
    'printer.jobs': ({ limit }) => {
      journalCall('printer.jobs');
      return [...jobs]
        .sort((a, b) => b.id - a.id)
        .slice(0, limit)
        .map((job) => ({ ...job }));
    },
    'printer.reprint': ({ jobId }) => {
      journalCall('printer.reprint');
      const job = findJob(jobId);
      // Like core: a job still on its way cannot be reprinted, nor a failed one staff already dealt with (double tap).
      if (job.state === 'queued' || job.state === 'sent' || job.resolved) throw new KioskError('conflict', 'errors.conflict');
      const reprintNumber = nextReprintNumber(jobs, job);
      if (job.state === 'failed') replaceJob({ ...job, resolved: true, updatedAt: now });
      const created = printJob({
        id: Math.max(...jobs.map((other) => other.id)) + 1,
        template: job.template,
        label: job.label,
        state: 'queued',
        reprintNumber,
        reprintOf: job.id,
        mayHavePrinted: false,
        createdAt: now,
        updatedAt: now,
      });
      jobs.push(created);
      journalChanged(true);
      return { ...created };
    },
    'printer.dismiss': ({ jobId }) => {
      journalCall('printer.dismiss');
      const job = findJob(jobId);
      if (job.state !== 'failed' || job.resolved) throw new KioskError('conflict', 'errors.conflict');
      const dismissed = { ...job, resolved: true, updatedAt: now };
      replaceJob(dismissed);
      journalChanged(true);
      return { ...dismissed };
    },
    'printer.preview': ({ jobId }) => {
      journalCall('printer.preview');
      const job = findJob(jobId);
      // Characters that must be escaped in XML and in a URL, so a test sees the screen encode them.
      const mark = job.reprintNumber > 0 ? `补打 ${job.reprintNumber}` : '';
      return {
        svg: `<svg xmlns="http://www.w3.org/2000/svg" width="384" height="60"><text x="0" y="24">${job.label} &amp; #${job.id} ${mark}</text></svg>`,
      };
    },
    'code.verify': () => ({ ...verifyAnswer }),
    'policy.current': () => {
      deskCall('policy.current');
      return fakePolicy;
    },
    'application.begin': ({ readId }) => {
      const identity = deskCall('application.begin', readId)!;
      const existing = activeFor(identity.maskedNumber);
      return {
        policyId: fakePolicy.id,
        askAnswers: answersAsked(fakePolicy),
        existing: existing ? { ...existing.application, fresh: provinceOnline() } : null,
      };
    },
    'application.submit': ({ readId, declaration, answers }) => {
      const identity = deskCall('application.submit', readId)!;
      if (activeFor(identity.maskedNumber)) throw new KioskError('conflict', 'errors.conflict');
      // Core's own rules engine on the fake policy: the citations are the policy's ids and sentences.
      const evaluation = evaluate(fakePolicy, {
        channel: 'offline',
        declaration,
        proxy: null,
        documentType: identity.documentType,
        birthDate: null,
        at: new Date(now),
        proxyApplicationsToday: 0,
        answers,
      });
      if (evaluation.outcome === 'refused') return { outcome: 'refused' as const, citations: evaluation.citations };
      const serial = desk.length + 1;
      const online = provinceOnline();
      const issued = online && evaluation.outcome === 'eligible';
      const application: ResidentApplication = {
        applicationId: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
        ref: `QD-20240501-${String(serial).padStart(4, '0')}`,
        // Offline: not at the province yet (QUEUED); online: green at once, or under review.
        status: !online ? 'QUEUED' : issued ? 'GREEN' : 'PENDING',
        statusAsOf: online ? now : null,
        fresh: true,
        reviewDueAt: online && !issued ? '2024-05-01T15:30:00+08:00' : null,
        validUntil: issued ? '2024-05-15T09:30:00+08:00' : null,
        humanId: issued ? fakeHumanId(serial) : null,
        maskedName: identity.maskedName,
        maskedNumber: identity.maskedNumber,
        submittedAt: now,
        proxyMaskedName: null,
        citations: evaluation.citations,
      };
      const job = issued ? enqueuePrint('paper-code', application.humanId!, null) : enqueuePrint('receipt', application.ref, null);
      desk.push({ application, person: identity.maskedNumber, jobIds: job ? [job.id] : [] });
      return {
        outcome: 'submitted' as const,
        application: { ...application },
        printed: job === null ? ('none' as const) : issued ? ('paper-code' as const) : ('receipt' as const),
        printJob: job,
      };
    },
    'application.status': ({ readId }) => {
      const identity = deskCall('application.status', readId)!;
      const entry = activeFor(identity.maskedNumber);
      return entry ? { ...entry.application, fresh: provinceOnline() } : null;
    },
    'application.reprint': ({ readId, applicationId }) => {
      deskCall('application.reprint', readId);
      const entry = entryFor(readId, applicationId);
      // Like core: the last slip of the application again (the code once there is one, else the receipt), 补打 n.
      const last = jobs.find((job) => job.id === entry.jobIds.at(-1));
      const template = isIssued(entry.application) ? 'paper-code' : 'receipt';
      const label = entry.application.humanId ?? entry.application.ref;
      const job = enqueuePrint(template, label, last?.template === template ? last : null);
      if (job) entry.jobIds.push(job.id);
      return { application: { ...entry.application }, printJob: job, queued: false };
    },
    'application.reportLoss': ({ readId, applicationId }) => {
      deskCall('application.reportLoss', readId);
      const entry = entryFor(readId, applicationId);
      // The province revokes the old code and issues a new one; offline, the report waits in the queue.
      if (!provinceOnline()) return { application: { ...entry.application, fresh: false }, printJob: null, queued: true };
      if (!isIssued(entry.application)) return { application: { ...entry.application }, printJob: null, queued: false };
      entry.application = { ...entry.application, humanId: fakeHumanId(100 + desk.indexOf(entry) + entry.jobIds.length), statusAsOf: now };
      const job = enqueuePrint('paper-code', entry.application.humanId!, null);
      if (job) entry.jobIds.push(job.id);
      return { application: { ...entry.application }, printJob: job, queued: false };
    },
    'demo.staff': () => {
      demoOnly();
      return { ...demoStaff };
    },
    'demo.province': ({ online }) => {
      demoOnly();
      // Core notices a little later (its next contact), and pushes the new state then.
      later(() => pushSync({ ...sync, connection: online ? 'connected' : 'offline' }));
      return ok;
    },
    'demo.cards': () => demoCards.map((card) => ({ ...card })),
    'demo.tapCard': ({ cardId }) => {
      if (!demoCards.some((card) => card.id === cardId)) throw new KioskError('not-found', 'errors.notFound');
      later(() =>
        fault === 'remove-mid-read' ? emit('card.problem', { problem: 'removed-early' }) : emit('card.read', { ...testIdentity }),
      );
      return ok;
    },
    'demo.removeCard': () => {
      later(() => emit('card.removed', {}));
      return ok;
    },
    'demo.fault': ({ fault: next }) => {
      fault = next;
      return ok;
    },
  });
  const transport: Transport = {
    invoke: (channel, input) => {
      calls.push({ channel: channel as Channel, input });
      return dispatch(channel, input, { transport: 'ipc' });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return {
    api: createBridge(transport),
    emit,
    failAppInfo: (error) => {
      appInfoError = error;
    },
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
    answerWedge: (answer) => {
      wedge = answer;
    },
    setReaderStatus: (status) => {
      reader = status;
    },
    failManual: (error) => {
      manualError = error;
    },
    officer: () => officer,
    expireStaffSession: () => setOfficer(null),
    setSyncState: (state) => {
      sync = state;
    },
    pushSyncState: pushSync,
    syncState: () => sync,
    pushPrinterStatus: (status) => {
      printer = status;
      emit('printer.status', { ...status });
    },
    setPrinterStatus: (status) => {
      printer = status;
    },
    seedPrintJobs: (seeded) => {
      jobs = seeded.map((job) => ({ ...job }));
      journalChanged(false);
    },
    printJobs: () => jobs.map((job) => ({ ...job })),
    updatePrintJob: (jobId, change) => {
      replaceJob({ ...findJob(jobId), ...change, updatedAt: now });
      journalChanged(true);
    },
    failPrinterCall: (channel, error) => {
      if (error) printerErrors.set(channel, error);
      else printerErrors.delete(channel);
    },
    failApplicationCall: (channel, error) => {
      if (error) applicationErrors.set(channel, error);
      else applicationErrors.delete(channel);
    },
    applications: () => desk.map((entry) => ({ ...entry.application })),
    holdsIdentity: (readId) => held.has(readId),
    desk: approvals,
    answerVerify: (result) => {
      verifyAnswer = result;
    },
  };
}
