// Follows core's word on the staff session: a `staff.session` push with no officer (signed out, also by core's own idle
// timeout) is reported; and at start an officer left signed in (a reload mid-session) is signed out, as Home never is.
import { useEffect, useEffectEvent } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';

export function useStaffSession(kiosk: KioskApi, onSignedOut: () => void) {
  const signedOut = useEffectEvent(onSignedOut);

  useEffect(() => {
    const unsubscribe = kiosk.on('staff.session', ({ officer }) => {
      if (officer === null) signedOut();
    });
    void kiosk.invoke('staff.session', {}).then((envelope) => {
      if (envelope.ok && envelope.value.officer !== null) void kiosk.invoke('staff.signOut', {});
    });
    return unsubscribe;
  }, [kiosk]);
}
