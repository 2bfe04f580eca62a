// Drives one resident session on the real screen against a host process: tap a demo card, "is this you?", then a mix
// of endings (not me, start over, back out, a new card, a full submission, the idle timeout). Steps are read from the
// screen's data-step, so a question added to the flow is answered like the others.
import { expect, type Page } from '@playwright/test';
import type { HostProcess } from '../helpers/host-process.js';

export type SessionKind =
  /** "That's not me" on the identity screen. */
  | 'not-me'
  /** A few answers, then Start over. */
  | 'start-over'
  /** A few answers, then Back until the flow ends the session. */
  | 'back-out'
  /** The phone number typed on the keypad, one answer, then Start over. */
  | 'phone'
  /** A few answers, then the next card on the reader: its own "is this you?", yes, Start over. */
  | 'new-card'
  /** Every answer and the submission (a code printed); a second tap finds the application and prints it again. */
  | 'full'
  /** Nobody answers "is this you?": the idle warning runs out. */
  | 'idle-identity'
  /** A few answers, then nobody: the flow's idle warning runs out. */
  | 'idle-flow';

export interface SessionContext {
  page: Page;
  host: HostProcess;
}

/** Idle timeout + warning as the canary's settings set them (10 s + 20 s), with room for a slow machine. */
const IDLE_END_MS = 50_000;
const PHONE = '13800138000';

/** The flow's step on screen ('home' once the session ended), or null between screens. */
async function stepOf(page: Page): Promise<string | null> {
  if (await page.getByTestId('home').isVisible()) return 'home';
  return page
    .locator('[data-step]')
    .first()
    .getAttribute('data-step', { timeout: 1000 })
    .catch(() => null);
}

/** Waits for the flow to settle on a step other than `previous` and the busy ones (or Home); returns it. */
async function nextStep(page: Page, previous: string | null): Promise<string> {
  let step: string | null = null;
  await expect
    .poll(
      async () => {
        step = await stepOf(page);
        return step !== null && step !== previous && step !== 'loading' && step !== 'submitting';
      },
      { timeout: 15_000, message: `the flow never moved on from ${previous}` },
    )
    .toBe(true);
  return step!;
}

/** The reader reports no card: the next tap is a new presence (the reader needs two empty polls to see a card go). */
async function waitReaderEmpty(host: HostProcess) {
  await expect
    .poll(async () => ((await host.invoke('reader.status')) as { cardPresent: boolean }).cardPresent, { timeout: 10_000 })
    .toBe(false);
}

/** Puts the card on the reader until "is this you?" shows, then lifts it (core keeps the read until the session ends). */
async function tap({ page, host }: SessionContext, cardId: string) {
  await waitReaderEmpty(host);
  await host.invoke('demo.tapCard', { cardId });
  await expect(page.getByTestId('identity')).toBeVisible();
  await expect(page.getByTestId('identity-masked-name')).toContainText('*');
  await host.invoke('demo.removeCard');
}

/** Answers the step on screen the ordinary way (no phone, "no" to every question, work) and returns the next step. */
async function answer(page: Page, step: string): Promise<string> {
  if (step === 'phone') await page.getByTestId('phone-skip').click();
  else if (step === 'purpose') await page.getByTestId('purpose-work').click();
  else if (step === 'commitment') await page.getByTestId('commitment-confirm').click();
  else if (step === 'review') await page.getByTestId('flow-submit').click();
  else if (await page.getByTestId('answer-no').isVisible()) await page.getByTestId('answer-no').click();
  else throw new Error(`no ordinary answer for the step "${step}"`);
  return nextStep(page, step);
}

/** A second tap of someone who submitted: print it again once, then done. */
async function existingApplication(page: Page, reprint: boolean) {
  if (reprint) {
    await page.getByTestId('status-reprint').click();
    await expect(page.getByTestId('status-done')).toBeVisible({ timeout: 15_000 });
  }
  await page.getByTestId('flow-done').click();
}

async function answerSome(page: Page, first: string, count: number): Promise<string> {
  let step = first;
  for (let i = 0; i < count && step !== 'review'; i++) step = await answer(page, step);
  return step;
}

/** One session for `cardId`, ending on Home; `nextCardId` is used by 'new-card'. */
export async function runSession(ctx: SessionContext, kind: SessionKind, cardId: string, nextCardId: string): Promise<void> {
  const { page } = ctx;
  const home = page.getByTestId('home');
  await tap(ctx, cardId);

  if (kind === 'not-me') {
    await page.getByTestId('identity-no').click();
    return expect(home).toBeVisible();
  }
  if (kind === 'idle-identity') return expect(home).toBeVisible({ timeout: IDLE_END_MS });

  await page.getByTestId('identity-yes').click();
  let step = await nextStep(page, null);
  if (step === 'status') {
    await existingApplication(page, kind === 'full');
    return expect(home).toBeVisible();
  }

  switch (kind) {
    case 'start-over':
      await answerSome(page, step, 3);
      await page.getByTestId('go-home').click();
      break;
    case 'back-out':
      step = await answerSome(page, step, 2);
      // Back through the answered steps; Back from the first step ends the session.
      while (step !== 'home') {
        await page.getByTestId('go-back').click();
        step = await nextStep(page, step);
      }
      break;
    case 'phone':
      await page.getByTestId('phone-enter').click();
      await expect(page.getByTestId('flow-phone-number')).toBeVisible();
      for (const digit of PHONE) await page.getByTestId(`key-${digit}`).click();
      await page.getByTestId('phone-ok').click();
      await answerSome(page, await nextStep(page, 'phone-number'), 1);
      await page.getByTestId('go-home').click();
      break;
    case 'new-card': {
      await answerSome(page, step, 2);
      await tap(ctx, nextCardId);
      await page.getByTestId('identity-yes').click();
      const next = await nextStep(page, null);
      if (next === 'status') await existingApplication(page, false);
      else await page.getByTestId('go-home').click();
      break;
    }
    case 'full':
      while (step !== 'result') step = await answer(page, step);
      await expect(page.getByTestId('result-summary')).toBeVisible();
      await page.getByTestId('flow-done').click();
      break;
    case 'idle-flow':
      await answerSome(page, step, 2);
      await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: IDLE_END_MS });
      break;
  }
  await expect(home).toBeVisible({ timeout: IDLE_END_MS });
}
