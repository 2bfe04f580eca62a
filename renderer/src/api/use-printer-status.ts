// The printer's latest state for the screen.
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ChannelOutput } from '../../../electron/ipc/contract.js';
import { useCoreState } from './use-core-state';

export type PrinterStatus = ChannelOutput<'printer.status'>;
export type PrinterState = PrinterStatus['state'];

export const usePrinterStatus = (kiosk: KioskApi): PrinterStatus | undefined => useCoreState(kiosk, 'printer.status');

/** States in which a slip can still come out (near end warns but prints). */
export const canPrint = (state: PrinterState) => state === 'ready' || state === 'paper-near-end';
