// The app shell end to end in jsdom: first screen, language switch, demo banner, core's clock, navigation, start-up errors.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/core/errors.js';
import { renderApp } from './render-app';

const zhHeading = '请把身份证放在下方感应区';
const enHeading = 'Place your ID card on the reader below';

describe('home screen', () => {
  it('shows the zh-CN heading, the hall name and one h1 by default', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(zhHeading);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('测试社区服务大厅')).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('starts in the language app.info asks for', async () => {
    await renderApp({ defaultLanguage: 'en' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(enHeading);
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows core time from system.health, then from clock.tick, in core’s own time zone', async () => {
    const fake = await renderApp();
    const clock = await screen.findByTestId('clock');
    expect(clock.textContent).toContain('2024年5月1日');
    expect(clock.textContent).toContain('09:30');
    act(() => fake.emit('clock.tick', { now: '2024-05-01T09:31:00+08:00' }));
    expect(screen.getByTestId('clock').textContent).toContain('09:31');
    expect(screen.getByTestId('clock').querySelector('time')?.getAttribute('datetime')).toBe('2024-05-01T09:31:00+08:00');
  });
});

describe('language switch', () => {
  it('flips to English and back, with <html lang> following', async () => {
    await renderApp();
    const toggle = screen.getByTestId('language-switch');
    expect(toggle.textContent).toBe('English');
    expect(toggle.getAttribute('lang')).toBe('en');

    fireEvent.click(toggle);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(enHeading);
    expect(screen.getByTestId('language-switch').textContent).toBe('中文');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByTestId('clock').textContent).toContain('May');

    fireEvent.click(screen.getByTestId('language-switch'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(zhHeading);
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('is on every screen', async () => {
    await renderApp();
    fireEvent.click(screen.getByTestId('go-help'));
    expect(within(screen.getByTestId('help')).getByTestId('language-switch')).toBeTruthy();
    fireEvent.click(screen.getByTestId('go-back'));
    fireEvent.click(screen.getByTestId('go-staff'));
    expect(within(screen.getByTestId('staff')).getByTestId('language-switch')).toBeTruthy();
  });
});

describe('demo banner', () => {
  it('shows when app.info says demo', async () => {
    await renderApp({ demo: true });
    const banner = screen.getByTestId('demo-banner');
    expect(banner.textContent).toBe('演示模式 · 数据均为虚构');
    expect(banner.getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByTestId('go-help'));
    expect(screen.getByTestId('demo-banner')).toBeTruthy();
  });

  it('is absent otherwise', async () => {
    await renderApp({ demo: false });
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });
});

describe('navigation', () => {
  it('goes to help and back, and to staff and back', async () => {
    await renderApp();
    fireEvent.click(screen.getByTestId('go-help'));
    const help = screen.getByTestId('help');
    expect(within(help).getByRole('heading', { level: 1 }).textContent).toBe('怎么办理');
    expect(within(help).getAllByRole('listitem')).toHaveLength(6);
    fireEvent.click(screen.getByTestId('go-home'));
    expect(screen.getByTestId('home')).toBeTruthy();

    fireEvent.click(screen.getByTestId('go-staff'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('工作人员登录');
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('home')).toBeTruthy();
  });

  it('puts keyboard focus on the new screen’s main content, not the body', async () => {
    await renderApp();
    fireEvent.click(screen.getByTestId('go-help'));
    expect(document.activeElement).toBe(screen.getByRole('main'));
    fireEvent.click(screen.getByTestId('go-back'));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});

describe('start-up errors', () => {
  it('says what is wrong with the contract’s i18n key and params, and retries', async () => {
    const fake = await renderApp(
      {},
      {
        waitFor: 'startup-error',
        prepare: (kiosk) =>
          kiosk.failAppInfo(new KioskError('invalid-input', 'errors.settingsInvalid', { field: 'hallName', problem: 'too long' })),
      },
    );
    expect(screen.getByTestId('startup-error').textContent).toContain('本终端的设置有误：hallName（too long）');
    fake.failAppInfo(undefined);
    fireEvent.click(screen.getByTestId('retry'));
    expect(await screen.findByTestId('home')).toBeTruthy();
  });

  it('shows the generic message for an error key this screen does not know', async () => {
    await renderApp(
      {},
      { waitFor: 'startup-error', prepare: (kiosk) => kiosk.failAppInfo(new KioskError('conflict', 'errors.fromTheFuture')) },
    );
    expect(screen.getByTestId('startup-error').textContent).toContain('系统出了点问题');
    expect(screen.getByTestId('startup-error').textContent).not.toContain('errors.fromTheFuture');
  });
});
