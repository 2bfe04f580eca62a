// The printer's latest state for the screen: `printer.status` asked once at start, then every `printer.status` push.
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ChannelOutput } from '../../../electron/ipc/contract.js';

export type PrinterStatus = ChannelOutput<'printer.status'>;
export type PrinterState = PrinterStatus['state'];

/** Undefined until core has answered (or when it could not): no news is not shown as bad news. */
export function usePrinterStatus(kiosk: KioskApi): PrinterStatus | undefined {
  const [status, setStatus] = useState<PrinterStatus>();

  useEffect(() => {
    let current = true;
    const unsubscribe = kiosk.on('printer.status', (pushed) => setStatus(pushed));
    void kiosk.invoke('printer.status', {}).then((envelope) => {
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

/** States in which a slip can still come out (near end warns but prints). */
export const canPrint = (state: PrinterState) => state === 'ready' || state === 'paper-near-end';
