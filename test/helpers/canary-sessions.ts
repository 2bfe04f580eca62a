// The canary residents' sessions, driven over the host as the screens would: in person, a family proxy, a staff proxy.
import type { Declaration } from '../../electron/core/applications/schema.js';
import type { EventName, EventPayload } from '../../electron/ipc/contract.js';
import { demoCards, type DemoCardData } from '../../emulators/id-reader/demo-cards.js';
import type { CanaryKiosk } from './canary-kiosk.js';
import { lowRiskDeclaration } from './sync-fixtures.js';

/** An invented mobile number left on the review declarations: sealed while the review is open, dropped at the decision. */
export const CANARY_PHONE = '13990017342';
const DEMO_PIN = '246810';
/** A fever with a phone number left for the province's SMS: the kiosk's rules send it to review. */
const feverish: Declaration = { ...lowRiskDeclaration, fever: true, temperatureC: 38.4, phone: CANARY_PHONE };

/**
 * Who applies how. The staff-officer card is an officer's own (only its keyed number is kept) and never applies.
 * resident-expired (his card has run out) goes to the counter instead: the officer checks his papers and types his
 * number and name, the walk-in case the staff proxy is for. Two in-person residents need review: one approved, one refused.
 */
export const inPerson: readonly { cardId: string; review: 'approve' | 'refuse' | null }[] = [
  { cardId: 'resident-elderly', review: null },
  { cardId: 'resident-long-term', review: 'approve' },
  { cardId: 'resident-young', review: 'refuse' },
  { cardId: 'hmt-permit', review: null },
  { cardId: 'foreign-permanent', review: null },
];
export const familyProxy = { proxy: 'resident-elderly', subject: 'resident-family' } as const;
export const staffProxySubject = 'resident-expired';

/** The cards whose people applied: the canary residents. */
export const canaryResidents: readonly DemoCardData[] = demoCards.filter((card) =>
  [...inPerson.map((p) => p.cardId), familyProxy.proxy, familyProxy.subject, staffProxySubject].includes(card.id),
);

const card = (id: string): DemoCardData => demoCards.find((c) => c.id === id)!;

export interface SessionsRun {
  sessions: number;
  applicationIds: string[];
  /** Reviews opened by the sessions (a sealed declaration each until decided). */
  reviews: { applicationId: string; decision: 'approve' | 'refuse' }[];
}

/** Waits on the app's own event hub: the screens hear the same events over the socket. */
function eventWaiter(kiosk: CanaryKiosk) {
  const seen: { event: EventName; payload: unknown }[] = [];
  kiosk.app.events.subscribe((event, payload) => void seen.push({ event, payload }));
  const next = async <E extends EventName>(event: E, from: number, timeoutMs = 5000): Promise<EventPayload<E>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = seen.slice(from).find((e) => e.event === event);
      if (hit) return hit.payload as EventPayload<E>;
      if (Date.now() > deadline) throw new Error(`no ${event} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { seen, next };
}

export async function runCanarySessions(kiosk: CanaryKiosk): Promise<SessionsRun> {
  const { call } = kiosk;
  const { seen, next } = eventWaiter(kiosk);
  // The demo reader reads once per placement: a card is lifted (and seen lifted) before the next one is read.
  let lifting: Promise<unknown> | null = null;
  const lift = async (): Promise<void> => {
    const from = seen.length;
    await call('demo.removeCard', {});
    lifting = next('card.removed', from, 10_000);
    // Awaited at the next tap; until then a timeout must not count as an unhandled rejection.
    lifting.catch(() => undefined);
  };
  const tap = async (cardId: string): Promise<string> => {
    if (!lifting && (await call('reader.status', {})).cardPresent) await lift();
    await lifting;
    lifting = null;
    const from = seen.length;
    await call('demo.tapCard', { cardId });
    return (await next('card.read', from)).readId;
  };
  const run: SessionsRun = { sessions: 0, applicationIds: [], reviews: [] };

  for (const { cardId, review } of inPerson) {
    const readId = await tap(cardId);
    // Residents lift the card once it is read; core holds the identity by its readId until the session ends.
    await lift();
    await call('application.begin', { readId });
    const declaration = review ? feverish : lowRiskDeclaration;
    const submitted = await call('application.submit', { readId, declaration, answers: {}, language: 'zh-CN' });
    if (submitted.outcome !== 'submitted') throw new Error(`${cardId}: the application was refused`);
    run.applicationIds.push(submitted.application.applicationId);
    if (review) run.reviews.push({ applicationId: submitted.application.applicationId, decision: review });
    await call('identity.clear', {});
    run.sessions += 1;
  }

  // The family proxy at the counter: the wife's card is held, her husband's read, the officer files it.
  await call('staff.signIn', { staffNo: '0001', pin: DEMO_PIN });
  const held = await call('proxy.holdProxy', { readId: await tap(familyProxy.proxy) });
  const family = await call('proxy.family', {
    proxyReadId: held.proxyReadId,
    relationship: 'spouse',
    consent: 'signed-form',
    subject: { readId: await tap(familyProxy.subject) },
    declaration: lowRiskDeclaration,
    answers: { travelLowRiskProvincesOnly14d: true },
    language: 'zh-CN',
  });
  if (family.outcome !== 'submitted') throw new Error('the family proxy application was refused');
  run.applicationIds.push(family.application.applicationId);
  run.sessions += 1;

  // The walk-in with an expired card: the officer checks his papers and types the number and name.
  const subject = card(staffProxySubject).fields;
  const staffMade = await call('proxy.staff', {
    verification: 'document-checked',
    consent: 'verbal-witnessed',
    subject: { typed: subject.idNumber, name: subject.name },
    declaration: lowRiskDeclaration,
    answers: {},
    language: 'zh-CN',
  });
  if (staffMade.outcome !== 'submitted') throw new Error('the staff proxy application was refused');
  run.applicationIds.push(staffMade.application.applicationId);
  run.sessions += 1;
  await call('staff.signOut', {});
  await lift();
  await lifting;
  return run;
}

/** Each review decided by its assignee (an approver signs in for it), then everyone signs out. */
export async function decideReviews(kiosk: CanaryKiosk, reviews: SessionsRun['reviews']): Promise<void> {
  const { call } = kiosk;
  for (const { applicationId, decision } of reviews) {
    await call('staff.signIn', { staffNo: '0003', pin: DEMO_PIN });
    const team = await call('queue.list', { scope: 'team', page: 0, pageSize: 200 });
    const assignee = team.items.find((i) => i.applicationId === applicationId)?.assignedTo?.staffNo;
    if (!assignee) throw new Error('a canary review is not in the team queue, or has no assignee');
    await call('staff.signIn', { staffNo: assignee, pin: DEMO_PIN });
    const detail = await call('queue.detail', { applicationId });
    const ruleId = decision === 'refuse' ? (detail.refusableRules[0]?.id ?? null) : null;
    await call('queue.decide', { applicationId, decision, ruleId });
  }
  await call('staff.signOut', {});
}
