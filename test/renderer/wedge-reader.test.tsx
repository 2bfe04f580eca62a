// Keyboard-wedge readers: a fast burst of ID characters + Enter is a swipe; a person typing slowly is ignored.
import { act, fireEvent, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { KioskError } from '../../electron/core/errors.js';
import { useWedgeReader } from '../../renderer/src/kiosk/use-wedge-reader';
import { renderApp } from './render-app';

const number = '11010519491231002X';

/** Types each character as a keydown on the window, `gapMs` apart on the fake clock, then Enter. */
function type(text: string, gapMs: number, { enter = true } = {}) {
  for (const key of text) {
    act(() => vi.advanceTimersByTime(gapMs));
    fireEvent.keyDown(window, { key });
  }
  if (enter) {
    act(() => vi.advanceTimersByTime(gapMs));
    fireEvent.keyDown(window, { key: 'Enter' });
  }
}

function hook(enabled = true) {
  vi.useFakeTimers();
  const onScan = vi.fn();
  const rendered = renderHook(({ on }) => useWedgeReader({ enabled: on, onScan }), { initialProps: { on: enabled } });
  return { onScan, rendered };
}

describe('useWedgeReader', () => {
  it('reports fast keys followed by Enter', () => {
    const { onScan } = hook();
    type(number, 8);
    expect(onScan).toHaveBeenCalledExactlyOnceWith(number);
  });

  it('accepts a 15-character legacy number and Shift between characters', () => {
    const { onScan } = hook();
    for (const key of '110105491231002') {
      act(() => vi.advanceTimersByTime(5));
      fireEvent.keyDown(window, { key: 'Shift' });
      fireEvent.keyDown(window, { key });
    }
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(onScan).toHaveBeenCalledExactlyOnceWith('110105491231002');
  });

  it('ignores slow, human typing', () => {
    const { onScan } = hook();
    type(number, 120);
    type(number, 200);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('ignores quick but human typing: ~60 ms a key is still too slow on average', () => {
    const { onScan } = hook();
    type(number, 60);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('forgives one late key in an otherwise fast burst', () => {
    const { onScan } = hook();
    type('110105194', 10, { enter: false });
    act(() => vi.advanceTimersByTime(120));
    fireEvent.keyDown(window, { key: '9' });
    type('1231002X', 10);
    expect(onScan).toHaveBeenCalledExactlyOnceWith(number);
  });

  it('ignores a burst shorter than 15 characters, and one without Enter', () => {
    const { onScan } = hook();
    type('12345678901234', 5);
    type(number, 5, { enter: false });
    expect(onScan).not.toHaveBeenCalled();
  });

  it('ignores an Enter that comes late after the burst', () => {
    const { onScan } = hook();
    type(number, 5, { enter: false });
    act(() => vi.advanceTimersByTime(200));
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(onScan).not.toHaveBeenCalled();
  });

  it('starts afresh after a pause: only the fast tail counts', () => {
    const { onScan } = hook();
    type('999', 5, { enter: false });
    act(() => vi.advanceTimersByTime(500));
    type(number, 5);
    expect(onScan).toHaveBeenCalledExactlyOnceWith(number);
  });

  it('a non-ID key breaks the burst', () => {
    const { onScan } = hook();
    type('110105194912', 5, { enter: false });
    fireEvent.keyDown(window, { key: '-' });
    type('31002X', 5);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('stops listening when disabled, and keeps the reader’s Enter from pressing a focused button', () => {
    const { onScan, rendered } = hook();
    rendered.rerender({ on: false });
    type(number, 5);
    expect(onScan).not.toHaveBeenCalled();
    rendered.rerender({ on: true });
    for (const key of number) fireEvent.keyDown(window, { key });
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    window.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(onScan).toHaveBeenCalledOnce();
  });
});

describe('a wedge swipe on Home', () => {
  it('sends identity.wedge and shows the identity screen for a valid number', async () => {
    vi.useFakeTimers();
    const fake = await renderApp();
    type(number, 5);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(fake.callsTo('identity.wedge')).toEqual([{ typed: number }]);
    expect(screen.getByTestId('identity')).toBeTruthy();
    expect(screen.getByTestId('identity-masked-name').textContent).toBe('没有读到姓名');
  });

  it('shows the reason for a refused number', async () => {
    vi.useFakeTimers();
    const fake = await renderApp();
    fake.answerWedge({ valid: false, reason: 'check-digit' });
    type('110105194912310021', 5);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    const problem = screen.getByTestId('card-problem');
    expect(problem.getAttribute('data-reason')).toBe('check-digit');
    expect(screen.getByTestId('card-problem-message').textContent).toBe('号码的最后一位不对，请重新刷卡或找工作人员');
  });

  it('shows a failed call with the contract’s error message', async () => {
    vi.useFakeTimers();
    const fake = await renderApp();
    fake.answerWedge(new KioskError('conflict', 'errors.conflict'));
    type(number, 5);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(screen.getByTestId('card-problem').getAttribute('data-problem')).toBe('error');
    expect(screen.getByTestId('card-problem').textContent).toContain('这项内容刚刚在别处改过');
  });

  it('does nothing for slow typing on Home', async () => {
    vi.useFakeTimers();
    const fake = await renderApp();
    type(number, 150);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(fake.callsTo('identity.wedge')).toEqual([]);
    expect(screen.getByTestId('home')).toBeTruthy();
  });
});
