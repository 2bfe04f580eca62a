// The status line on every signed-in staff screen: who is signed in ("工作人员：王**（0001）"), Sign out, the
// province link (connected / degraded / offline, the queue, what was refused) and the printer (its state, failed slips).
import { useTranslation } from 'react-i18next';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SignedInOfficer } from '../api/staff-types';
import type { SyncState } from '../api/use-sync-status';
import { PrinterStatusLine } from '../components/PrinterStatusLine';
import { SyncStatusLine } from '../components/SyncStatusLine';

interface StaffStripProps {
  officer: SignedInOfficer;
  /** Core's latest sync state; undefined until it has answered. */
  sync: SyncState | undefined;
  /** Core's latest printer state; undefined until it has answered. */
  printer: PrinterStatus | undefined;
  onSignOut: () => void;
}

export function StaffStrip({ officer, sync, printer, onSignOut }: StaffStripProps) {
  const { t } = useTranslation(['common', 'staff']);
  return (
    <div className="staff-strip" data-testid="staff-strip">
      <div className="staff-strip-row">
        <p data-testid="staff-strip-officer">{t('staff:strip.officer', { name: officer.maskedName, staffNo: officer.staffNo })}</p>
        <button type="button" className="button button-quiet" data-testid="staff-sign-out" onClick={onSignOut}>
          {t('staff:strip.signOut')}
        </button>
      </div>
      <SyncStatusLine state={sync} />
      <PrinterStatusLine status={printer} />
    </div>
  );
}
