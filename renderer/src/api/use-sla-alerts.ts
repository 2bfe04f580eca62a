// `sla.alert` pushes for the signed-in officer: those naming their staff number, and those naming nobody (reports for
// community heads, shown to a community head or admin). Keeps the newest few for a polite toast.
import { useEffect, useEffectEvent, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { SignedInOfficer } from './staff-types';
import type { SlaAlert } from './approval-types';

/** Enough to read the last few; older ones are in each application's history anyway. */
const KEPT_ALERTS = 3;

export const concernsOfficer = (alert: SlaAlert, officer: Pick<SignedInOfficer, 'staffNo' | 'roles'>) =>
  alert.staffNo === null ? officer.roles.includes('community-head') || officer.roles.includes('admin') : alert.staffNo === officer.staffNo;

export function useSlaAlerts(kiosk: KioskApi, officer: SignedInOfficer): { alerts: readonly SlaAlert[]; dismiss: () => void } {
  const [alerts, setAlerts] = useState<readonly SlaAlert[]>([]);
  const received = useEffectEvent((alert: SlaAlert) => {
    if (concernsOfficer(alert, officer)) setAlerts((previous) => [alert, ...previous].slice(0, KEPT_ALERTS));
  });
  useEffect(() => kiosk.on('sla.alert', (alert) => received(alert)), [kiosk]);
  return { alerts, dismiss: () => setAlerts([]) };
}
