// The staff keypad on the sign-in screen: keys and a physical keyboard type, Delete and Clear, length caps, PIN as dots.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openSignIn, pressKeys } from './staff-helpers';

const staffNoShown = () => screen.getByTestId('signin-staff-no-display').textContent;

describe('staff keypad', () => {
  it('types digits, deletes the last one, clears all', async () => {
    await openSignIn();
    const keypad = screen.getByRole('group', { name: '数字键盘' });
    for (const digit of '0123456789') expect(within(keypad).getByTestId(`key-${digit}`).textContent).toBe(digit);
    expect(screen.getByTestId('key-backspace').textContent).toBe('退格');
    expect(screen.getByTestId('key-clear').textContent).toBe('清除');
    pressKeys('1234');
    expect(staffNoShown()).toBe('1234');
    fireEvent.click(screen.getByTestId('key-backspace'));
    expect(staffNoShown()).toBe('123');
    fireEvent.click(screen.getByTestId('key-clear'));
    expect(staffNoShown()).toBe('还没有输入');
  });

  it('stops at the longest staff number (12 digits)', async () => {
    await openSignIn();
    pressKeys('12345678901234');
    expect(staffNoShown()).toBe('123456789012');
  });

  it('takes a physical keyboard too: digits, Backspace, Delete, Enter; letters ignored', async () => {
    await openSignIn();
    for (const key of ['0', '0', 'a', '0', '1', '9']) fireEvent.keyDown(window, { key });
    expect(staffNoShown()).toBe('00019');
    fireEvent.keyDown(window, { key: 'Backspace' });
    expect(staffNoShown()).toBe('0001');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(screen.getByTestId('staff').getAttribute('data-step')).toBe('pin');
    fireEvent.keyDown(window, { key: '2' });
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(screen.getByTestId('signin-pin-display').getAttribute('data-length')).toBe('0');
  });

  it('shows the PIN as dots only, with the count for screen readers, capped at 8', async () => {
    await openSignIn();
    pressKeys('0001');
    fireEvent.click(screen.getByTestId('signin-next'));
    expect(screen.getByTestId('signin-step').textContent).toBe('第 2 步，共 2 步：请输入密码');
    expect(screen.getByTestId('signin-staff-no').textContent).toBe('工号：0001');
    pressKeys('2468');
    const display = screen.getByTestId('signin-pin-display');
    expect(display.textContent).toBe('●●●●已输入 4 位');
    expect(display.textContent).not.toMatch(/2468/);
    expect(document.body.textContent).not.toContain('2468');
    pressKeys('1012345');
    expect(display.getAttribute('data-length')).toBe('8');
    fireEvent.click(screen.getByTestId('key-backspace'));
    expect(display.getAttribute('data-length')).toBe('7');
  });

  it('Back on the PIN step returns to the staff number, PIN forgotten; Back again goes Home', async () => {
    await openSignIn();
    pressKeys('0001');
    fireEvent.click(screen.getByTestId('signin-next'));
    pressKeys('246');
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('staff').getAttribute('data-step')).toBe('staff-no');
    expect(staffNoShown()).toBe('0001');
    fireEvent.click(screen.getByTestId('signin-next'));
    expect(screen.getByTestId('signin-pin-display').getAttribute('data-length')).toBe('0');
    fireEvent.click(screen.getByTestId('go-back'));
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('home')).toBeTruthy();
  });
});
