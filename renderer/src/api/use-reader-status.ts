// The card reader's latest status for the screen: `reader.status` asked once at start, then every `reader.status` push.
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ReaderStatus } from './card-types';

/** Undefined until core has answered (or when it could not): no news is not shown as bad news. */
export function useReaderStatus(kiosk: KioskApi): ReaderStatus | undefined {
  const [status, setStatus] = useState<ReaderStatus>();

  useEffect(() => {
    let current = true;
    const unsubscribe = kiosk.on('reader.status', (pushed) => setStatus(pushed));
    void kiosk.invoke('reader.status', {}).then((envelope) => {
      // A push that arrived before the answer is newer than it; keep the push.
      if (current && envelope.ok) setStatus((previous) => previous ?? envelope.value);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [kiosk]);

  return status;
}
