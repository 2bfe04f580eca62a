// One application's decision screen data (`queue.detail`): asked on arrival and on every `queue.changed` push; a
// decision's own answer replaces it at once. Only the newest answer counts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { ReviewDetail } from '../api/approval-types';

export interface ReviewDetailState {
  detail: ReviewDetail | undefined;
  fetchedAt: number;
  error: ErrorData | undefined;
  /** A newer answer from elsewhere (queue.decide's own). */
  replace: (detail: ReviewDetail) => void;
}

export function useReviewDetail(kiosk: KioskApi, applicationId: string): ReviewDetailState {
  const [state, setState] = useState<{ detail: ReviewDetail | undefined; fetchedAt: number; error: ErrorData | undefined }>({
    detail: undefined,
    fetchedAt: 0,
    error: undefined,
  });
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    void kiosk.invoke('queue.detail', { applicationId }).then((envelope) => {
      if (request !== latest.current) return;
      if (envelope.ok) setState({ detail: envelope.value, fetchedAt: Date.now(), error: undefined });
      else setState((previous) => ({ ...previous, error: envelope.error }));
    });
  }, [kiosk, applicationId]);

  useEffect(() => {
    refresh();
    const off = kiosk.on('queue.changed', refresh);
    return () => {
      // Answers after leaving are not wanted.
      latest.current += 1;
      off();
    };
  }, [kiosk, refresh]);

  const replace = useCallback((detail: ReviewDetail) => {
    // Any answer still on its way is older than this one.
    latest.current += 1;
    setState({ detail, fetchedAt: Date.now(), error: undefined });
  }, []);

  return { ...state, replace };
}
