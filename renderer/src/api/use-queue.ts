// One page of the approval queue for a scope: asked on arrival, again on every `queue.changed` push (a new item, a
// decision, an SLA step), on every `clock.tick` and every 30 s. Only the newest answer counts; `fetchedAt` (browser
// ms) lets the countdown run from core's `remainingMs` between answers.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { QueuePage, QueueScope } from './approval-types';

/** How often the queue is asked again without a push: levels and escalations also change by the clock alone. */
export const QUEUE_REFRESH_MS = 30_000;

export interface QueueState {
  page: QueuePage | undefined;
  /** Date.now() when `page` arrived: the countdown subtracts the time since. */
  fetchedAt: number;
  error: ErrorData | undefined;
  refresh: () => void;
}

export function useQueue(kiosk: KioskApi, scope: QueueScope, page: number, pageSize: number): QueueState {
  const [state, setState] = useState<{ page: QueuePage | undefined; fetchedAt: number; error: ErrorData | undefined }>({
    page: undefined,
    fetchedAt: 0,
    error: undefined,
  });
  const latest = useRef(0);
  const mounted = useRef(true);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    void kiosk.invoke('queue.list', { scope, page, pageSize }).then((envelope) => {
      // An older answer arriving after a newer one would bring back a queue from before the last change.
      if (!mounted.current || request !== latest.current) return;
      if (envelope.ok) setState({ page: envelope.value, fetchedAt: Date.now(), error: undefined });
      else setState((previous) => ({ ...previous, error: envelope.error }));
    });
  }, [kiosk, scope, page, pageSize]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    const offChanged = kiosk.on('queue.changed', refresh);
    const offTick = kiosk.on('clock.tick', refresh);
    const timer = setInterval(refresh, QUEUE_REFRESH_MS);
    return () => {
      mounted.current = false;
      offChanged();
      offTick();
      clearInterval(timer);
    };
  }, [kiosk, refresh]);

  return { ...state, refresh };
}
