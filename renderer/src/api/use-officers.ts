// The hall's officers (duty, delegation, backup, load) from `officers.list`, again on `queue.changed` (loads move)
// and whenever the screen asks (after a duty change). Only the newest answer counts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { OfficerView } from './approval-types';

export function useOfficers(kiosk: KioskApi): {
  officers: readonly OfficerView[] | undefined;
  error: ErrorData | undefined;
  refresh: () => void;
} {
  const [officers, setOfficers] = useState<readonly OfficerView[]>();
  const [error, setError] = useState<ErrorData>();
  const latest = useRef(0);
  const mounted = useRef(true);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    void kiosk.invoke('officers.list', {}).then((envelope) => {
      if (!mounted.current || request !== latest.current) return;
      if (envelope.ok) {
        setOfficers(envelope.value);
        setError(undefined);
      } else setError(envelope.error);
    });
  }, [kiosk]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    const off = kiosk.on('queue.changed', refresh);
    return () => {
      mounted.current = false;
      off();
    };
  }, [kiosk, refresh]);

  return { officers, error, refresh };
}
