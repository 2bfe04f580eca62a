// Loads `app.info` once (hall name, demo flag, language, idle timings), with a retry for when core was not ready.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { AppInfo } from '../../../electron/ipc/contract.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';

export type AppInfoState = { status: 'loading' } | { status: 'failed'; error: ErrorData } | { status: 'ready'; info: AppInfo };

export function useAppInfo(kiosk: KioskApi, onLoaded: (info: AppInfo) => void | Promise<void>) {
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // An effect event: the caller's closure changes every render, but a change must not reload app.info.
  const loaded = useEffectEvent(onLoaded);

  useEffect(() => {
    let current = true;
    void kiosk.invoke('app.info', {}).then(async (envelope) => {
      if (!current) return;
      if (!envelope.ok) {
        setState({ status: 'failed', error: envelope.error });
        return;
      }
      // Switch language before the first real screen, so a resident never sees a flash of the wrong one.
      await loaded(envelope.value);
      if (current) setState({ status: 'ready', info: envelope.value });
    });
    return () => {
      current = false;
    };
  }, [kiosk, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
