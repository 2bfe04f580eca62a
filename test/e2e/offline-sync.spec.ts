// The province off the network in Chromium against the real host in demo mode: two residents (zh-CN, then English)
// submit while the demo province is down and take a receipt each; the queue grows by one with each and the trainer
// panel's sync line says degraded/offline; the trainer brings the province back, the queue drains and each resident's
// paper code prints by itself.
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  answerFlow,
  captureScreen,
  hostInvoke,
  journeyLanguages,
  lastTicketSeq,
  openIn,
  submitAndWaitForResult,
  tapDemoCard,
  waitForTicket,
  type Lang,
} from './helpers.js';

/** Residents of their own (one active application per person): resident-journeys.spec uses the other four cards. */
const residents: Record<Lang, string> = { 'zh-CN': 'resident-expired', en: 'foreign-permanent' };

/** The slip's words (renderer/locales/<lang>/slips.json). */
const slipWords: Record<Lang, { receipt: string; codeId: string }> = {
  'zh-CN': { receipt: '受理回执', codeId: '码号' },
  en: { receipt: 'RECEIPT', codeId: 'Code ID' },
};

/** Core pulls every 5 s and pushes its sync state every 5 s: one of each, with room to spare. */
const NEXT_PUSH_MS = 15_000;
/**
 * After the outage the first resident's submission waits out its retry backoff: full jitter doubling from 1 s, and
 * core does not resend early when the province answers again, so ~25 s offline can mean ~30 s more (measured ≤ 50 s
 * after a 35 s outage). The journey keeps the outage short for that reason.
 */
const DRAIN_MS = 60_000;

// One host serves every spec: the province goes back online whatever happened here.
test.afterEach(async ({ request }) => {
  expect((await hostInvoke(request, 'demo.province', { online: true })).ok).toBe(true);
});

/** What core would show on the sync line right now (asked, not pushed: no 5 s wait). */
async function syncNow(request: APIRequestContext) {
  const envelope = await hostInvoke(request, 'sync.status');
  expect(envelope.ok).toBe(true);
  return envelope.value as { connection: string; queueLength: number };
}

test('offline: receipts print and the queue grows; back online: it drains and both codes print (zh-CN, en)', async ({ page, request }) => {
  test.setTimeout(150_000);
  const firstSeq = lastTicketSeq();
  await openIn(page, 'zh-CN');
  await page.getByTestId('trainer-open').click();
  const panel = page.getByTestId('trainer-panel');
  const status = panel.getByTestId('sync-status');
  const queue = panel.getByTestId('sync-queue');
  // The first contact needs a pull before core says connected.
  await expect(status).toHaveAttribute('data-connection', 'connected', { timeout: NEXT_PUSH_MS });
  const queuedBefore = (await syncNow(request)).queueLength;
  await page.getByTestId('trainer-close').click();

  const residentsDone: { lang: Lang; ref: string; receiptAfter: number }[] = [];
  for (const [index, lang] of journeyLanguages.entries()) {
    if (lang !== 'zh-CN') await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const receiptAfter = lastTicketSeq();
    await tapDemoCard(page, residents[lang]);
    // Not captured here: the outage is a clock this journey races (resident-journeys captures the same screens).
    await answerFlow(page, lang, {}, false);
    // Off the network only now, with the answers given: the shorter the outage, the sooner the queue drains after it.
    if (index === 0) expect((await hostInvoke(request, 'demo.province', { online: false })).ok).toBe(true);
    const { result, answer } = await submitAndWaitForResult(page);
    expect(answer.application?.status).toBe('QUEUED');
    await expect(result).toHaveAttribute('data-kind', 'offline');
    await expect(result).toHaveAttribute('data-printed', 'receipt');
    await expect(page.getByTestId('flow-status-word')).toHaveAttribute('data-status', 'QUEUED');
    await expect(page.getByTestId('flow-fact-code-id')).toHaveCount(0);
    const ref = ((await page.getByTestId('flow-fact-ref').textContent()) ?? '').trim();
    expect(ref).toBe(answer.application?.ref);
    residentsDone.push({ lang, ref, receiptAfter });
    await captureScreen(page, lang, 'result-offline');
    // One more waiting with each resident, and the link not connected.
    expect(await syncNow(request)).toMatchObject({ connection: expect.stringMatching(/^(degraded|offline)$/) });
    expect((await syncNow(request)).queueLength).toBeGreaterThanOrEqual(queuedBefore + index + 1);
    await page.getByTestId('flow-done').click();
    await expect(page.getByTestId('home')).toBeVisible();
  }

  // The trainer's sync line says so too (asked when the panel opens); then the trainer brings the province back.
  await page.getByTestId('trainer-open').click();
  await expect(status).toHaveAttribute('data-connection', /^(degraded|offline)$/);
  await expect(queue).toHaveAttribute('data-queue', String(queuedBefore + journeyLanguages.length));
  await status.scrollIntoViewIfNeeded();
  await captureScreen(page, 'en', 'trainer-province-offline');
  await panel.getByTestId('trainer-province-online').click();

  // Each resident took a receipt while the province was away.
  for (const { lang, ref, receiptAfter } of residentsDone) {
    const receipt = await waitForTicket([slipWords[lang].receipt, ref], receiptAfter);
    expect(receipt.text).not.toContain('[QR');
  }
  // Back: connected, the queue empties, and each resident's code prints without anyone asking.
  await expect(status).toHaveAttribute('data-connection', 'connected', { timeout: NEXT_PUSH_MS });
  await expect(queue, 'the queue drains').toHaveAttribute('data-queue', String(queuedBefore), { timeout: DRAIN_MS });
  for (const { lang, ref } of residentsDone) await waitForTicket([slipWords[lang].codeId, ref, '[QR'], firstSeq);
  await status.scrollIntoViewIfNeeded();
  await captureScreen(page, 'en', 'trainer-province-online');
});
