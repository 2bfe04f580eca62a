// The province link in Chromium against the real host in demo mode: the trainer panel's status line shows connected,
// "Take offline" makes it degraded or offline, "Bring back" connects again; axe on the panel. Never signs in (staff.spec
// runs first and locks the demo officer), so the staff strip's line is covered in vitest.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config.js';
import { expectElderlySizes, expectNoAxeViolations, open } from './helpers.js';

/** Core pulls every 5 s and pushes its state every 5 s: one pull and one push, with room to spare. */
const NEXT_PUSH_MS = 15_000;

/** Calls the host's API directly: only to put the shared demo province back online whatever the test did. */
async function invoke(request: APIRequestContext, channel: string, input: object = {}) {
  const answer = await request.post(`/api/invoke/${channel}`, { data: input, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
  expect(answer.ok(), `${channel} answered ${answer.status()}`).toBe(true);
}

test.afterEach(async ({ request }) => {
  await invoke(request, 'demo.province', { online: true });
});

test('trainer takes the demo province offline and back; the status line follows; axe clean', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  await page.getByTestId('trainer-open').click();
  const panel = page.getByTestId('trainer-panel');
  const status = panel.getByTestId('sync-status');
  // The first contact needs a pull before core can say connected.
  await expect(status).toHaveAttribute('data-connection', 'connected', { timeout: NEXT_PUSH_MS });
  await expect(status).toContainText('省平台已连接');
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);

  await panel.getByTestId('trainer-province-offline').click();
  await expect(panel.getByTestId('trainer-province-offline')).toHaveAttribute('aria-pressed', 'true');
  // Core says offline only 60 s after the last success; before that a failed pull makes it degraded.
  await expect(status).toHaveAttribute('data-connection', /^(degraded|offline)$/, { timeout: NEXT_PUSH_MS });
  await expect(status).toContainText(/省平台(不稳定|离线)/);
  await expectNoAxeViolations(page);

  await panel.getByTestId('trainer-province-online').click();
  await expect(status).toHaveAttribute('data-connection', 'connected', { timeout: NEXT_PUSH_MS });
  await expect(status).toContainText('省平台已连接');
});
