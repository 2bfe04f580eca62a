// The resident's journeys in Chromium against the real host in demo mode, in zh-CN and English: a green code issued
// and printed, a review with its receipt and due time, a refusal citing its rule, an idle timeout that forgets the
// resident, a second tap's 补打, and a loss report (挂失) after which the old code fails verify-code and the new passes.
// Offline submission and the queue draining are in offline-sync.spec. Screens: docs/screenshots/flow/<lang>-<screen>.png.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { verifyCode } from '../../electron/cli/commands/verify-code.js';
import type { CliIo } from '../../electron/cli/command.js';
import { E2E_DATA_DIR } from '../../playwright.config.js';
import {
  answerFlow,
  captureScreen,
  flowScreen,
  hostInvoke,
  journeyLanguages,
  lastTicketSeq,
  openIn,
  submitAndWaitForResult,
  tapDemoCard,
  waitForTicket,
  type Lang,
} from './helpers.js';

/**
 * One active application per person, so each language has its own demo residents (emulators/id-reader/demo-cards.ts):
 * `green` goes through (a), (f) and (g); `review` through (b). The refusal and the idle timeout leave no application,
 * so they borrow these residents before their own journeys. offline-sync.spec uses the other two cards.
 */
const residents: Record<Lang, { green: string; review: string }> = {
  'zh-CN': { green: 'resident-elderly', review: 'resident-long-term' },
  en: { green: 'resident-young', review: 'hmt-permit' },
};

/** The slip's own words (renderer/locales/<lang>/slips.json), in the language the resident applied in. */
const slipWords: Record<Lang, { codeId: (id: string) => string; reprint: (n: number) => string; expectedBy: string; review: string }> = {
  'zh-CN': { codeId: (id) => `码号 ${id}`, reprint: (n) => `补打 ${n}`, expectedBy: '预计审核完成', review: '受理回执' },
  en: { codeId: (id) => `Code ID ${id}`, reprint: (n) => `Reprint ${n}`, expectedBy: 'Review due by', review: 'RECEIPT' },
};

/** The 03-27 policy is in force today: its fever rule sends to review, its medical-observation rule refuses. */
const FEVER_RULE = 'SD-0327-1';
const OBSERVATION_RULE = 'SD-0327-6';

/** The operator's `verify-code <png> --db <the kiosk's database> --json`, run in-process: its JSON answer. */
async function verifyPng(png: string): Promise<{ valid: boolean; reason: string; humanId: string | null }> {
  const lines: string[] = [];
  const io: CliIo = { out: (line) => lines.push(line), err: (line) => lines.push(line), readStdin: async () => '', env: process.env };
  await verifyCode.run([png, '--db', join(E2E_DATA_DIR, 'kiosk.sqlite'), '--json'], io);
  return JSON.parse(lines.at(-1) ?? '{}') as { valid: boolean; reason: string; humanId: string | null };
}

/** The hall's wall-clock time (Asia/Shanghai, as the slips print it) of an instant: "HH:MM". */
const hallTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

// The first journey in each language captures (screenshot + axe) every screen it passes: ~2 s each on this machine.
test.describe.configure({ timeout: 90_000 });

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** From Home: the resident taps their card again and says "yes": their application's status screen. */
async function secondTap(page: Page, lang: Lang, cardId: string) {
  await tapDemoCard(page, cardId);
  await page.getByTestId('identity-yes').click();
  await expect(page.getByTestId('flow-status')).toBeVisible({ timeout: 15_000 });
  await captureScreen(page, lang, 'status');
}

for (const lang of journeyLanguages) {
  const cards = residents[lang];
  const words = slipWords[lang];

  test(`${lang} (e): the idle timeout mid-flow ends the session and forgets the resident's answers`, async ({ page, request }) => {
    await page.clock.install();
    await openIn(page, lang);
    // The readId is core's handle on the person: after the timeout core must no longer know it.
    const begin = page.waitForRequest((req) => req.url().endsWith('/api/invoke/application.begin'));
    await tapDemoCard(page, cards.review);
    await page.getByTestId('identity-yes').click();
    const readId = ((await begin).postDataJSON() as { readId: string }).readId;
    await page.getByTestId('phone-skip').click();
    await page.getByTestId('answer-yes').click(); // fever: an answer that must not survive the timeout
    await expect(page.getByTestId('flow-cough')).toBeVisible();
    expect((await hostInvoke(request, 'application.status', { readId })).ok, 'core holds the resident mid-flow').toBe(true);

    // Shipped default: 90 s without a touch, then a 30 s warning.
    await page.clock.runFor(91_000);
    await expect(page.getByTestId('idle-warning')).toBeVisible();
    await captureScreen(page, lang, 'idle-warning');
    await page.clock.runFor(31_000);
    await expect(page.getByTestId('home')).toBeVisible();
    await expect(page.getByTestId('idle-warning')).toBeHidden();
    // The next person starts in the terminal's own language, with nothing of this one on screen or in core.
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('identity-masked-name')).toHaveCount(0);
    expect(await hostInvoke(request, 'application.status', { readId })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // The same card again: a fresh flow, the fever answer gone.
    await tapDemoCard(page, cards.review);
    await page.getByTestId('identity-yes').click();
    await page.getByTestId('phone-skip').click();
    await expect(page.getByTestId('flow-fever')).toBeVisible();
    await expect(page.getByTestId('answer-yes')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('answer-no')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('go-home').click();
    await expect(page.getByTestId('home')).toBeVisible();
  });

  test(`${lang} (d): under medical observation → refused, the rule cited, nothing printed`, async ({ page }) => {
    await openIn(page, lang);
    const before = lastTicketSeq();
    await tapDemoCard(page, cards.green);
    await answerFlow(page, lang, { contact: true, observation: true });
    await expect(page.getByTestId('review-answer-observation')).toBeVisible();
    const { result, answer } = await submitAndWaitForResult(page);
    expect(answer.outcome).toBe('refused');
    await expect(result).toHaveAttribute('data-kind', 'refused');
    const citation = page.locator(`[data-testid="citation"][data-rule-id="${OBSERVATION_RULE}"]`);
    await expect(citation).toBeVisible();
    await expect(citation).toHaveAttribute('data-effect', 'refuse');
    await expect(citation).toContainText(lang === 'zh-CN' ? '医学观察' : 'medical observation');
    await expect(page.getByTestId('result-complaint')).toContainText('12345');
    await captureScreen(page, lang, 'result-refused');
    await page.getByTestId('flow-done').click();
    await expect(page.getByTestId('home')).toBeVisible();
    // A refusal prints nothing and keeps no application: the same card starts a new declaration.
    expect(lastTicketSeq()).toBe(before);
    await tapDemoCard(page, cards.green);
    await page.getByTestId('identity-yes').click();
    await expect(page.getByTestId('flow-phone')).toBeVisible();
    await page.getByTestId('go-home').click();
  });

  test(`${lang} (b): fever → needs review; the receipt prints with the due time the screen shows`, async ({ page }) => {
    await openIn(page, lang);
    const before = lastTicketSeq();
    await tapDemoCard(page, cards.review);
    await answerFlow(page, lang, { fever: true });
    const { result, answer } = await submitAndWaitForResult(page);
    await expect(result).toHaveAttribute('data-kind', 'review');
    await expect(result).toHaveAttribute('data-printed', 'receipt');
    await expect(page.getByTestId('flow-status-word')).toHaveAttribute('data-status', 'PENDING');
    // The fever rule is why: cited with its id on the result screen.
    await expect(page.locator(`[data-testid="citation"][data-rule-id="${FEVER_RULE}"]`)).toBeVisible();
    const ref = await text(page, 'flow-fact-ref');
    expect(answer.application?.reviewDueAt, 'the province gave a due time').toBeTruthy();
    const due = hallTime(answer.application!.reviewDueAt!);
    await captureScreen(page, lang, 'result-review');

    const receipt = await waitForTicket([words.review, ref, words.expectedBy, due], before);
    expect(receipt.text).not.toContain('[QR');
    // The resident reads the due time on the screen and on the paper: the same hall time on both.
    const onScreen = /\d{2}:\d{2}/.exec(await text(page, 'result-due'))?.[0];
    expect.soft(onScreen, `the screen's due time is the receipt's (hall time ${due})`).toBe(due);
    await page.getByTestId('flow-done').click();
    await expect(page.getByTestId('home')).toBeVisible();
  });

  test.describe.serial(`${lang}: green code, second tap, loss report`, () => {
    let first: { humanId: string; png: string } | undefined;

    test(`${lang} (a): all answers no → a green code, issued and printed`, async ({ page }) => {
      await openIn(page, lang);
      const before = lastTicketSeq();
      await tapDemoCard(page, cards.green);
      await answerFlow(page, lang);
      const { result } = await submitAndWaitForResult(page);
      await expect(result).toHaveAttribute('data-kind', 'issued');
      await expect(result).toHaveAttribute('data-printed', 'paper-code');
      await expect(page.getByTestId('flow-status-word')).toHaveAttribute('data-status', 'GREEN');
      const humanId = await text(page, 'flow-fact-code-id');
      const ref = await text(page, 'flow-fact-ref');
      await captureScreen(page, lang, 'result-issued');

      const ticket = await waitForTicket([words.codeId(humanId), ref, '[QR'], before);
      expect(ticket.text).not.toContain(words.reprint(1));
      expect(await verifyPng(ticket.png)).toMatchObject({ valid: true, reason: 'ok', humanId });
      first = { humanId, png: ticket.png };
      await page.getByTestId('flow-done').click();
      await expect(page.getByTestId('home')).toBeVisible();
    });

    test(`${lang} (f): a second tap shows the code; "print again" prints it marked as a reprint`, async ({ page }) => {
      expect(first, 'journey (a) printed a code').toBeDefined();
      await openIn(page, lang);
      const before = lastTicketSeq();
      await secondTap(page, lang, cards.green);
      await expect(page.getByTestId('flow-status-word')).toHaveAttribute('data-status', 'GREEN');
      await expect(page.getByTestId('flow-fact-code-id')).toHaveText(first!.humanId);
      await page.getByTestId('status-reprint').click();
      const done = page.getByTestId('status-done');
      await expect(done).toHaveAttribute('data-outcome', 'printing');
      await expect(done).toContainText(lang === 'zh-CN' ? '补打 1' : 'Copy 1');
      await captureScreen(page, lang, 'status-reprinted');
      await waitForTicket([words.codeId(first!.humanId), words.reprint(1), '[QR'], before);
      await page.getByTestId('flow-done').click();
      await expect(page.getByTestId('home')).toBeVisible();
    });

    test(`${lang} (g): 挂失 → a new code prints; the old code fails verify-code, the new one passes`, async ({ page }) => {
      expect(first, 'journey (a) printed a code').toBeDefined();
      await openIn(page, lang);
      const before = lastTicketSeq();
      await secondTap(page, lang, cards.green);
      await page.getByTestId('status-lost').click();
      await expect(flowScreen(page)).toHaveAttribute('data-step', 'loss-confirm');
      await captureScreen(page, lang, 'loss-confirm');
      await page.getByTestId('loss-yes').click();
      const done = page.getByTestId('status-done');
      await expect(done).toHaveAttribute('data-outcome', 'loss-done', { timeout: 15_000 });
      const newId = await text(page, 'flow-fact-code-id');
      expect(newId).not.toBe(first!.humanId);
      await captureScreen(page, lang, 'status-loss-reported');
      const ticket = await waitForTicket([words.codeId(newId), '[QR'], before);
      await page.getByTestId('flow-done').click();
      await expect(page.getByTestId('home')).toBeVisible();

      // The kiosk fetches the revocation list a second after a new code arrives; until then the old code still passes.
      await expect.poll(async () => (await verifyPng(first!.png)).reason, { timeout: 30_000 }).toBe('revoked');
      expect(await verifyPng(first!.png)).toMatchObject({ valid: false, humanId: first!.humanId });
      expect(await verifyPng(ticket.png)).toMatchObject({ valid: true, reason: 'ok', humanId: newId });
    });
  });
}
