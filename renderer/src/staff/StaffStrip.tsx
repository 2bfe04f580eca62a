// The status line on every signed-in staff screen: who is signed in ("工作人员：王**（0001）"), Sign out, the
// province link (connected / degraded / offline, the queue, what was refused), the printer (its state, failed slips),
// the card reader, core's time, and the officer's SLA alerts as a polite toast.
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SignedInOfficer } from '../api/staff-types';
import type { SyncState } from '../api/use-sync-status';
import { useCoreTime } from '../api/use-core-time';
import { useKioskApi } from '../api/use-kiosk-api';
import { useReaderStatus } from '../api/use-reader-status';
import { useSlaAlerts } from '../api/use-sla-alerts';
import { PrinterStatusLine } from '../components/PrinterStatusLine';
import { SyncStatusLine } from '../components/SyncStatusLine';
import { formatCoreTime } from '../i18n/format-time';
import { ReaderStripLine } from './ReaderStripLine';
import { SlaAlertToast } from './SlaAlertToast';

interface StaffStripProps {
  officer: SignedInOfficer;
  /** Core's latest sync state; undefined until it has answered. */
  sync: SyncState | undefined;
  /** Core's latest printer state; undefined until it has answered. */
  printer: PrinterStatus | undefined;
  onSignOut: () => void;
  /** The screen's kiosk API; `window.kiosk` when a screen does not pass it. */
  kiosk?: KioskApi;
}

export function StaffStrip({ officer, sync, printer, onSignOut, kiosk: given }: StaffStripProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const kiosk = useKioskApi(given);
  const reader = useReaderStatus(kiosk);
  const now = useCoreTime(kiosk);
  const { alerts, dismiss } = useSlaAlerts(kiosk, officer);
  const clock = now ? formatCoreTime(now, i18n.language) : undefined;
  return (
    <div className="staff-strip" data-testid="staff-strip">
      <div className="staff-strip-row">
        <p data-testid="staff-strip-officer">{t('staff:strip.officer', { name: officer.maskedName, staffNo: officer.staffNo })}</p>
        <p data-testid="strip-time">
          {clock ? <time dateTime={now}>{t('staff:strip.time', { date: clock.date, time: clock.time })}</time> : null}
        </p>
        <button type="button" className="button button-quiet" data-testid="staff-sign-out" onClick={onSignOut}>
          {t('staff:strip.signOut')}
        </button>
      </div>
      <SyncStatusLine state={sync} />
      <div className="staff-strip-devices">
        <PrinterStatusLine status={printer} />
        <ReaderStripLine status={reader} />
      </div>
      <SlaAlertToast alerts={alerts} onDismiss={dismiss} />
    </div>
  );
}
