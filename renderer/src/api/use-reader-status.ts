// The card reader's latest status for the screen.
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ReaderStatus } from './card-types';
import { useCoreState } from './use-core-state';

export const useReaderStatus = (kiosk: KioskApi): ReaderStatus | undefined => useCoreState(kiosk, 'reader.status');
