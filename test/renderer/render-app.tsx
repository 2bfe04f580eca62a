// Renders the whole renderer app against a fake `window.kiosk`, the way main.tsx does, and waits for the first screen.
import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { AppInfo } from '../../electron/ipc/contract.js';
import { App } from '../../renderer/src/App';
import { createI18n } from '../../renderer/src/i18n/create-i18n';
import { createFakeKiosk, type FakeKiosk } from './fake-kiosk';

interface RenderOptions {
  /** The test id of the first screen to wait for; home by default. */
  waitFor?: string;
  /** Runs on the fake before the app's first call, e.g. to make app.info fail. */
  prepare?: (fake: FakeKiosk) => void;
}

export async function renderApp(info: Partial<AppInfo> = {}, options: RenderOptions = {}): Promise<FakeKiosk> {
  const fake = createFakeKiosk(info);
  options.prepare?.(fake);
  window.kiosk = fake.api;
  render(
    <I18nextProvider i18n={createI18n()}>
      <App />
    </I18nextProvider>,
  );
  // The fake kiosk answers through promises only, so flushing microtasks is enough — with real or fake timers alike.
  const first = options.waitFor ?? 'home';
  for (let round = 0; round < 50 && !screen.queryByTestId(first); round += 1) {
    await act(async () => {
      await Promise.resolve();
    });
  }
  screen.getByTestId(first);
  return fake;
}
