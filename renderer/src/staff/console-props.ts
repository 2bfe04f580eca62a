// What every staff console screen gets from the console: who is signed in, core's API, the status strip's states and
// the ways out (Back to where it came from, Sign out).
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { SignedInOfficer } from '../api/staff-types';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SyncState } from '../api/use-sync-status';
import type { FrameInfo } from '../components/ScreenFrame';

export interface ConsoleProps {
  info: FrameInfo;
  kiosk: KioskApi;
  officer: SignedInOfficer;
  sync: SyncState | undefined;
  printer: PrinterStatus | undefined;
  onBack: () => void;
  onSignOut: () => void;
}
