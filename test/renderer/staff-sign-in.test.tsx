// Staff sign-in against the fake core: the demo officer reaches the staff home; wrong PIN, unknown number, lock-out and
// too-short entries are said in words; the PIN is never kept after an answer.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoStaff, testIdentity } from './fake-kiosk';
import { openSignIn, pressKeys, signedIn, submitSignIn } from './staff-helpers';

const errorText = () => screen.getByTestId('signin-error').textContent;

describe('staff sign-in', () => {
  it('the demo officer reaches the staff home: masked name, staff number, roles in words, status line', async () => {
    const fake = await signedIn();
    expect(fake.callsTo('staff.signIn')).toEqual([{ staffNo: '0001', pin: '246810' }]);
    const home = screen.getByTestId('staff-home');
    expect(
      within(home)
        .getAllByRole('heading', { level: 1 })
        .map((h) => h.textContent),
    ).toEqual(['工作人员主页']);
    expect(screen.getByTestId('staff-officer-name').textContent).toBe('王**');
    expect(screen.getByTestId('staff-officer-no').textContent).toBe('0001');
    expect(screen.getByTestId('staff-officer-roles').textContent).toBe('审核人员、审批人员');
    expect(screen.getByTestId('staff-strip-officer').textContent).toBe('工作人员：王**（0001）');
    expect(screen.getByTestId('staff-sign-out').textContent).toBe('退出登录');
    expect(screen.getByTestId('staff-manual').textContent).toBe('手工录入证件号码');
    // The strip sits in the banner, on top of every staff screen.
    expect(within(screen.getByRole('banner')).getByTestId('staff-strip')).toBeTruthy();
  });

  it('speaks English too', async () => {
    await signedIn({ defaultLanguage: 'en' });
    expect(screen.getByTestId('staff-strip-officer').textContent).toBe('Staff: 王** (0001)');
    expect(screen.getByTestId('staff-officer-roles').textContent).toBe('Reviewing officer, Approver');
    expect(screen.getByTestId('staff-manual').textContent).toBe('Enter an ID number by hand');
  });

  it('a wrong PIN states the lockout rule, clears the PIN and stays on the PIN step', async () => {
    const fake = await openSignIn();
    await submitSignIn(demoStaff.staffNo, '111111');
    expect(errorText()).toContain('工号或密码不对。连续输错 5 次，账号会锁定 15 分钟。');
    expect(screen.getByTestId('signin-error').getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('staff').getAttribute('data-step')).toBe('pin');
    expect(screen.getByTestId('signin-pin-display').getAttribute('data-length')).toBe('0');
    expect(fake.officer()).toBeNull();
    // The right PIN next time still works.
    await submitSignIn(demoStaff.staffNo, demoStaff.pin);
    expect(screen.getByTestId('staff-home')).toBeTruthy();
  });

  it('an unknown staff number gets the same words as a wrong PIN', async () => {
    await openSignIn();
    await submitSignIn('9999', '111111');
    expect(errorText()).toContain('工号或密码不对。连续输错 5 次，账号会锁定 15 分钟。');
    expect(errorText()).not.toContain('{{');
  });

  it('five wrong PINs lock the account, said with the minutes; even the right PIN is refused then', async () => {
    await openSignIn({ defaultLanguage: 'en' });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitSignIn(demoStaff.staffNo, '000000');
      expect(errorText()).toContain('After 5 wrong tries in a row the account is locked for 15 minutes.');
    }
    await submitSignIn(demoStaff.staffNo, '000000');
    expect(errorText()).toContain('the account is locked. Try again in 15 min');
    await submitSignIn(demoStaff.staffNo, demoStaff.pin);
    expect(errorText()).toContain('locked');
    expect(screen.queryByTestId('staff-home')).toBeNull();
  });

  it('says the shape of a staff number and a PIN before asking core', async () => {
    const fake = await openSignIn();
    pressKeys('12');
    fireEvent.click(screen.getByTestId('signin-next'));
    expect(errorText()).toContain('工号是 4 到 12 位数字。');
    expect(screen.getByTestId('staff').getAttribute('data-step')).toBe('staff-no');
    pressKeys('34');
    fireEvent.click(screen.getByTestId('signin-next'));
    expect(errorText()).toBe('');
    pressKeys('123');
    fireEvent.click(screen.getByTestId('signin-next'));
    expect(errorText()).toContain('密码是 6 到 8 位数字。');
    expect(fake.callsTo('staff.signIn')).toEqual([]);
  });

  it('a card read on the sign-in screen changes nothing', async () => {
    const fake = await openSignIn();
    pressKeys('0001');
    act(() => fake.emit('card.read', testIdentity));
    expect(screen.getByTestId('staff')).toBeTruthy();
  });
});
