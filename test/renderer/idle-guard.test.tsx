// The idle guard (WCAG 2.2.1) driven by fake timers: warning after the timeout, "more time", countdown back to home.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from './render-app';

const idle = { timeoutSeconds: 60, warningSeconds: 30 };
const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

/** Fakes the clock first (so every timer the app arms is fake), loads the app and opens Help. */
async function onHelpWithFakeClock(info: Parameters<typeof renderApp>[0] = {}) {
  vi.useFakeTimers();
  const fake = await renderApp({ idle, ...info });
  fireEvent.click(screen.getByTestId('go-help'));
  expect(screen.getByTestId('help')).toBeTruthy();
  return fake;
}

describe('idle guard', () => {
  it('warns after timeoutSeconds without input, not before', async () => {
    await onHelpWithFakeClock();
    seconds(59);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    seconds(1);
    const dialog = screen.getByTestId('idle-warning');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByRole('alertdialog', { name: '还需要时间吗？' })).toBe(dialog);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('30');
    expect(document.activeElement).toBe(screen.getByTestId('idle-more-time'));
  });

  it('counts down once a second', async () => {
    await onHelpWithFakeClock();
    seconds(60);
    seconds(1);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('29');
    seconds(10);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('19');
  });

  it('input restarts the quiet period', async () => {
    await onHelpWithFakeClock();
    seconds(45);
    fireEvent.keyDown(window, { key: 'Tab' });
    seconds(45);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    fireEvent.pointerDown(document.body);
    seconds(59);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    seconds(1);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
  });

  it('"more time" dismisses the warning, keeps the screen and restarts the timer', async () => {
    await onHelpWithFakeClock();
    seconds(60);
    seconds(20);
    fireEvent.click(screen.getByTestId('idle-more-time'));
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(screen.getByTestId('help')).toBeTruthy();
    // The old countdown (10 s left) must not fire: well past it, still on Help with no warning.
    seconds(59);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(screen.getByTestId('help')).toBeTruthy();
    seconds(1);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('30');
  });

  it('returns home when the countdown reaches zero, in the default language', async () => {
    await onHelpWithFakeClock();
    fireEvent.click(screen.getByTestId('language-switch'));
    expect(document.documentElement.lang).toBe('en');
    seconds(60);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('30');
    seconds(29);
    expect(screen.getByTestId('idle-countdown').textContent).toBe('1');
    expect(screen.getByTestId('idle-warning').textContent).toContain('1 second');
    seconds(1);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('请把身份证放在下方感应区');
  });

  it('guards the staff screen too', async () => {
    vi.useFakeTimers();
    await renderApp({ idle });
    fireEvent.click(screen.getByTestId('go-staff'));
    seconds(60);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    seconds(30);
    expect(screen.getByTestId('home')).toBeTruthy();
  });

  it('never warns on Home', async () => {
    vi.useFakeTimers();
    await renderApp({ idle });
    // Checked just past the timeout and then much later (not on a multiple of timeout + warning, where it would hide).
    seconds(idle.timeoutSeconds + 1);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    seconds(3600);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(screen.getByTestId('home')).toBeTruthy();
  });
});
