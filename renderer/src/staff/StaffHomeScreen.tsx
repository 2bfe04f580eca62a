// The staff home after sign-in: who is signed in (masked name, staff number, roles in words) and what they can do here.
import { useTranslation } from 'react-i18next';
import type { Role, SignedInOfficer } from '../api/staff-types';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SyncState } from '../api/use-sync-status';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { WarningMark } from '../components/StatusMark';
import { StaffStrip } from './StaffStrip';

interface StaffHomeScreenProps {
  info: FrameInfo;
  officer: SignedInOfficer;
  sync: SyncState | undefined;
  printer: PrinterStatus | undefined;
  onManual: () => void;
  onCheckpoint: () => void;
  onPrinter: () => void;
  onSignOut: () => void;
}

export function StaffHomeScreen({ info, officer, sync, printer, onManual, onCheckpoint, onPrinter, onSignOut }: StaffHomeScreenProps) {
  const { t } = useTranslation(['common', 'staff', 'verify']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  const roleNames: Record<Role, string> = {
    officer: t('staff:roles.officer'),
    approver: t('staff:roles.approver'),
    'community-head': t('staff:roles.community-head'),
    admin: t('staff:roles.admin'),
  };
  return (
    <ScreenFrame
      testId="staff-home"
      info={info}
      status={<StaffStrip officer={officer} sync={sync} printer={printer} onSignOut={onSignOut} />}
    >
      <h1>{t('staff:home.heading')}</h1>
      <dl className="identity-fields staff-officer">
        <div>
          <dt>{t('staff:home.name')}</dt>
          <dd data-testid="staff-officer-name">{officer.maskedName}</dd>
        </div>
        <div>
          <dt>{t('staff:home.staffNo')}</dt>
          <dd data-testid="staff-officer-no">{officer.staffNo}</dd>
        </div>
        <div>
          <dt>{t('staff:home.roles')}</dt>
          <dd data-testid="staff-officer-roles">{officer.roles.map((role) => roleNames[role]).join(t('staff:home.roleSeparator'))}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" className="button button-primary button-huge" data-testid="staff-manual" onClick={onManual}>
          {t('staff:home.manual')}
        </button>
        <button type="button" className="button button-primary button-huge" data-testid="staff-open-checkpoint" onClick={onCheckpoint}>
          {t('verify:open')}
        </button>
        <button
          type="button"
          className="button button-primary button-huge button-stacked"
          data-testid="staff-open-printer"
          onClick={onPrinter}
        >
          {t('staff:home.printer')}
          {/* Slips waiting for staff are the reason to come here: said on the button, not only in the strip. */}
          {printer && printer.failedJobs > 0 ? (
            <span className="button-note" data-testid="staff-open-printer-failed">
              <WarningMark /> {t('staff:home.printerFailed', { count: printer.failedJobs })}
            </span>
          ) : null}
        </button>
      </div>
    </ScreenFrame>
  );
}
