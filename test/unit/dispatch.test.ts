// The dispatcher: malformed input never reaches a handler; errors cross as envelopes with i18n keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KioskError } from '../../electron/core/errors.js';
import { channelNames } from '../../electron/ipc/contract.js';
import { createDispatcher, type Handlers } from '../../electron/ipc/dispatch.js';
import type { OfficerView, QueueItem, ReviewDetail } from '../../electron/core/approvals/queue/schema.js';
import { sampleInputs } from '../helpers/channel-samples.js';

const info = {
  version: '0.1.0',
  demo: true,
  hallName: '大厅',
  defaultLanguage: 'zh-CN',
  kioskMode: false,
  voice: true,
  idle: { timeoutSeconds: 60, warningSeconds: 30 },
  shell: 'browser',
} as const;

const job = {
  id: 1,
  template: 'paper-code',
  label: '8YEJ-WFTD-HTBT-6=',
  state: 'failed',
  reason: 'paper-end',
  reprintNumber: 0,
  reprintOf: null,
  mayHavePrinted: true,
  resolved: false,
  createdAt: '2026-11-27T01:00:00.000Z',
  updatedAt: '2026-11-27T01:00:00.000Z',
} as const;

const citation = { ruleId: 'SD-0304-1', effect: 'refuse', sentence: { 'zh-CN': '规则', en: 'A rule' } } as const;

const queueItem: QueueItem = {
  applicationId: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  ref: 'QD-20261127-0001',
  maskedName: '张*丰',
  maskedNumber: '11**************2X',
  source: 'kiosk',
  basis: 'working',
  state: 'open',
  submittedAt: '2026-11-27T01:00:00.000Z',
  dueAt: '2026-11-27T07:00:00.000Z',
  warnAt: ['2026-11-27T04:00:00.000Z'],
  autoDefaultAt: null,
  level: 'ok',
  remainingMs: 21_600_000,
  ticking: true,
  assignedTo: { staffNo: '0001', maskedName: '王**' },
  escalatedTo: null,
};

const reviewDetail: ReviewDetail = {
  item: queueItem,
  declaration: null,
  answers: null,
  citations: [citation],
  policyId: 'shandong-2020-03-27',
  refusableRules: [{ id: 'SD-0304-1', effect: 'refuse', sentence: citation.sentence }],
  proxy: null,
  history: [{ kind: 'assigned', at: '2026-11-27T01:00:00.000Z', officer: { staffNo: '0001', maskedName: '王**' }, detail: null }],
};

const officerView: OfficerView = {
  staffNo: '0001',
  maskedName: '王**',
  roles: ['officer', 'approver'],
  active: true,
  onDuty: true,
  awayUntil: null,
  delegateTo: null,
  backup: null,
  load: 1,
  hasCard: false,
};

const slaRow = { decided: 2, onTime: 1, onTimeRate: 0.5, medianMinutes: 90, p90Minutes: 300, breaches: 1, autoDefaults: 0, load: 1 };
const slaBoard = {
  from: '2026-11-14',
  to: '2026-11-27',
  officers: [{ officer: { staffNo: '0001', maskedName: '王**' }, ...slaRow }],
  days: [{ day: '2026-11-27', decided: 2, onTime: 1, breaches: 1 }],
  totals: slaRow,
  asOf: '2026-11-27T01:00:00.000Z',
};

const batchReport = {
  rows: 1,
  problems: [{ line: 2, column: 'fever', reason: 'errors.batchBoolean' }],
  imported: 0,
  batchId: null,
  refs: [],
};

function spyHandlers(overrides: Partial<Handlers> = {}) {
  const calls: string[] = [];
  const done = (name: string) => (calls.push(name), { ok: true as const });
  const handlers: Handlers = {
    'app.info': () => (calls.push('app.info'), info),
    'system.health': () => (calls.push('system.health'), { schemaVersion: 1, integrity: 'ok', now: '2026-11-27T01:00:00.000Z' }),
    'reader.status': () => (calls.push('reader.status'), { state: 'ready', kind: 'emulator', cardPresent: false, lastError: null }),
    'sync.status': () => (
      calls.push('sync.status'),
      { connection: 'offline', queueLength: 0, oldestWaitingAt: null, lastSuccessAt: null, lastFailureAt: null, failed: 0 }
    ),
    'identity.wedge': () => (calls.push('identity.wedge'), { valid: false, reason: 'length' }),
    'identity.manual': () => (calls.push('identity.manual'), { valid: false, reason: 'length' }),
    'identity.clear': () => done('identity.clear'),
    'staff.signIn': () => (calls.push('staff.signIn'), { officer: null }),
    'staff.signOut': () => (calls.push('staff.signOut'), { officer: null }),
    'staff.session': () => (calls.push('staff.session'), { officer: null }),
    'printer.status': () => (calls.push('printer.status'), { state: 'ready', checkedAt: null, failedJobs: 0, pendingJobs: 0 }),
    'printer.jobs': () => (calls.push('printer.jobs'), []),
    'printer.reprint': () => (calls.push('printer.reprint'), job),
    'printer.dismiss': () => (calls.push('printer.dismiss'), job),
    'printer.preview': () => (calls.push('printer.preview'), { svg: '<svg/>' }),
    'code.verify': () => (calls.push('code.verify'), { valid: false, reason: 'format' }),
    'policy.current': () => {
      throw new KioskError('unavailable', 'errors.noPolicy', { date: '2026-11-27' });
    },
    'application.begin': () => (calls.push('application.begin'), { policyId: 'SD-2020-03-27', askAnswers: [], existing: null }),
    'application.submit': () => (calls.push('application.submit'), { outcome: 'refused', citations: [citation] }),
    'application.status': () => (calls.push('application.status'), null),
    'application.reprint': () => {
      throw new KioskError('not-found', 'errors.notFound');
    },
    'application.reportLoss': () => {
      throw new KioskError('not-found', 'errors.notFound');
    },
    'staff.cardSignIn': () => (calls.push('staff.cardSignIn'), { officer: null }),
    'queue.list': () => (calls.push('queue.list'), { items: [queueItem], total: 1, asOf: '2026-11-27T01:00:00.000Z' }),
    'queue.detail': () => (calls.push('queue.detail'), reviewDetail),
    'queue.decide': () => (calls.push('queue.decide'), reviewDetail),
    'queue.reassign': () => (calls.push('queue.reassign'), queueItem),
    'queue.printNotice': () => (calls.push('queue.printNotice'), { ...job, template: 'timeout-notice', state: 'queued', reason: null }),
    'officers.list': () => (calls.push('officers.list'), [officerView]),
    'officers.add': () => (calls.push('officers.add'), officerView),
    'officers.duty': () => (calls.push('officers.duty'), officerView),
    'sla.board': () => (calls.push('sla.board'), slaBoard),
    'sla.exported': () => (calls.push('sla.exported'), { ok: true as const }),
    'proxy.holdProxy': () => (
      calls.push('proxy.holdProxy'),
      {
        proxyReadId: 'proxy-read-0001',
        identity: {
          readId: 'read-0001-test',
          source: 'card',
          documentType: 'resident',
          maskedName: '张*丰',
          maskedNumber: '11**************2X',
          photo: null,
          validTo: null,
          expired: false,
        },
      }
    ),
    'proxy.family': () => (calls.push('proxy.family'), { outcome: 'refused', citations: [citation] }),
    'proxy.staff': () => (calls.push('proxy.staff'), { outcome: 'refused', citations: [citation] }),
    'proxy.batchCheck': () => (calls.push('proxy.batchCheck'), batchReport),
    'proxy.batchImport': () => (calls.push('proxy.batchImport'), batchReport),
    'demo.cards': () => (calls.push('demo.cards'), []),
    'demo.tapCard': () => done('demo.tapCard'),
    'demo.removeCard': () => done('demo.removeCard'),
    'demo.fault': () => done('demo.fault'),
    'demo.province': () => done('demo.province'),
    'demo.staff': () => (calls.push('demo.staff'), { staffNo: '0001', pin: '246810' }),
    ...overrides,
  };
  return { handlers, calls };
}
const ctx = { transport: 'ipc' } as const;

test('a valid call reaches its handler and answers ok', async () => {
  const { handlers, calls } = spyHandlers();
  const answer = await createDispatcher(handlers)('app.info', {}, ctx);
  assert.deepEqual(answer, { ok: true, value: info });
  assert.deepEqual(calls, ['app.info']);
});

test('malformed input is rejected before any handler runs', async () => {
  const { handlers, calls } = spyHandlers();
  const logged: string[] = [];
  const dispatch = createDispatcher(handlers, (e) => logged.push(e.code));
  for (const channel of channelNames) {
    for (const bad of [{ extra: 1 }, 'text', 42, [1, 2], { __proto__: { x: 1 }, y: 2 }]) {
      const answer = await dispatch(channel, bad, ctx);
      assert.equal(answer.ok, false, `${channel} accepted ${JSON.stringify(bad)}`);
      if (!answer.ok) assert.equal(answer.error.key, 'errors.invalidInput');
    }
  }
  assert.deepEqual(calls, []);
  assert.ok(logged.every((c) => c === 'invalid-input'));
});

test('an unknown channel answers unknown-channel, including prototype names', async () => {
  const { handlers } = spyHandlers();
  for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
    const answer = await createDispatcher(handlers)(name, {}, ctx);
    assert.deepEqual(answer, { ok: false, error: { code: 'unknown-channel', key: 'errors.unknownChannel' } });
  }
});

test('a KioskError becomes an error envelope with its key and params', async () => {
  const { handlers } = spyHandlers({
    'app.info': () => {
      throw new KioskError('conflict', 'errors.settingsTooNew', { found: 3, supported: 1 });
    },
  });
  const answer = await createDispatcher(handlers)('app.info', {}, ctx);
  assert.deepEqual(answer, { ok: false, error: { code: 'conflict', key: 'errors.settingsTooNew', params: { found: 3, supported: 1 } } });
});

test('an unexpected throw or a wrong output is internal, and its message is not logged', async () => {
  const secret = '11010519491231002X';
  const logged: string[] = [];
  const { handlers } = spyHandlers({
    'app.info': () => {
      throw new Error(`failed for ${secret}`);
    },
    'system.health': () => ({ schemaVersion: -1, integrity: 'ok', now: 'yesterday' }),
  });
  const dispatch = createDispatcher(handlers, (e) => logged.push(JSON.stringify(e)));
  for (const channel of ['app.info', 'system.health']) {
    const answer = await dispatch(channel, {}, ctx);
    assert.deepEqual(answer, { ok: false, error: { code: 'internal', key: 'errors.internal' } });
  }
  assert.equal(logged.length, 2);
  assert.ok(!logged.join('').includes(secret));
});

test('every channel takes its sample input and every spy answers within the contract', async () => {
  const { handlers, calls } = spyHandlers();
  const dispatch = createDispatcher(handlers);
  for (const name of channelNames) {
    const answer = await dispatch(name, sampleInputs[name], ctx);
    // Only the deliberate refusals (no policy, nothing to reprint) may fail, and never as bad input or a bad output.
    if (!answer.ok) assert.ok(!['invalid-input', 'internal'].includes(answer.error.code), `${name}: ${answer.error.code}`);
  }
  assert.ok(calls.includes('queue.decide') && calls.includes('proxy.batchImport') && calls.includes('staff.cardSignIn'));
});
