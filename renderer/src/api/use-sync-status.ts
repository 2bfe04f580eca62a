// The province link's latest state for the screen.
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ChannelOutput } from '../../../electron/ipc/contract.js';
import { useCoreState } from './use-core-state';

export type SyncState = ChannelOutput<'sync.status'>;
export type SyncConnection = SyncState['connection'];

export const useSyncStatus = (kiosk: KioskApi): SyncState | undefined => useCoreState(kiosk, 'sync.status');
