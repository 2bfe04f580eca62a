// The signed-in officer's own queue in two numbers for the staff home's badge: open items and how many are overdue.
// Asked on arrival and on every `queue.changed` push; undefined until core answers (or when it refuses).
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';

/** Enough to count a desk's overdue items; core orders them first, so a longer queue still counts them all. */
const COUNT_PAGE = 200;

export function useMyQueueCount(kiosk: KioskApi, enabled: boolean): { open: number; overdue: number } | undefined {
  const [count, setCount] = useState<{ open: number; overdue: number }>();
  useEffect(() => {
    if (!enabled) return;
    let latest = 0;
    let current = true;
    const ask = () => {
      const request = ++latest;
      void kiosk.invoke('queue.list', { scope: 'mine', page: 0, pageSize: COUNT_PAGE }).then((envelope) => {
        if (!current || request !== latest || !envelope.ok) return;
        setCount({ open: envelope.value.total, overdue: envelope.value.items.filter((item) => item.level === 'overdue').length });
      });
    };
    ask();
    const off = kiosk.on('queue.changed', ask);
    return () => {
      current = false;
      off();
    };
  }, [kiosk, enabled]);
  return count;
}
