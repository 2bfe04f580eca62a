// Staff in Chromium against the real host in demo mode: the demo officer from the trainer panel signs in on the keypad,
// types an ID number by hand (a wrong check digit first), signs out; axe and screenshots; lock-out last (see there).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config.js';
import { expectElderlySizes, expectNoAxeViolations, open } from './helpers.js';

const valid = '11010519491231002X';
const wrongCheck = '110105194912310021';

/** Calls the host's API directly: to check what core thinks, never to drive the screen. */
async function invoke(request: APIRequestContext, channel: string, input: object = {}) {
  const answer = await request.post(`/api/invoke/${channel}`, { data: input, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
  expect(answer.ok(), `${channel} answered ${answer.status()}`).toBe(true);
  const envelope = (await answer.json()) as { ok: boolean; value?: unknown };
  expect(envelope.ok, channel).toBe(true);
  return envelope.value;
}

/** Reads the demo officer's sign-in where a trainer would: the trainer panel. */
async function demoStaffFromTrainer(page: Page) {
  await page.getByTestId('trainer-open').click();
  const account = page.getByTestId('trainer-staff');
  await expect(account).toBeVisible();
  const staffNo = (await account.getAttribute('data-staff-no')) ?? '';
  const pin = (await account.getAttribute('data-pin')) ?? '';
  await expect(account).toContainText(staffNo);
  await expect(account).toContainText(pin);
  await page.getByTestId('trainer-close').click();
  return { staffNo, pin };
}

async function pressKeys(page: Page, text: string) {
  for (const character of text) await page.getByTestId(`key-${character}`).click();
}

/** Staff number on the on-screen keypad, the PIN on the physical keyboard (both must work). */
async function signIn(page: Page, staffNo: string, pin: string) {
  await page.getByTestId('go-staff').click();
  await expect(page.getByTestId('staff')).toHaveAttribute('data-step', 'staff-no');
  await pressKeys(page, staffNo);
  await page.getByTestId('signin-next').click();
  await expect(page.getByTestId('staff')).toHaveAttribute('data-step', 'pin');
  await page.keyboard.type(pin);
  await expect(page.getByTestId('signin-pin-display')).toHaveAttribute('data-length', String(pin.length));
  await page.keyboard.press('Enter');
}

test.beforeEach(async ({ request }) => {
  await invoke(request, 'staff.signOut');
  await invoke(request, 'identity.clear');
});

test('demo officer signs in → staff home → manual entry: wrong check digit, then valid → "is this you?"', async ({ page, request }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  const { staffNo, pin } = await demoStaffFromTrainer(page);
  expect(staffNo).toMatch(/^\d{4,12}$/);

  await page.getByTestId('go-staff').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作人员登录');
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);
  await pressKeys(page, staffNo);
  await page.getByTestId('signin-next').click();
  await pressKeys(page, pin.slice(0, 3));
  await expect(page.getByTestId('signin-pin-display')).toHaveAttribute('data-length', '3');
  await expect(page.getByTestId('signin-pin-display')).not.toContainText(pin.slice(0, 3));
  await page.screenshot({ path: 'test-results/staff-signin-zh-CN.png', fullPage: true });
  await expectNoAxeViolations(page);
  await pressKeys(page, pin.slice(3));
  await page.getByTestId('signin-next').click();

  await expect(page.getByTestId('staff-home')).toBeVisible();
  await expect(page.getByTestId('staff-strip-officer')).toContainText(`（${staffNo}）`);
  await expect(page.getByTestId('staff-officer-name')).toContainText('*');
  await expect(page.getByTestId('staff-officer-roles')).not.toBeEmpty();
  expect(await invoke(request, 'staff.session')).toMatchObject({ officer: { staffNo } });
  await page.screenshot({ path: 'test-results/staff-home-zh-CN.png', fullPage: true });
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);

  await page.getByTestId('staff-manual').click();
  await expect(page.getByTestId('staff-manual-entry')).toBeVisible();
  await pressKeys(page, wrongCheck);
  await expect(page.getByTestId('manual-display')).toHaveText(wrongCheck);
  await page.getByTestId('manual-check').click();
  await expect(page.getByTestId('staff-manual-entry')).toHaveAttribute('data-reason', 'check-digit');
  await expect(page.getByTestId('manual-problem')).toContainText('号码的最后一位不对');
  await expect(page.getByTestId('manual-display')).toHaveText(wrongCheck);
  await page.screenshot({ path: 'test-results/manual-entry-zh-CN.png', fullPage: true });
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);
  await page.getByTestId('key-letters').click();
  await expectNoAxeViolations(page);
  await expectElderlySizes(page);

  await page.getByTestId('key-backspace').click();
  await page.getByTestId('key-X').click();
  await expect(page.getByTestId('manual-display')).toHaveText(valid);
  await page.getByTestId('manual-check').click();
  await expect(page.getByTestId('identity')).toBeVisible();
  await expect(page.getByTestId('identity-masked-number')).toHaveText(/^\d{2}\*+\w{2}$/);
  await expect(page.getByTestId('identity-manual-note')).toBeVisible();
  await expect(page.getByTestId('staff-strip')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(valid);
  await expectNoAxeViolations(page);

  // Leaving by Start over signs the officer out.
  await page.getByTestId('go-home').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect.poll(async () => invoke(request, 'staff.session')).toEqual({ officer: null });
});

test('Sign out on the status line returns Home and ends the session in core', async ({ page, request }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  const { staffNo, pin } = await demoStaffFromTrainer(page);
  await signIn(page, staffNo, pin);
  await expect(page.getByTestId('staff-home')).toBeVisible();
  await page.getByTestId('staff-manual').click();
  await page.getByTestId('staff-sign-out').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect.poll(async () => invoke(request, 'staff.session')).toEqual({ officer: null });
});

// Last on purpose: this locks the demo officer for the rest of the run (the e2e database lives as long as the host),
// so nothing after it in this file signs in; no other spec signs in. Order-independent runs are covered in vitest.
test('five wrong PINs lock the account, said with the minutes', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('home')).toBeVisible();
  const { staffNo, pin } = await demoStaffFromTrainer(page);
  const wrong = pin === '000000' ? '111111' : '000000';
  await signIn(page, staffNo, wrong);
  const error = page.getByTestId('signin-error');
  await expect(error).toContainText('工号或密码不对');
  await expectNoAxeViolations(page);
  const pinDisplay = page.getByTestId('signin-pin-display');
  /** Each answer empties the PIN: wait for it, so the next PIN is not typed while the last is still being checked. */
  const submit = async (typed: string) => {
    await page.keyboard.type(typed);
    await expect(pinDisplay).toHaveAttribute('data-length', String(typed.length));
    await page.keyboard.press('Enter');
    await expect(pinDisplay).toHaveAttribute('data-length', '0');
  };
  await expect(pinDisplay).toHaveAttribute('data-length', '0');
  for (let attempt = 2; attempt <= 5; attempt += 1) {
    await submit(wrong);
    if (attempt < 5) await expect(error).toContainText('工号或密码不对');
  }
  await expect(error).toContainText('账号已锁定');
  await expect(error).toContainText(/\d+ 分钟/);
  // Locked means locked: the right PIN is refused too.
  await submit(pin);
  await expect(error).toContainText('账号已锁定');
  await expect(page.getByTestId('staff-home')).toHaveCount(0);
});
