// The staff console's core path on a real demo app (in-process province, printer and card reader): a resident's
// fever declaration lands in an approver's queue, the approver approves it, the decision reaches the province through
// the outbox and the code prints by itself; a family proxy is submitted with both cards and prints with its marker.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createKioskApp } from '../../electron/app/create-app.js';
import { openNodeSettings } from '../../electron/app/node-settings.js';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../electron/ipc/contract.js';
import { createDispatcher } from '../../electron/ipc/dispatch.js';
import { lowRiskDeclaration } from '../helpers/sync-fixtures.js';

const ctx = { transport: 'ipc' } as const;

async function demoApp(t: TestContext) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-desk-'));
  const app = createKioskApp({ dataDir, settings: openNodeSettings(dataDir), shell: 'browser', tickMs: 0 });
  // Closed before its folder goes: the demo printer may still be writing the last slip's transcript.
  t.after(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const dispatch = createDispatcher(app.handlers);
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const answer = await dispatch(channel, input, ctx);
    if (!answer.ok) throw new Error(`${channel} refused: ${answer.error.key}`);
    return answer.value as ChannelOutput<C>;
  };
  const seen: { event: EventName; payload: unknown }[] = [];
  app.events.subscribe((event, payload) => void seen.push({ event, payload }));
  /** The next event of this name after `from`, within a deadline (a test fails, it does not hang). */
  const next = async <E extends EventName>(event: E, from: number, timeoutMs = 5000): Promise<EventPayload<E>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = seen.slice(from).find((e) => e.event === event);
      if (hit) return hit.payload as EventPayload<E>;
      if (Date.now() > deadline)
        throw new Error(
          `no ${event} within ${timeoutMs} ms; saw ${seen
            .slice(from)
            .map((e) => e.event)
            .join(', ')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  /** Taps a demo card and answers the readId of the identity it gave. */
  const tap = async (cardId: string) => {
    // The reader reads a card once per placement: the previous card must be seen lifted before the next is read.
    if ((await call('reader.status', {})).cardPresent) {
      const lifted = seen.length;
      await call('demo.removeCard', {});
      await next('card.removed', lifted);
    }
    const from = seen.length;
    await call('demo.tapCard', { cardId });
    return (await next('card.read', from)).readId;
  };
  const printed = (template: string) =>
    app.db.prepare('SELECT count(*) AS n FROM print_jobs WHERE template = ?').get(template) as { n: number };
  return { app, call, tap, next, seen, printed };
}

test('a review is assigned, decided by the approver, sent through the outbox, and the code prints by itself', async (t) => {
  const { app, call, tap, next, seen, printed } = await demoApp(t);
  const readId = await tap('resident-long-term');
  const submitted = await call('application.submit', {
    readId,
    declaration: { ...lowRiskDeclaration, fever: true, temperatureC: 38.2 },
    answers: {},
    language: 'zh-CN',
  });
  assert.equal(submitted.outcome, 'submitted');
  if (submitted.outcome !== 'submitted') return;
  const applicationId = submitted.application.applicationId;

  // The community head sees the whole team's queue (the demo hall comes with two weeks of history and open items).
  await call('staff.signIn', { staffNo: '0003', pin: '246810' });
  const team = await call('queue.list', { scope: 'team', page: 0, pageSize: 200 });
  const item = team.items.find((i) => i.applicationId === applicationId)!;
  assert.ok(item, 'the new review is in the team queue');
  const loads = Object.fromEntries((await call('officers.list', {})).map((o) => [o.staffNo, o.load]));
  assert.ok(item.assignedTo, 'an approver on duty got it');
  const other = item.assignedTo.staffNo === '0001' ? '0002' : '0001';
  assert.ok(loads[item.assignedTo.staffNo]! - 1 <= loads[other]!, 'it went to the approver with the least load');
  assert.equal(item.source, 'kiosk');
  assert.equal(item.basis, 'clock', 'offline needing verification runs on 6 clock hours');
  assert.equal(Date.parse(item.dueAt) - Date.parse(item.submittedAt), 6 * 3600_000);

  await call('staff.signIn', { staffNo: item.assignedTo.staffNo, pin: '246810' });
  const mine = await call('queue.list', { scope: 'mine', page: 0, pageSize: 200 });
  assert.ok(
    mine.items.some((i) => i.applicationId === applicationId),
    "it is in the assignee's own queue",
  );
  const detail = await call('queue.detail', { applicationId });
  assert.equal(detail.declaration?.fever, true);
  assert.ok(detail.citations.some((c) => c.effect === 'review'));
  assert.equal(typeof detail.declaration?.phoneGiven, 'boolean', 'the officer learns whether a phone was left, not the number');
  assert.equal('phone' in (detail.declaration ?? {}), false);
  const viewed = app.db
    .prepare("SELECT actor FROM audit WHERE action = 'review.viewed' AND subject = ?")
    .all(`application:${applicationId}`);
  assert.deepEqual(viewed, [{ actor: item.assignedTo.staffNo }], 'who saw the declaration is audited');

  const codesBefore = printed('paper-code').n;
  const from = seen.length;
  const decided = await call('queue.decide', { applicationId, decision: 'approve', ruleId: null });
  assert.equal(decided.item.state, 'decided');
  assert.equal(decided.declaration, null, 'the health answers are dropped once decided');
  await next('queue.changed', from);
  // The province answers the decision with GREEN; auto-print prints the code.
  const deadline = Date.now() + 8000;
  while (printed('paper-code').n === codesBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(printed('paper-code').n, codesBefore + 1, 'the approved code printed by itself');
  const decision = app.db
    .prepare("SELECT actor FROM audit WHERE action = 'review.decided' AND subject = ?")
    .all(`application:${applicationId}`);
  assert.deepEqual(decision, [{ actor: item.assignedTo.staffNo }], 'the decision is audited and attributed');
  const sent = app.db.prepare("SELECT state FROM outbox WHERE kind = 'send-decision' AND target_id = ?").all(applicationId);
  assert.deepEqual(sent, [{ state: 'done' }], 'the decision went to the province through the outbox, once');
  const after = await call('queue.list', { scope: 'mine', page: 0, pageSize: 200 });
  assert.ok(!after.items.some((i) => i.applicationId === applicationId), 'a decided item leaves the queue');
});

test('a family proxy: the proxy card is held, the subject card tapped, and code and proxy slip carry the proxy', async (t) => {
  const { call, tap, printed } = await demoApp(t);
  await call('staff.signIn', { staffNo: '0001', pin: '246810' });
  const proxyRead = await tap('resident-elderly');
  const held = await call('proxy.holdProxy', { readId: proxyRead });
  assert.match(held.identity.maskedName ?? '', /\*/);
  const subjectRead = await tap('resident-family');
  const result = await call('proxy.family', {
    proxyReadId: held.proxyReadId,
    relationship: 'spouse',
    consent: 'signed-form',
    subject: { readId: subjectRead },
    declaration: lowRiskDeclaration,
    answers: { travelLowRiskProvincesOnly14d: true },
    language: 'zh-CN',
  });
  assert.equal(result.outcome, 'submitted');
  if (result.outcome !== 'submitted') return;
  assert.match(result.application.proxyMaskedName ?? '', /^林\*+$/);
  assert.ok(result.proxySlipJob, 'the proxy slip was printed for the record');
  assert.equal(printed('proxy-slip').n, 1);
  // The held card is gone: the same proxy read cannot be used again.
  await assert.rejects(
    call('proxy.family', {
      proxyReadId: held.proxyReadId,
      relationship: 'spouse',
      consent: 'signed-form',
      subject: { typed: '11010119380921999X', name: '林大海' },
      declaration: lowRiskDeclaration,
      answers: {},
      language: 'zh-CN',
    }),
    /errors\.cardNotRead/,
  );
});

test('an officer signs in by tapping their own ID card; a resident card is not a staff card', async (t) => {
  const { call, tap } = await demoApp(t);
  const staffRead = await tap('staff-officer');
  const session = await call('staff.cardSignIn', { readId: staffRead, pin: '246810' });
  assert.equal(session.officer?.staffNo, '0001');
  await call('staff.signOut', {});
  const residentRead = await tap('resident-young');
  await assert.rejects(call('staff.cardSignIn', { readId: residentRead, pin: '246810' }), /errors\.cardSignInFailed/);

  // The admin enrols that resident as a new approver by her card; her first card sign-in chooses her PIN.
  await call('staff.signIn', { staffNo: '0004', pin: '246810' });
  const enrolled = await call('officers.add', { staffNo: '2001', roles: ['approver'], readId: await tap('resident-young') });
  assert.deepEqual([enrolled.staffNo, enrolled.maskedName, enrolled.hasCard], ['2001', '马**', true]);
  await call('staff.signOut', {});
  const first = await call('staff.cardSignIn', { readId: await tap('resident-young'), pin: '864213' });
  assert.equal(first.officer?.staffNo, '2001');
  await call('staff.signOut', {});
  assert.equal((await call('staff.signIn', { staffNo: '2001', pin: '864213' })).officer?.staffNo, '2001');
});
