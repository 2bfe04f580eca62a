// The role matrix on a real app: every contract channel × every role through the real dispatcher; refusals change nothing.
import { TEST_DATA_KEY } from '../helpers/data-key.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createKioskApp, type KioskApp } from '../../electron/app/create-app.js';
import { openNodeSettings } from '../../electron/app/node-settings.js';
import { systemClock, systemRandom } from '../../electron/core/clock.js';
import type { Db } from '../../electron/core/db/open.js';
import { enqueue, markFailed } from '../../electron/core/printing/journal.js';
import { addOfficer } from '../../electron/core/staff/officers.js';
import { roles, type Role } from '../../electron/core/staff/schema.js';
import { channelNames } from '../../electron/ipc/contract.js';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch.js';
import type { Envelope } from '../../electron/ipc/envelope.js';
import { slipSamples } from '../../printer-templates/index.js';
import { sampleInputs } from '../helpers/channel-samples.js';
import { tempDir } from '../helpers/temp.js';
import { expectedRefusal, refusalCount } from '../helpers/role-rules.js';

const PIN = '135790';
/** One officer per role, each holding only that role. */
const staffNoOf: Record<Role, string> = { officer: '1001', approver: '1002', 'community-head': '1003', admin: '1004' };
const callers: (Role | 'nobody')[] = ['nobody', 'approver', 'community-head', 'admin', 'officer'];

const refusalKeys = ['errors.staffOnly', 'errors.roleMissing', 'errors.demoOnly'];

async function startApp(t: TestContext, configured: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-roles-'));
  const settings = openNodeSettings(dataDir);
  // A provincial endpoint makes a configured terminal; with no KIOSK_PROVINCE_SECRET it never contacts it.
  if (configured) settings.update((s) => ({ ...s, province: { endpoint: 'http://127.0.0.1:9/', hallId: '370202001' } }));
  // A configured terminal has no demo key: the operator's key, here the test's.
  const app = createKioskApp({ dataDir, settings, shell: 'browser', tickMs: 0, ...(configured ? { dataKey: TEST_DATA_KEY } : {}) });
  // Closed before its folder goes: the demo printer may still be writing the last slip the matrix printed.
  t.after(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  for (const [role, staffNo] of Object.entries(staffNoOf) as [Role, string][]) {
    addOfficer(app.db, systemClock, systemRandom, { staffNo, name: `测试${role}`, roles: [role], pin: PIN });
  }
  // A failed job (id 1, the samples' jobId) that reprint and dismiss would change. Enqueued and failed in one
  // synchronous step, so the print loop never sees it queued.
  const job = enqueue(app.db, systemClock, {
    template: 'receipt',
    label: 'ROLE-TEST',
    data: { language: 'zh-CN', fields: slipSamples.receipt },
    paper: '58mm',
  });
  markFailed(app.db, systemClock, job.id, 'paper-end');
  assert.equal(job.id, 1);
  return { app, dispatch: createDispatcher(app.handlers) };
}

/** Every row of every table: a refused call must leave all of it as it was. */
function snapshot(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}

const ctx = { transport: 'ipc' } as const;

/** Signs in as `who` through the real staff.signIn handler (or out, for nobody), unless already so. */
async function become(dispatch: Dispatch, who: Role | 'nobody') {
  const session = (await dispatch('staff.session', {}, ctx)) as Envelope<{ officer: { staffNo: string } | null }>;
  assert.ok(session.ok);
  const want = who === 'nobody' ? null : staffNoOf[who];
  if ((session.value.officer?.staffNo ?? null) === want) return;
  const answer =
    want === null ? await dispatch('staff.signOut', {}, ctx) : await dispatch('staff.signIn', { staffNo: want, pin: PIN }, ctx);
  assert.deepEqual(answer.ok, true, `could not become ${who}`);
}

async function runMatrix(app: KioskApp, dispatch: Dispatch, demo: boolean) {
  const emitted: string[] = [];
  const unsubscribe = app.events.subscribe((event) => emitted.push(event));
  let refused = 0;
  let mutatedByAllowed = 0;
  try {
    for (const who of callers) {
      for (const channel of channelNames) {
        await become(dispatch, who);
        const label = `${channel} as ${who} on a ${demo ? 'demo' : 'configured'} terminal`;
        const refusal = expectedRefusal(channel, who, demo);
        const before = snapshot(app.db);
        const eventsBefore = emitted.length;
        const answer = await dispatch(channel, sampleInputs[channel], ctx);
        if (refusal) {
          refused += 1;
          assert.deepEqual(answer, { ok: false, error: refusal }, label);
          // The refusal ran before the handler: no row written, no event pushed.
          assert.equal(snapshot(app.db), before, `${label} changed the database`);
          assert.equal(emitted.length, eventsBefore, `${label} pushed an event`);
        } else {
          if (!answer.ok) assert.ok(!refusalKeys.includes(answer.error.key), `${label} answered ${answer.error.key}`);
          if (channel === 'printer.reprint' && snapshot(app.db) !== before) mutatedByAllowed += 1;
        }
      }
    }
  } finally {
    unsubscribe();
  }
  return { refused, mutatedByAllowed };
}

test('demo terminal: every channel × every role, refusals answered in core and without effect', async (t) => {
  const { app, dispatch } = await startApp(t, false);
  const { refused, mutatedByAllowed } = await runMatrix(app, dispatch, true);
  // Each staff channel refuses nobody and every role it does not list.
  assert.equal(refused, refusalCount(channelNames, roles, true));
  assert.ok(refused >= 6 * 4, 'the rules refuse something');
  // The officer's reprint did change the journal (so an unchanged snapshot means something), attributed to them.
  assert.equal(mutatedByAllowed, 1);
  const audit = app.db.prepare("SELECT actor FROM audit WHERE action = 'print.reprint'").all() as { actor: string }[];
  assert.deepEqual(audit, [{ actor: staffNoOf.officer }]);
  const job = app.db.prepare('SELECT resolved FROM print_jobs WHERE id = 1').get() as { resolved: number };
  assert.equal(job.resolved, 1);
});

test('configured terminal: demo channels are refused for everyone, staff channels as on a demo terminal', async (t) => {
  const { app, dispatch } = await startApp(t, true);
  const { refused } = await runMatrix(app, dispatch, false);
  // The staff refusals as on a demo terminal, and 6 demo channels × 5 callers.
  assert.equal(refused, refusalCount(channelNames, roles, false));
  assert.equal(refused - refusalCount(channelNames, roles, true), 6 * 5);
  const demoOfficer = await dispatch('staff.signIn', sampleInputs['staff.signIn'], ctx);
  assert.equal(demoOfficer.ok, false, 'a configured terminal keeps no demo officer');
});

test('an officer signed out by idle time is refused as nobody, not by role', async (t) => {
  let now = Date.parse('2026-11-27T01:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const dataDir = tempDir(t);
  const app = createKioskApp({ dataDir, settings: openNodeSettings(dataDir), shell: 'browser', tickMs: 0, clock });
  t.after(() => app.close());
  addOfficer(app.db, clock, systemRandom, { staffNo: staffNoOf.officer, name: '测试', roles: ['officer'], pin: PIN });
  const dispatch = createDispatcher(app.handlers);
  assert.equal((await dispatch('staff.signIn', { staffNo: staffNoOf.officer, pin: PIN }, ctx)).ok, true);
  // Staff calls count as activity: four minutes apart, each keeps the session alive.
  for (let i = 0; i < 3; i += 1) {
    now += 4 * 60_000;
    assert.equal((await dispatch('printer.jobs', { limit: 5 }, ctx)).ok, true, `call ${i} after 4 idle minutes`);
  }
  now += 5 * 60_000;
  assert.deepEqual(await dispatch('printer.jobs', { limit: 5 }, ctx), {
    ok: false,
    error: { code: 'unauthorized', key: 'errors.staffOnly' },
  });
});
