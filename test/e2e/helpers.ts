// Shared e2e helpers: open the app with the launch token, axe with the house rules (AAA contrast), elderly-first sizes.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config.js';

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
