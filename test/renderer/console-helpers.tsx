// Renders one staff console screen on its own (no session, no idle guard) against the fake core, signed in as one of
// the fake hall's accounts, so console tests stay fast and can drive fake clocks freely.
import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { AppInfo } from '../../electron/ipc/contract.js';
import { createI18n } from '../../renderer/src/i18n/create-i18n';
import type { ConsoleProps } from '../../renderer/src/staff/console-props';
import { staffAccounts } from './fake-approvals';
import { createFakeKiosk, testInfo, type FakeKiosk } from './fake-kiosk';

export interface ConsoleHarness {
  fake: FakeKiosk;
  props: ConsoleProps;
  onBack: ReturnType<typeof vi.fn>;
}

/** Flushes the fake's promise answers into the screen. */
export const flush = () =>
  act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });

export async function renderConsole(
  screen: (props: ConsoleProps) => ReactElement,
  options: {
    staffNo?: keyof typeof staffAccounts | string;
    language?: AppInfo['defaultLanguage'];
    prepare?: (fake: FakeKiosk) => void;
  } = {},
): Promise<ConsoleHarness> {
  const fake = createFakeKiosk();
  options.prepare?.(fake);
  const account = staffAccounts[options.staffNo ?? '0001']!;
  await fake.api.invoke('staff.signIn', { staffNo: account.officer.staffNo, pin: account.pin });
  window.kiosk = fake.api;
  const onBack = vi.fn();
  const props: ConsoleProps = {
    info: testInfo,
    kiosk: fake.api,
    officer: fake.officer()!,
    sync: undefined,
    printer: undefined,
    onBack,
    onSignOut: vi.fn(),
  };
  render(<I18nextProvider i18n={createI18n(options.language ?? 'zh-CN')}>{screen(props)}</I18nextProvider>);
  await flush();
  return { fake, props, onBack };
}
