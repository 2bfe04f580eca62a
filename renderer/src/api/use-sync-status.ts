// The province link's latest state for the screen: `sync.status` asked once at start, then every `sync.status` push.
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ChannelOutput } from '../../../electron/ipc/contract.js';

export type SyncState = ChannelOutput<'sync.status'>;
export type SyncConnection = SyncState['connection'];

/** Undefined until core has answered (or when it could not): no news is not shown as bad news. */
export function useSyncStatus(kiosk: KioskApi): SyncState | undefined {
  const [state, setState] = useState<SyncState>();

  useEffect(() => {
    let current = true;
    const unsubscribe = kiosk.on('sync.status', (pushed) => setState(pushed));
    void kiosk.invoke('sync.status', {}).then((envelope) => {
      // A push that arrived before the answer is newer than it; keep the push.
      if (current && envelope.ok) setState((previous) => previous ?? envelope.value);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [kiosk]);

  return state;
}
