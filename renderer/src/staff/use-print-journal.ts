// The print journal for the printer screen: `printer.jobs` on arrival, again on every `printer.status` push (a job was
// added, finished or failed) and whenever the screen asks (after a reprint or dismiss). Only the newest answer counts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ChannelOutput } from '../../../electron/ipc/contract.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';

export type PrintJob = ChannelOutput<'printer.jobs'>[number];

/** How many jobs the screen lists: a day's slips at a busy hall, and all that still need staff. */
export const JOURNAL_LIMIT = 50;

export interface PrintJournal {
  /** Newest first; undefined until the first answer. */
  jobs: readonly PrintJob[] | undefined;
  /** The latest refresh failed (the jobs shown, if any, are from the one before). */
  error: ErrorData | undefined;
  refresh: () => void;
}

export function usePrintJournal(kiosk: KioskApi): PrintJournal {
  const [jobs, setJobs] = useState<readonly PrintJob[]>();
  const [error, setError] = useState<ErrorData>();
  const latest = useRef(0);
  const mounted = useRef(true);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    void kiosk.invoke('printer.jobs', { limit: JOURNAL_LIMIT }).then((envelope) => {
      // An older answer arriving after a newer one would show a journal from before the last change.
      if (!mounted.current || request !== latest.current) return;
      if (envelope.ok) {
        setJobs(envelope.value);
        setError(undefined);
      } else setError(envelope.error);
    });
  }, [kiosk]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    const unsubscribe = kiosk.on('printer.status', refresh);
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [kiosk, refresh]);

  return { jobs, error, refresh };
}
