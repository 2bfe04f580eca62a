// The fake core's staff console half: the approval queue (scopes, overdue first, decisions, reassignment, the timeout
// notice), the officers and their duty, the SLA board, the proxy wizard (family, staff, batch CSV) and card sign-in;
// who may call what follows electron/core/staff/access.ts. Every answer is built from the contract's own schemas.
import { KioskError } from '../../electron/core/errors.js';
import { checkAccess } from '../../electron/core/staff/access.js';
import { batchColumns } from '../../electron/core/proxy/schema.js';
import { parseDocumentNumber } from '../../electron/core/identity/document-number.js';
import type { MaskedIdentity } from '../../electron/core/identity/schema.js';
import { maskIdNumber, maskName } from '../../electron/core/privacy/mask.js';
import { evaluate } from '../../electron/core/policy/evaluate.js';
import type { Policy } from '../../electron/core/policy/schema.js';
import type { PrintJob } from '../../electron/core/printing/schema.js';
import type { ResidentApplication } from '../../electron/core/resident/schema.js';
import type { SignedInOfficer } from '../../electron/core/staff/schema.js';
import type { OfficerView, QueueItem, ReviewDetail, ReviewEvent, SlaBoard } from '../../electron/core/approvals/queue/schema.js';
import type { BatchProblem, BatchReport } from '../../electron/core/proxy/schema.js';
import type { ChannelOutput, EventName, EventPayload } from '../../electron/ipc/contract.js';
import type { Handlers } from '../../electron/ipc/dispatch.js';

/** The staff accounts of the fake hall: the demo officer (0001) and one of each other role, each with a PIN. */
export const staffAccounts: Record<string, { pin: string; officer: SignedInOfficer }> = {
  '0001': { pin: '246810', officer: { staffNo: '0001', maskedName: '王**', roles: ['officer', 'approver'] } },
  '0002': { pin: '112233', officer: { staffNo: '0002', maskedName: '李*', roles: ['approver'] } },
  '0003': { pin: '135790', officer: { staffNo: '0003', maskedName: '赵**', roles: ['community-head', 'approver'] } },
  '0004': { pin: '864200', officer: { staffNo: '0004', maskedName: '陈*', roles: ['admin'] } },
};

/** A staff ID card registered for tap sign-in (the demo officer's): what `card.read` carries when it is tapped. */
export const staffCard: MaskedIdentity = {
  readId: 'read-staff-0001-test',
  source: 'card',
  documentType: 'resident',
  maskedName: '王**',
  maskedNumber: '37**************13',
  photo: null,
  validTo: '2035-01-01',
  expired: false,
};

/** A second resident card (the subject of a family proxy, the proxy being the test identity). */
export const subjectCard: MaskedIdentity = {
  readId: 'read-0002-test',
  source: 'card',
  documentType: 'resident',
  maskedName: '张*',
  maskedNumber: '11**************21',
  photo: null,
  validTo: '2031-01-01',
  expired: false,
};

const officerRef = (staffNo: string) => ({ staffNo, maskedName: staffAccounts[staffNo]?.officer.maskedName ?? '**' });

/** A queue item: an open kiosk application assigned to the demo officer, due at 15:30; override what a test needs. */
export function queueItem(fields: Partial<QueueItem> & Pick<QueueItem, 'applicationId' | 'ref'>): QueueItem {
  return {
    maskedName: '张*丰',
    maskedNumber: '11**************2X',
    source: 'kiosk',
    basis: 'working',
    state: 'open',
    submittedAt: '2024-05-01T09:30:00+08:00',
    dueAt: '2024-05-01T15:30:00+08:00',
    warnAt: ['2024-05-01T12:30:00+08:00', '2024-05-01T15:06:00+08:00'],
    autoDefaultAt: '2024-05-02T18:00:00+08:00',
    level: 'ok',
    remainingMs: 6 * 3_600_000,
    ticking: true,
    assignedTo: officerRef('0001'),
    escalatedTo: null,
    ...fields,
  };
}

/** The application id of the n-th fake queue item. */
export const itemId = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;

type ApprovalChannel =
  | 'staff.cardSignIn'
  | 'queue.list'
  | 'queue.detail'
  | 'queue.decide'
  | 'queue.reassign'
  | 'queue.printNotice'
  | 'officers.list'
  | 'officers.add'
  | 'officers.duty'
  | 'sla.board'
  | 'sla.exported'
  | 'proxy.holdProxy'
  | 'proxy.family'
  | 'proxy.staff'
  | 'proxy.batchCheck'
  | 'proxy.batchImport';

export interface FakeDeskDeps {
  now: string;
  policy: Policy;
  officer: () => SignedInOfficer | null;
  setOfficer: (officer: SignedInOfficer) => void;
  held: ReadonlyMap<string, MaskedIdentity>;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  enqueuePrint: (template: PrintJob['template'], label: string) => PrintJob | null;
  today: Date;
}

export interface FakeDesk {
  handlers: Pick<Handlers, ApprovalChannel>;
  /** Replaces the queue (no push): items in any order; core's order is applied when listed. */
  seedQueue(items: readonly QueueItem[]): void;
  /** The queue now, as core holds it. */
  queue(): QueueItem[];
  /** Changes one item and pushes `queue.changed`, like an SLA step firing in core. */
  updateItem(applicationId: string, change: Partial<QueueItem>): void;
  /** What `sla.board` answers (undefined: a board made up from the range asked). */
  setBoard(board: SlaBoard | undefined): void;
  /** Makes the next calls to one staff console channel fail with this error (undefined: answer normally again). */
  failCall(channel: ApprovalChannel, error: KioskError | undefined): void;
  officers(): OfficerView[];
}

const bool = (text: string) => (/^(yes|true|1|是)$/i.test(text) ? true : /^(no|false|0|否)$/i.test(text) ? false : undefined);

export function createFakeDesk(deps: FakeDeskDeps): FakeDesk {
  let items: QueueItem[] = [];
  const details = new Map<string, ReviewDetail>();
  const errors = new Map<ApprovalChannel, KioskError>();
  let board: SlaBoard | undefined;
  const proxies = new Map<string, MaskedIdentity>();
  let serial = 0;
  const duty = new Map<string, Pick<OfficerView, 'onDuty' | 'awayUntil' | 'delegateTo' | 'backup'>>(
    Object.keys(staffAccounts).map((staffNo) => [staffNo, { onDuty: true, awayUntil: null, delegateTo: null, backup: null }]),
  );

  /** Core's own access check, then a failure a test asked for. */
  const guard = (channel: ApprovalChannel) => {
    checkAccess(channel, { officer: deps.officer() ?? undefined, demo: true });
    const error = errors.get(channel);
    if (error) throw error;
    return deps.officer()!;
  };
  const find = (applicationId: string) => {
    const item = items.find((candidate) => candidate.applicationId === applicationId);
    if (!item) throw new KioskError('not-found', 'errors.notFound');
    return item;
  };
  const replace = (next: QueueItem) => {
    items = items.map((item) => (item.applicationId === next.applicationId ? next : item));
  };
  const changed = () => deps.emit('queue.changed', {});
  const detailOf = (item: QueueItem): ReviewDetail => {
    const stored = details.get(item.applicationId);
    const open = item.state === 'open' || item.state === 'info-requested';
    const base: ReviewDetail = stored ?? {
      item,
      declaration: {
        temperatureC: 37.6,
        fever: true,
        coughOrOtherSymptoms: false,
        travelOutsideProvince14d: false,
        contactWithCase14d: false,
        purpose: 'work',
        phoneGiven: false,
        commitment: true,
      },
      answers: {},
      citations: deps.policy.rules.slice(0, 1).map((rule) => ({ ruleId: rule.id, effect: rule.effect, sentence: rule.sentence })),
      policyId: deps.policy.id,
      refusableRules: deps.policy.rules.map(({ id, effect, sentence }) => ({ id, effect, sentence })),
      proxy:
        item.source === 'kiosk' ? null : { kind: item.source, maskedName: '李*', relationship: item.source === 'family' ? 'child' : null },
      history: [{ kind: 'assigned', at: item.submittedAt, officer: item.assignedTo, detail: null }],
    };
    return { ...base, item, declaration: open ? base.declaration : null, answers: open ? base.answers : null };
  };
  const record = (item: QueueItem, event: ReviewEvent) => {
    const detail = detailOf(item);
    details.set(item.applicationId, { ...detail, history: [...detail.history, event] });
  };
  /** Officers an admin enrolled in this fake (by card: no PIN yet, so they cannot sign in here). */
  const enrolled: OfficerView[] = [];
  const officersNow = (): OfficerView[] => [
    ...Object.values(staffAccounts).map(({ officer }) => ({
      staffNo: officer.staffNo,
      maskedName: officer.maskedName,
      roles: [...officer.roles],
      active: true,
      ...duty.get(officer.staffNo)!,
      load: items.filter(
        (item) => item.assignedTo?.staffNo === officer.staffNo && (item.state === 'open' || item.state === 'info-requested'),
      ).length,
      hasCard: officer.staffNo === '0001',
    })),
    ...enrolled,
  ];
  const madeUpBoard = (from: string, to: string): SlaBoard => {
    const days: SlaBoard['days'] = [];
    for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
      const n = day.getUTCDate();
      days.push({ day: day.toISOString().slice(0, 10), decided: n % 5, onTime: Math.max(0, (n % 5) - (n % 2)), breaches: n % 2 });
    }
    const decided = days.reduce((sum, day) => sum + day.decided, 0);
    const onTime = days.reduce((sum, day) => sum + day.onTime, 0);
    const breaches = days.reduce((sum, day) => sum + day.breaches, 0);
    const row = {
      decided,
      onTime,
      onTimeRate: decided ? onTime / decided : null,
      medianMinutes: 95,
      p90Minutes: 310,
      breaches,
      autoDefaults: 0,
      load: items.length,
    };
    return { from, to, officers: [{ officer: officerRef('0001'), ...row }], days, totals: row, asOf: deps.now };
  };
  /** The subject of a proxy application: a card read core holds, or a typed number and name (core's own number rules). */
  const subjectOf = (subject: { readId: string } | { typed: string; name: string }) => {
    if ('readId' in subject) {
      const identity = deps.held.get(subject.readId);
      if (!identity) throw new KioskError('not-found', 'errors.notFound');
      return identity;
    }
    const parsed = parseDocumentNumber(subject.typed, deps.today);
    if (!parsed.valid) throw new KioskError('invalid-input', 'errors.invalidInput');
    return { documentType: parsed.type, maskedName: maskName(subject.name), maskedNumber: maskIdNumber(parsed.canonical) };
  };
  const submitProxy = (
    subject: Pick<MaskedIdentity, 'documentType' | 'maskedName' | 'maskedNumber'>,
    proxy: Parameters<typeof evaluate>[1]['proxy'],
    proxyMaskedName: string | null,
    declaration: Parameters<typeof evaluate>[1]['declaration'],
    answers: Parameters<typeof evaluate>[1]['answers'],
  ): ChannelOutput<'proxy.family'> => {
    const evaluation = evaluate(deps.policy, {
      channel: 'offline',
      declaration,
      proxy,
      documentType: subject.documentType,
      birthDate: null,
      at: new Date(deps.now),
      proxyApplicationsToday: 0,
      answers,
    });
    if (evaluation.outcome === 'refused') return { outcome: 'refused', citations: evaluation.citations };
    serial += 1;
    const issued = evaluation.outcome === 'eligible';
    const application: ResidentApplication = {
      applicationId: `00000000-0000-4000-b000-${String(serial).padStart(12, '0')}`,
      ref: `QD-20240501-P${String(serial).padStart(3, '0')}`,
      status: issued ? 'GREEN' : 'PENDING',
      statusAsOf: deps.now,
      fresh: true,
      reviewDueAt: issued ? null : '2024-05-01T15:30:00+08:00',
      validUntil: issued ? '2024-05-15T09:30:00+08:00' : null,
      humanId: issued ? `8YEJ-PRXY-H${String(serial).padStart(3, '0')}` : null,
      maskedName: subject.maskedName,
      maskedNumber: subject.maskedNumber,
      submittedAt: deps.now,
      proxyMaskedName,
      citations: evaluation.citations,
    };
    const printJob = issued ? deps.enqueuePrint('paper-code', application.humanId!) : deps.enqueuePrint('receipt', application.ref);
    const proxySlipJob = deps.enqueuePrint('proxy-slip', application.ref);
    return { outcome: 'submitted', application, printJob, proxySlipJob };
  };
  /** Reads the care home's CSV like core: the header, then each line's fields; every problem with its line and column. */
  const checkBatch = (csv: string): { rows: number; problems: BatchProblem[] } => {
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const problems: BatchProblem[] = [];
    const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
    const absent = batchColumns.find((column) => !header.includes(column));
    if (absent)
      return { rows: 0, problems: [{ line: 1, column: absent, reason: 'errors.batchHeaderMissing', params: { column: absent } }] };
    let rows = 0;
    lines.slice(1).forEach((line, index) => {
      if (line.trim() === '') return;
      rows += 1;
      const at = index + 2;
      const cells = line.split(',').map((cell) => cell.trim());
      const field = (column: (typeof batchColumns)[number]) => cells[header.indexOf(column)] ?? '';
      const bad = (column: string, reason: string, params?: Record<string, string | number>) =>
        problems.push({ line: at, column, reason, ...(params ? { params } : {}) });
      const number = parseDocumentNumber(field('idNumber'), deps.today);
      if (!number.valid) bad('idNumber', 'errors.numberInvalid', { reason: number.reason });
      if (field('name') === '') bad('name', 'errors.batchNameInvalid', { max: 60 });
      const temperature = field('temperatureC');
      if (temperature !== '' && !(Number(temperature) >= 34 && Number(temperature) <= 43))
        bad('temperatureC', 'errors.batchTemperature', { min: 34, max: 43 });
      for (const column of ['fever', 'coughOrOtherSymptoms', 'travelOutsideProvince14d', 'contactWithCase14d'] as const) {
        if (bool(field(column)) === undefined) bad(column, 'errors.batchBoolean');
      }
      if (!['work', 'school', 'family', 'medical', 'other'].includes(field('purpose'))) {
        bad('purpose', 'errors.batchPurpose', { allowed: 'work, school, family, medical, other' });
      }
      if (field('phone') !== '' && !/^1\d{10}$/.test(field('phone'))) bad('phone', 'errors.batchPhone');
    });
    return { rows, problems };
  };

  const handlers: FakeDesk['handlers'] = {
    'staff.cardSignIn': ({ readId, pin }) => {
      const identity = deps.held.get(readId);
      // Like core: a card that is not a registered staff card gets the same answer as a wrong PIN.
      const account = identity?.maskedNumber === staffCard.maskedNumber ? staffAccounts['0001'] : undefined;
      if (!account || account.pin !== pin) throw new KioskError('unauthorized', 'errors.signInFailed', { attempts: 5, minutes: 15 });
      deps.setOfficer({ ...account.officer });
      return { officer: { ...account.officer } };
    },
    'queue.list': ({ scope, page, pageSize }) => {
      const me = guard('queue.list').staffNo;
      const open = items.filter((item) => item.state === 'open' || item.state === 'info-requested' || item.state === 'auto-defaulted');
      const chosen = open.filter((item) =>
        scope === 'team'
          ? true
          : scope === 'overdue'
            ? item.level === 'overdue'
            : item.assignedTo?.staffNo === me || item.escalatedTo?.staffNo === me,
      );
      // Core's order: overdue first, then by deadline (oldest first).
      const sorted = [...chosen].sort(
        (a, b) => Number(b.level === 'overdue') - Number(a.level === 'overdue') || Date.parse(a.dueAt) - Date.parse(b.dueAt),
      );
      return { items: sorted.slice(page * pageSize, (page + 1) * pageSize), total: sorted.length, asOf: deps.now };
    },
    'queue.detail': ({ applicationId }) => {
      guard('queue.detail');
      return detailOf(find(applicationId));
    },
    'queue.decide': ({ applicationId, decision, ruleId }) => {
      const me = guard('queue.decide');
      const item = find(applicationId);
      if (item.state === 'decided' || item.state === 'auto-defaulted') throw new KioskError('conflict', 'errors.conflict');
      const detail = detailOf(item);
      if (decision === 'refuse' && !detail.refusableRules.some((rule) => rule.id === ruleId)) {
        throw new KioskError('invalid-input', 'errors.invalidInput');
      }
      const next: QueueItem = { ...item, state: decision === 'ask-info' ? 'info-requested' : 'decided' };
      replace(next);
      record(next, {
        kind: decision === 'ask-info' ? 'info-requested' : 'decided',
        at: deps.now,
        officer: { staffNo: me.staffNo, maskedName: me.maskedName },
        detail: decision === 'ask-info' ? null : decision,
      });
      changed();
      return detailOf(next);
    },
    'queue.reassign': ({ applicationId, toStaffNo }) => {
      guard('queue.reassign');
      const item = find(applicationId);
      const to = staffAccounts[toStaffNo];
      if (!to || !to.officer.roles.includes('approver')) throw new KioskError('invalid-input', 'errors.invalidInput');
      const next = { ...item, assignedTo: officerRef(toStaffNo) };
      replace(next);
      record(next, { kind: 'reassigned', at: deps.now, officer: officerRef(toStaffNo), detail: null });
      changed();
      return next;
    },
    'queue.printNotice': ({ applicationId }) => {
      guard('queue.printNotice');
      const item = find(applicationId);
      if (item.state !== 'auto-defaulted') throw new KioskError('conflict', 'errors.conflict');
      const job = deps.enqueuePrint('timeout-notice', item.ref);
      if (!job) throw new KioskError('unavailable', 'errors.unavailable');
      return job;
    },
    'officers.list': () => {
      guard('officers.list');
      return officersNow();
    },
    'officers.add': ({ staffNo, roles, readId }) => {
      guard('officers.add');
      const card = deps.held.get(readId);
      if (!card) throw new KioskError('not-found', 'errors.cardNotRead');
      if (officersNow().some((officer) => officer.staffNo === staffNo)) {
        throw new KioskError('conflict', 'errors.officerExists', { staffNo });
      }
      const view: OfficerView = {
        staffNo,
        maskedName: card.maskedName ?? '*',
        roles: [...new Set(roles)],
        active: true,
        onDuty: true,
        awayUntil: null,
        delegateTo: null,
        backup: null,
        load: 0,
        hasCard: true,
      };
      enrolled.push(view);
      return view;
    },
    'officers.duty': ({ staffNo, ...change }) => {
      const me = guard('officers.duty');
      const manager = me.roles.includes('community-head') || me.roles.includes('admin');
      // Like core: one's own duty and delegation; another's, or a backup, only for a community head or admin.
      if ((staffNo !== me.staffNo || change.backup !== undefined) && !manager) {
        throw new KioskError('forbidden', 'errors.roleMissing', { role: 'community-head' });
      }
      const current = duty.get(staffNo);
      if (!current) throw new KioskError('not-found', 'errors.notFound');
      const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      duty.set(staffNo, { ...current, ...defined });
      return officersNow().find((officer) => officer.staffNo === staffNo)!;
    },
    'sla.board': ({ from, to }) => {
      guard('sla.board');
      if (from > to) throw new KioskError('invalid-input', 'errors.invalidInput');
      return board ? structuredClone(board) : madeUpBoard(from, to);
    },
    'sla.exported': () => {
      guard('sla.exported');
      return { ok: true as const };
    },
    'proxy.holdProxy': ({ readId }) => {
      guard('proxy.holdProxy');
      const identity = deps.held.get(readId);
      if (!identity) throw new KioskError('not-found', 'errors.notFound');
      const proxyReadId = `proxy-${readId}`;
      proxies.set(proxyReadId, identity);
      return { proxyReadId, identity: { ...identity } };
    },
    'proxy.family': ({ proxyReadId, relationship, subject, declaration, answers }) => {
      guard('proxy.family');
      const proxy = proxies.get(proxyReadId);
      if (!proxy) throw new KioskError('not-found', 'errors.notFound');
      if (!deps.policy.proxyLimits.familyRelationships.allowed.some((allowed) => allowed.code === relationship)) {
        throw new KioskError('invalid-input', 'errors.invalidInput');
      }
      return submitProxy(
        subjectOf(subject),
        { kind: 'family', proxyIdNumber: '110105194912310021', relationship, consent: true },
        proxy.maskedName,
        declaration,
        answers,
      );
    },
    'proxy.staff': ({ verification, subject, declaration, answers }) => {
      const me = guard('proxy.staff');
      return submitProxy(
        subjectOf(subject),
        { kind: 'staff', officerStaffNo: me.staffNo, verification, consent: true },
        me.maskedName,
        declaration,
        answers,
      );
    },
    'proxy.batchCheck': ({ csv }) => {
      guard('proxy.batchCheck');
      const { rows, problems } = checkBatch(csv);
      return { rows, problems, imported: 0, batchId: null, refs: [] };
    },
    'proxy.batchImport': ({ csv }): BatchReport => {
      guard('proxy.batchImport');
      const { rows, problems } = checkBatch(csv);
      if (problems.length > 0) return { rows, problems, imported: 0, batchId: null, refs: [] };
      const refs = Array.from({ length: rows }, (_, index) => `QD-20240501-B${String(index + 1).padStart(3, '0')}`);
      return { rows, problems, imported: rows, batchId: 'batch-0001', refs };
    },
  };

  return {
    handlers,
    seedQueue: (seeded) => {
      items = seeded.map((item) => ({ ...item }));
      details.clear();
    },
    queue: () => items.map((item) => ({ ...item })),
    updateItem: (applicationId, change) => {
      replace({ ...find(applicationId), ...change });
      changed();
    },
    setBoard: (next) => {
      board = next;
    },
    failCall: (channel, error) => {
      if (error) errors.set(channel, error);
      else errors.delete(channel);
    },
    officers: officersNow,
  };
}
