// The kiosk API for a staff component: the one its screen passed down, or `window.kiosk` for components that the
// session renders without one (the status strip on screens written before it needed the reader and the time).
import { useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import { getKiosk } from './kiosk';

export function useKioskApi(given?: KioskApi): KioskApi {
  const [fallback] = useState(() => given ?? getKiosk());
  return given ?? fallback;
}
