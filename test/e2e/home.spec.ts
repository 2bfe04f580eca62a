// The home screen in Chromium against the real host: both languages, accessibility, elderly-first sizes, idle guard.
import { expect, test } from '@playwright/test';
import { expectElderlySizes, expectNoAxeViolations, open } from './helpers.js';

test('home in zh-CN, then English: screenshots, no axe violations, big targets', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('身份证');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);
  await page.screenshot({ path: 'test-results/home-zh-CN.png', fullPage: true });
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ID card');
  await page.screenshot({ path: 'test-results/home-en.png', fullPage: true });
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);
});

test('the help and staff screens have no axe violations and lead back home', async ({ page }) => {
  await open(page);
  await page.getByTestId('go-help').click();
  await expect(page.getByTestId('help')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId('go-home').click();
  await page.getByTestId('go-staff').click();
  await expect(page.getByTestId('staff')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId('go-back').click();
  await expect(page.getByTestId('home')).toBeVisible();
});

test('idle: the warning comes, "more time" keeps the screen, the countdown returns home', async ({ page }) => {
  await page.clock.install();
  await open(page);
  await page.getByTestId('go-help').click();
  await expect(page.getByTestId('help')).toBeVisible();

  // Shipped default: 90 s without a touch, then a 30 s warning (WCAG 2.2.1 asks for at least 20).
  await page.clock.runFor(91_000);
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toContainText(/\d+/);
  await page.screenshot({ path: 'test-results/idle-warning-zh-CN.png' });
  await expectNoAxeViolations(page);
  await page.getByTestId('idle-more-time').click();
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await expect(page.getByTestId('help')).toBeVisible();

  await page.clock.runFor(91_000);
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await page.clock.runFor(19_000);
  await expect(page.getByTestId('help')).toBeVisible();
  await page.clock.runFor(12_000);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('idle-warning')).toBeHidden();
});

test('without the launch token the screen says how to open it, and the API refuses', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByTestId('home')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const answer = await request.post('/api/invoke/app.info', { data: {} });
  expect(answer.status()).toBe(401);
});
