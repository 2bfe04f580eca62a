// The renderer's one way out: the `window.kiosk` API; failing loudly if boot forgot to install it.
import type { KioskApi } from '../../../electron/ipc/bridge.js';

export function getKiosk(): KioskApi {
  const kiosk = window.kiosk;
  if (!kiosk) throw new Error('window.kiosk is missing: installKiosk() must run before the app renders');
  return kiosk;
}
