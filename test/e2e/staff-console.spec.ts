// The staff console in Chromium against the real host in demo mode (which comes with two weeks of a hall's history):
// a family member applies for her husband through the proxy wizard and the receipt prints with the proxy marker; the
// demo approver signs in with his own ID card, sees the item's countdown and approves it, and the code prints by
// itself with the marker; the second approver's overdue item shows escalated to its backup; the SLA board shows the
// seeded figures and exports them.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, hostInvoke, lastTicketSeq, open, waitForTicket } from './helpers.js';

const PIN = '246810';

/** Core's answer to a call (to check what core thinks, never to drive the screen). */
async function ask<T>(page: Page, channel: string, input: object = {}): Promise<T> {
  const envelope = await hostInvoke(page.request, channel, input);
  expect(envelope.ok, `${channel} answered ok`).toBe(true);
  return envelope.value as T;
}

/** Lays a demo card on the emulated reader, the last one seen lifted first (the reader reads once per placement). */
async function tapCard(page: Page, cardId: string) {
  await ask(page, 'demo.removeCard');
  await expect
    .poll(async () => (await ask<{ cardPresent: boolean }>(page, 'reader.status')).cardPresent, { message: 'the last card is seen lifted' })
    .toBe(false);
  await ask(page, 'demo.tapCard', { cardId });
}

async function signInWithNumber(page: Page, staffNo: string) {
  await page.getByTestId('go-staff').click();
  await expect(page.getByTestId('staff')).toHaveAttribute('data-step', 'staff-no');
  for (const digit of staffNo) await page.getByTestId(`key-${digit}`).click();
  await page.getByTestId('signin-next').click();
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('staff-home')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await ask(page, 'staff.signOut');
  await ask(page, 'identity.clear');
});

test.afterEach(async ({ page }) => {
  await ask(page, 'staff.signOut');
});

test('proxy wizard → receipt with the proxy marker; the approver taps his card, sees the countdown, approves; the code prints', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();

  // The desk officer (community head, who also works the desk) takes the family application.
  await signInWithNumber(page, '0003');
  await page.getByTestId('staff-open-proxy').click();
  await page.getByTestId('proxy-path-family').click();
  const wizard = page.getByTestId('staff-proxy-wizard');
  await expect(wizard).toHaveAttribute('data-step', 'proxy-card');
  await tapCard(page, 'resident-elderly');
  await expect(wizard).toHaveAttribute('data-step', 'subject');
  await expect(page.getByTestId('proxy-held')).toContainText('林**');
  await tapCard(page, 'resident-family');
  await page.getByTestId('proxy-subject-card-next').click();
  await expect(wizard).toHaveAttribute('data-step', 'relationship');
  await page.getByTestId('relationship-spouse').click();
  await expect(wizard).toHaveAttribute('data-step', 'consent');
  await page.getByTestId('consent-signed-form').click();
  await expect(wizard).toHaveAttribute('data-step', 'declaration');
  await page.getByTestId('decl-temperature').fill('38.2');
  await page.getByTestId('decl-fever-yes').check();
  for (const field of ['coughOrOtherSymptoms', 'travelOutsideProvince14d', 'contactWithCase14d']) {
    await page.getByTestId(`decl-${field}-no`).check();
  }
  await page.getByTestId('decl-purpose-family').check();
  await page.getByTestId('decl-commitment').check();
  await expectNoAxeViolations(page);
  const beforeReceipt = lastTicketSeq();
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/invoke/proxy.family'), { timeout: 30_000 });
  await page.getByTestId('proxy-submit').click();
  const applicationId = ((await (await answered).json()) as { value: { application: { applicationId: string } } }).value.application
    .applicationId;
  const result = page.getByTestId('proxy-result');
  await expect(result).toHaveAttribute('data-outcome', 'submitted', { timeout: 30_000 });
  await expect(result).toHaveAttribute('data-status', 'PENDING');
  // Fever sends it to review: the receipt and the proxy slip, both naming the family member (masked).
  await waitForTicket(['受理回执', '【代办】代办人：林**'], beforeReceipt);
  await waitForTicket(['代办凭条', '配偶'], beforeReceipt);
  await page.getByTestId('proxy-done').click();
  await page.getByTestId('staff-sign-out').click();

  // The demo approver signs in with his own ID card: only the PIN is typed.
  await page.getByTestId('go-staff').click();
  await tapCard(page, 'staff-officer');
  await expect(page.getByTestId('staff')).toHaveAttribute('data-step', 'pin');
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('staff-strip-officer')).toContainText('0001');

  // The team queue holds the new item (family proxy, online: working hours) with its live countdown.
  await page.getByTestId('staff-open-team').click();
  const row = page.locator(`[data-testid="queue-row"][data-application="${applicationId}"]`);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // Ordered by deadline: a new item may sit on a later page behind the hall's older ones.
  const next = page.getByTestId('queue-next');
  while ((await row.count()) === 0 && (await next.count()) > 0 && (await next.isEnabled())) {
    const shown = await page.getByTestId('queue-page').textContent();
    await next.click();
    await expect(page.getByTestId('queue-page')).not.toHaveText(shown ?? '');
  }
  await expect(row).toBeVisible();
  await expect(row.getByTestId('queue-source')).toHaveText('家人代办');
  const countdown = row.getByTestId('queue-countdown');
  await expect(countdown).toBeVisible();
  expect(Number(await countdown.getAttribute('data-remaining'))).toBeGreaterThan(0);
  await expect(row).toHaveAttribute('data-level', 'ok');

  // Approve: A, then Enter to confirm. The province answers GREEN and the code prints by itself with the marker.
  await row.getByTestId('queue-open').click();
  await expect(page.getByTestId('decide-item')).toBeVisible();
  await expect(page.getByTestId('decide-proxy')).toBeVisible();
  await expectNoAxeViolations(page);
  const beforeCode = lastTicketSeq();
  await page.keyboard.press('a');
  await expect(page.getByTestId('decide-confirm-panel')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decide-outcome')).toHaveAttribute('data-outcome', 'approve');
  await waitForTicket(['码号', '【代办】代办人：林**'], beforeCode);
});

test("the second approver's overdue item is escalated to the first, who sees it in his own queue", async ({ page }) => {
  await open(page);
  await signInWithNumber(page, '0001');
  const mine = await ask<{
    items: { applicationId: string; level: string; assignedTo: { staffNo: string } | null; escalatedTo: { staffNo: string } | null }[];
  }>(page, 'queue.list', { scope: 'overdue', pageSize: 200 });
  const escalated = mine.items.find((i) => i.assignedTo?.staffNo === '0002' && i.escalatedTo?.staffNo === '0001');
  expect(escalated, "an overdue item of 0002's, escalated to 0001 (the demo hall's backup)").toBeTruthy();

  await page.getByTestId('staff-open-queue').click();
  await page.getByTestId('queue-tab-overdue').click();
  const row = page.locator(`[data-testid="queue-row"][data-application="${escalated!.applicationId}"]`);
  await expect(row).toHaveAttribute('data-level', 'overdue');
  await expect(row.getByTestId('queue-escalated')).toBeVisible();
  await expect(row.getByTestId('sla-mark')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the SLA board shows the seeded figures per officer and exports them as CSV', async ({ page }) => {
  await open(page);
  await signInWithNumber(page, '0003');
  await page.getByTestId('staff-open-board').click();
  const table = page.getByTestId('board-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('board-officer')).not.toHaveCount(0);
  const totals = await page.getByTestId('board-totals').locator('td').allTextContents();
  expect(Number(totals[0]), 'decided in the last 14 days').toBeGreaterThan(50);
  await expect(page.getByTestId('board-chart-svg')).toBeVisible();
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^sla-board-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0), 'a BOM, so Excel reads the Chinese headers').toBe(0xfeff);
  expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThan(2);
});
