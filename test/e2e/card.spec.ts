// Card reading in Chromium against the real host in demo mode (emulated reader): trainer tap, "is this you?", No,
// a fault, a keyboard-wedge swipe; screenshots and axe on the identity screen.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config.js';
import { expectElderlySizes, expectNoAxeViolations, open } from './helpers.js';

/** Calls the host's API directly: used only to put the shared emulated reader back to normal between tests. */
async function invoke(request: APIRequestContext, channel: string, input: object = {}) {
  const answer = await request.post(`/api/invoke/${channel}`, { data: input, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
  expect(answer.ok(), `${channel} answered ${answer.status()}`).toBe(true);
  expect(await answer.json(), channel).toMatchObject({ ok: true });
}

// One host serves every test: no fault and no card on the reader at the start of each, whatever the last one did.
test.beforeEach(async ({ request }) => {
  await invoke(request, 'demo.fault', { fault: 'none' });
  await invoke(request, 'demo.removeCard');
  await invoke(request, 'identity.clear');
});

async function tapFirstDemoCard(page: Page) {
  await page.getByTestId('trainer-open').click();
  const panel = page.getByTestId('trainer-panel');
  await expect(panel).toBeVisible();
  await panel.locator('[data-testid^="trainer-card-"]').first().click();
}

test('trainer tap → "is this you?" with masked values and photo; axe clean in both languages; No returns Home', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  await tapFirstDemoCard(page);

  await expect(page.getByTestId('identity')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('这是您本人吗？');
  await expect(page.getByTestId('identity-masked-name')).toContainText('*');
  await expect(page.getByTestId('identity-masked-number')).toHaveText(/^\d{2}\*+\w{2}$/);
  await expect(page.getByTestId('identity-photo')).toBeVisible();
  await expect(page.getByRole('img', { name: '身份证照片' })).toBeVisible();
  await page.screenshot({ path: 'test-results/identity-zh-CN.png', fullPage: true });
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);

  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is this you?');
  await page.screenshot({ path: 'test-results/identity-en.png', fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByTestId('identity-no').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('home-notice')).toBeVisible();
  await expect(page.getByTestId('identity-masked-number')).toHaveCount(0);
});

test('Yes → the first step of the declaration (the optional phone number); Start over returns Home', async ({ page }) => {
  await open(page);
  await tapFirstDemoCard(page);
  await page.getByTestId('identity-yes').click();
  await expect(page.getByTestId('flow-phone')).toBeVisible();
  await expect(page.getByTestId('phone-skip')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId('go-home').click();
  await expect(page.getByTestId('home')).toBeVisible();
});

test('fault remove-mid-read, then a tap → the removed-early problem, calmly explained', async ({ page }) => {
  await open(page);
  await page.getByTestId('trainer-open').click();
  await expect(page.getByTestId('trainer-panel').locator('[data-testid^="trainer-card-"]').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);
  await page.getByTestId('trainer-fault-remove-mid-read').click();
  // The panel confirms the fault is set before the card goes down.
  await expect(page.getByTestId('trainer-fault-status')).not.toBeEmpty();
  await page.getByTestId('trainer-panel').locator('[data-testid^="trainer-card-"]').first().click();

  const problem = page.getByTestId('card-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute('data-problem', 'removed-early');
  await expect(problem).toContainText('卡片拿开得太早了');
  await expectNoAxeViolations(page);
  await page.getByTestId('go-home').click();
  await expect(page.getByTestId('home')).toBeVisible();
});

test('a keyboard-wedge swipe (fast keys + Enter) on Home → "is this you?"', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  // The clock shows once core has answered, well after Home's listeners are attached (a real reader is never that fast).
  await expect(page.getByTestId('clock')).toBeVisible();
  // The keys go in one burst from inside the page: a reader types in ~1 ms a key, while Playwright's typed keys can
  // stall for hundreds of ms on a loaded CI machine and look like a person (the timing rules are unit-tested).
  await page.evaluate(
    (keys) => {
      for (const key of keys) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    },
    [...'11010519491231002X', 'Enter'],
  );
  await expect(page.getByTestId('identity')).toBeVisible();
  await expect(page.getByTestId('identity-masked-number')).toHaveText(/^\d{2}\*+\w{2}$/);
  await page.getByTestId('go-home').click();
  await expect(page.getByTestId('home')).toBeVisible();
});
