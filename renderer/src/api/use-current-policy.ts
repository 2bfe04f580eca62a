// The policy in force (`policy.current`), asked once: the proxy wizard offers its family relationships.
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ChannelOutput } from '../../../electron/ipc/contract.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';

export type CurrentPolicy = ChannelOutput<'policy.current'>;

export function useCurrentPolicy(kiosk: KioskApi): { policy: CurrentPolicy | undefined; error: ErrorData | undefined } {
  const [state, setState] = useState<{ policy: CurrentPolicy | undefined; error: ErrorData | undefined }>({
    policy: undefined,
    error: undefined,
  });
  useEffect(() => {
    let current = true;
    void kiosk.invoke('policy.current', {}).then((envelope) => {
      if (!current) return;
      setState(envelope.ok ? { policy: envelope.value, error: undefined } : { policy: undefined, error: envelope.error });
    });
    return () => {
      current = false;
    };
  }, [kiosk]);
  return state;
}
