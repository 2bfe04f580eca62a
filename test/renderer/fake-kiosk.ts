// An in-memory `window.kiosk` for renderer tests: the real bridge and dispatcher over a transport that never leaves memory.
import { KioskError } from '../../electron/core/errors.js';
import { createBridge, type KioskApi, type Transport } from '../../electron/ipc/bridge.js';
import type { AppInfo, EventName, EventPayload } from '../../electron/ipc/contract.js';
import { createDispatcher } from '../../electron/ipc/dispatch.js';

export const testInfo: AppInfo = {
  version: '0.1.0-test',
  demo: false,
  hallName: '测试社区服务大厅',
  defaultLanguage: 'zh-CN',
  kioskMode: true,
  voice: false,
  idle: { timeoutSeconds: 60, warningSeconds: 30 },
  shell: 'browser',
};

export interface FakeKiosk {
  api: KioskApi;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Makes the next `app.info` calls fail with this error (undefined: answer normally again). */
  failAppInfo(error: KioskError | undefined): void;
}

export function createFakeKiosk(info: Partial<AppInfo> = {}, now = '2024-05-01T09:30:00+08:00'): FakeKiosk {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let appInfoError: KioskError | undefined;
  const dispatch = createDispatcher({
    'app.info': () => {
      if (appInfoError) throw appInfoError;
      return { ...testInfo, ...info };
    },
    'system.health': () => ({ schemaVersion: 1, integrity: 'ok', now }),
  });
  const transport: Transport = {
    invoke: (channel, input) => dispatch(channel, input, { transport: 'ipc' }),
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return {
    api: createBridge(transport),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    failAppInfo: (error) => {
      appInfoError = error;
    },
  };
}
