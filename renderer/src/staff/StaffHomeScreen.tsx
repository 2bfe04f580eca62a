// The staff console after sign-in: the staff home, and the console screens opened from it (queue, decision, proxy
// wizard, SLA board, duty), each with Back to where it came from. The session's own staff screens (manual entry,
// checkpoint, printer) are still opened through the session.
import { useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { QueueScope } from '../api/approval-types';
import type { SignedInOfficer } from '../api/staff-types';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SyncState } from '../api/use-sync-status';
import type { FrameInfo } from '../components/ScreenFrame';
import type { ConsoleProps } from './console-props';
import { DecideScreen } from './DecideScreen';
import { DutyScreen } from './DutyScreen';
import { ProxyWizardScreen } from './ProxyWizardScreen';
import { QueueScreen } from './QueueScreen';
import { SlaBoardScreen } from './SlaBoardScreen';
import { StaffHomeMenu, type ConsoleTask } from './StaffHomeMenu';

interface StaffHomeScreenProps {
  info: FrameInfo;
  officer: SignedInOfficer;
  sync: SyncState | undefined;
  printer: PrinterStatus | undefined;
  onManual: () => void;
  onCheckpoint: () => void;
  onPrinter: () => void;
  onSignOut: () => void;
  kiosk: KioskApi;
}

/** Which console screen shows: the home, a queue tab, a decision (and the tab it came from), or a task. */
type View =
  | { screen: 'home' }
  | { screen: 'queue'; scope: QueueScope }
  | { screen: 'decide'; applicationId: string; scope: QueueScope }
  | { screen: 'proxy' | 'board' | 'duty' };

export function StaffHomeScreen({ kiosk, ...props }: StaffHomeScreenProps) {
  const [view, setView] = useState<View>({ screen: 'home' });
  const home = () => setView({ screen: 'home' });
  const base: ConsoleProps = {
    info: props.info,
    kiosk,
    officer: props.officer,
    sync: props.sync,
    printer: props.printer,
    onBack: home,
    onSignOut: props.onSignOut,
  };

  const openTask = (task: ConsoleTask) =>
    setView(
      task === 'queue' ? { screen: 'queue', scope: 'mine' } : task === 'team' ? { screen: 'queue', scope: 'team' } : { screen: task },
    );
  const showQueue = (scope: QueueScope) => setView({ screen: 'queue', scope });
  const openDecision = (applicationId: string, scope: QueueScope) => setView({ screen: 'decide', applicationId, scope });

  switch (view.screen) {
    case 'home':
      return <StaffHomeMenu {...props} kiosk={kiosk} onTask={openTask} />;
    case 'queue':
      return (
        <QueueScreen {...base} scope={view.scope} onScope={showQueue} onOpen={(applicationId) => openDecision(applicationId, view.scope)} />
      );
    case 'decide':
      return (
        <DecideScreen
          // A different application is a fresh screen: no decision half-made on another carried over.
          key={view.applicationId}
          {...base}
          applicationId={view.applicationId}
          onBack={() => showQueue(view.scope)}
        />
      );
    case 'proxy':
      return <ProxyWizardScreen {...base} />;
    case 'board':
      return <SlaBoardScreen {...base} />;
    case 'duty':
      return <DutyScreen {...base} />;
  }
}
