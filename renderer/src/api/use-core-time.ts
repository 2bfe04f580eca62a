// Core's current time for the screen: `system.health`.now at start, then every `clock.tick` push.
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';

export function useCoreTime(kiosk: KioskApi): string | undefined {
  const [now, setNow] = useState<string>();

  useEffect(() => {
    let current = true;
    const unsubscribe = kiosk.on('clock.tick', ({ now: tick }) => setNow(tick));
    void kiosk.invoke('system.health', {}).then((envelope) => {
      // A tick that arrived first is newer than the health answer; keep it.
      if (current && envelope.ok) setNow((previous) => previous ?? envelope.value.now);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [kiosk]);

  return now;
}
