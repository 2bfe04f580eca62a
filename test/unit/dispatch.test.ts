// The dispatcher: malformed input never reaches a handler; errors cross as envelopes with i18n keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KioskError } from '../../electron/core/errors.js';
import { channelNames } from '../../electron/ipc/contract.js';
import { createDispatcher, type Handlers } from '../../electron/ipc/dispatch.js';

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
