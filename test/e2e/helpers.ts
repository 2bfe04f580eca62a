// Shared e2e helpers: open the app with the launch token, axe with the house rules (AAA contrast), elderly-first sizes;
// for the resident's journeys: tap a demo card, answer the declaration, capture each screen, read the printer's tickets.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DATA_DIR, E2E_TOKEN } from '../../playwright.config.js';

export const open = (page: Page) => page.goto(`/#token=${E2E_TOKEN}`);

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // AAA contrast (7:1) is the house rule for elderly eyes; axe leaves it off by default.
    .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export async function expectElderlySizes(page: Page) {
  for (const button of await page.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect(box, 'a visible button').not.toBeNull();
    expect(box!.width, `${await button.textContent()} width`).toBeGreaterThanOrEqual(60);
    expect(box!.height, `${await button.textContent()} height`).toBeGreaterThanOrEqual(60);
  }
  const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(24);
}

// ---- The resident's journeys (resident-journeys.spec, offline-sync.spec) ----

export type Lang = 'zh-CN' | 'en';
export const journeyLanguages: readonly Lang[] = ['zh-CN', 'en'];

/** One host serves the whole run: every call needs the launch token. The envelope comes back as core sent it. */
export async function hostInvoke(
  request: APIRequestContext,
  channel: string,
  input: object = {},
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const answer = await request.post(`/api/invoke/${channel}`, { data: input, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
  expect(answer.status(), `${channel} answered ${answer.status()}`).toBeLessThan(500);
  return (await answer.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

/** Opens the app on Home in the given language (the terminal's default is zh-CN; English is one press away). */
export async function openIn(page: Page, lang: Lang) {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  if (lang !== 'zh-CN') await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * From Home: the trainer panel lifts whatever card the last journey left on the emulated reader, then lays this demo
 * card on it; "is this you?" follows. A card must be seen gone (two empty polls) before the reader reads again.
 */
export async function tapDemoCard(page: Page, cardId: string) {
  await page.getByTestId('trainer-open').click();
  await page.getByTestId('trainer-remove').click();
  await expect
    .poll(async () => ((await hostInvoke(page.request, 'reader.status')).value as { cardPresent?: boolean }).cardPresent, {
      message: 'the reader sees the last card lifted',
    })
    .toBe(false);
  await page.getByTestId(`trainer-card-${cardId}`).click();
  await expect(page.getByTestId('identity')).toBeVisible();
}

/** Where the screenshots of the journeys go (docs): `<lang>-<screen>.png`. */
export const FLOW_SCREENSHOTS = 'docs/screenshots/flow';
const captured = new Set<string>();

/**
 * The first time a screen shows in a language (in this worker): its screenshot for the docs, and axe. Later visits
 * to the same screen are the same screen, so neither is repeated: the run stays short.
 */
export async function captureScreen(page: Page, lang: Lang, screen: string) {
  const key = `${lang}-${screen}`;
  if (captured.has(key)) return;
  captured.add(key);
  await page.screenshot({ path: join(FLOW_SCREENSHOTS, `${key}.png`) });
  await expectNoAxeViolations(page);
}

/** The declaration's yes/no questions by the step the screen names (data-step); an unlisted question is answered no. */
export type FlowAnswers = Partial<Record<'fever' | 'cough' | 'travel' | 'lowRisk' | 'contact' | 'observation', boolean>>;

const QUESTIONS = new Set(['fever', 'cough', 'travel', 'lowRisk', 'contact', 'observation']);

/** The flow screen on show, by its data-step (busy and result screens included). */
export const flowScreen = (page: Page) => page.locator('[data-testid^="flow-"][data-step]');

/**
 * From "is this you?" to the review: Yes, no phone number, the questions as given (whichever the policy asks), work
 * as the purpose, the pledge. Each screen is captured on the way unless `capture` is false (a journey racing a clock).
 * Ends on the review, not yet sent.
 */
export async function answerFlow(page: Page, lang: Lang, answers: FlowAnswers = {}, capture = true) {
  const shoot = (screen: string) => (capture ? captureScreen(page, lang, screen) : Promise.resolve());
  await shoot('identity');
  await page.getByTestId('identity-yes').click();
  for (let screens = 0; ; screens += 1) {
    expect(screens, 'the declaration reaches its review').toBeLessThan(12);
    const screen = flowScreen(page);
    await expect(screen).toHaveAttribute('data-step', /^(?!loading$)/);
    const step = (await screen.getAttribute('data-step')) ?? '';
    await shoot(step);
    if (step === 'review') return;
    if (step === 'phone') await page.getByTestId('phone-skip').click();
    else if (QUESTIONS.has(step)) {
      const yes = answers[step as keyof FlowAnswers] ?? false;
      await page.getByTestId(yes ? 'answer-yes' : 'answer-no').click();
    } else if (step === 'purpose') await page.getByTestId('purpose-work').click();
    else if (step === 'commitment') await page.getByTestId('commitment-confirm').click();
    else throw new Error(`the declaration showed an unexpected step: ${step}`);
    await expect(screen).not.toHaveAttribute('data-step', step);
  }
}

/** What application.submit answered, as far as the journeys look at it (electron/core/resident/schema.ts). */
export interface SubmitAnswer {
  outcome: 'submitted' | 'refused';
  application?: { ref: string; status: string; humanId: string | null; reviewDueAt: string | null };
}

/**
 * Sends the declaration from the review and waits for the result screen (an offline submission waits ~6 s for the
 * province). Also returns what core answered, to compare the screen and the paper with core's own values.
 */
export async function submitAndWaitForResult(page: Page) {
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/invoke/application.submit'), { timeout: 30_000 });
  await page.getByTestId('flow-submit').click();
  const envelope = (await (await answered).json()) as { ok: boolean; value?: SubmitAnswer };
  expect(envelope.ok, 'application.submit answered ok').toBe(true);
  const result = page.getByTestId('result-summary');
  await expect(result).toBeVisible();
  return { result, answer: envelope.value! };
}

/** A ticket the emulated printer cut: its transcript and its picture (written after the transcript). */
export interface PrintedTicket {
  seq: number;
  text: string;
  png: string;
}

const printerOut = () => join(E2E_DATA_DIR, 'printer-out');

/** Every cut ticket so far, oldest first (partial tickets, never cut, are not slips anyone takes away). */
export function readTickets(): PrintedTicket[] {
  if (!existsSync(printerOut())) return [];
  return readdirSync(printerOut())
    .filter((name) => /^\d{4}\.txt$/.test(name))
    .sort()
    .map((name) => ({
      seq: Number(name.slice(0, 4)),
      text: readFileSync(join(printerOut(), name), 'utf8'),
      png: join(printerOut(), name.replace(/\.txt$/, '.png')),
    }));
}

/** The number of the newest ticket (0 before any): pass it to waitForTicket to look only at what prints after. */
export const lastTicketSeq = (): number => readTickets().at(-1)?.seq ?? 0;

/** The newest ticket's transcript, or undefined before any printed. */
export const newestTicket = (): PrintedTicket | undefined => readTickets().at(-1);

/** Without spaces and line breaks: a slip wraps and pads its lines to the roll, so words are looked for without them. */
const unwrapped = (text: string) => text.replace(/\s+/g, '');

/**
 * Waits (≤ 30 s) for a ticket after `afterSeq` whose transcript holds every one of `texts` (wherever the roll wrapped
 * them), with its PNG on disk. Printing takes a few seconds here.
 */
export async function waitForTicket(texts: readonly string[], afterSeq = 0, timeout = 30_000): Promise<PrintedTicket> {
  const wanted = texts.map(unwrapped);
  const find = () =>
    readTickets().find((t) => t.seq > afterSeq && wanted.every((text) => unwrapped(t.text).includes(text)) && existsSync(t.png));
  await expect
    .poll(() => find()?.seq ?? 0, { message: `a ticket after #${afterSeq} with ${texts.join(' + ')}`, timeout })
    .toBeGreaterThan(afterSeq);
  return find()!;
}
