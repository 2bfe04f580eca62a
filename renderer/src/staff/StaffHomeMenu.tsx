// The staff home after sign-in: who is signed in (masked name, staff number, roles in words) and what they can do here,
// each button shown only to the roles that may use it; My queue carries the count of open and overdue items.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import { may } from '../api/approval-types';
import type { SignedInOfficer } from '../api/staff-types';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SyncState } from '../api/use-sync-status';
import { useMyQueueCount } from '../api/use-my-queue-count';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { WarningMark } from '../components/StatusMark';
import { StaffStrip } from './StaffStrip';
import { useRoleWords } from './use-console-words';

/** The console's own screens, opened from here. */
export type ConsoleTask = 'queue' | 'team' | 'proxy' | 'board' | 'duty';

interface StaffHomeMenuProps {
  info: FrameInfo;
  kiosk: KioskApi;
  officer: SignedInOfficer;
  sync: SyncState | undefined;
  printer: PrinterStatus | undefined;
  onManual: () => void;
  onCheckpoint: () => void;
  onPrinter: () => void;
  onTask: (task: ConsoleTask) => void;
  onSignOut: () => void;
}

export function StaffHomeMenu({
  info,
  kiosk,
  officer,
  sync,
  printer,
  onManual,
  onCheckpoint,
  onPrinter,
  onTask,
  onSignOut,
}: StaffHomeMenuProps) {
  const { t } = useTranslation(['common', 'staff', 'verify']);
  const roleNames = useRoleWords();
  const deskWork = officer.roles.includes('officer');
  const count = useMyQueueCount(kiosk, may(officer, 'queue'));
  const button = (testId: string, label: string, onClick: () => void, note?: ReactNode) => (
    <button key={testId} type="button" className="button button-primary button-huge button-stacked" data-testid={testId} onClick={onClick}>
      {label}
      {note}
    </button>
  );
  const mayQueue = may(officer, 'queue');
  const queueNote = count ? (
    <span className="button-note" data-testid="staff-queue-count" data-open={count.open} data-overdue={count.overdue}>
      {count.overdue > 0 ? <WarningMark /> : null} {t('staff:home.queueCount', { count: count.open })}
      {count.overdue > 0 ? ` · ${t('staff:home.queueOverdue', { count: count.overdue })}` : ''}
    </span>
  ) : undefined;
  // Slips waiting for staff are the reason to come here: said on the button, not only in the strip.
  const printerNote =
    printer && printer.failedJobs > 0 ? (
      <span className="button-note" data-testid="staff-open-printer-failed">
        <WarningMark /> {t('staff:home.printerFailed', { count: printer.failedJobs })}
      </span>
    ) : undefined;
  const buttons = [
    mayQueue && button('staff-open-queue', t('staff:home.queue'), () => onTask('queue'), queueNote),
    mayQueue && button('staff-open-team', t('staff:home.team'), () => onTask('team')),
    may(officer, 'proxy') && button('staff-open-proxy', t('staff:home.proxy'), () => onTask('proxy')),
    may(officer, 'board') && button('staff-open-board', t('staff:home.board'), () => onTask('board')),
    may(officer, 'duty') && button('staff-open-duty', t('staff:home.duty'), () => onTask('duty')),
    // Desk work of earlier issues: core lets only the officer role do it.
    deskWork && button('staff-manual', t('staff:home.manual'), onManual),
    deskWork && button('staff-open-checkpoint', t('verify:open'), onCheckpoint),
    deskWork && button('staff-open-printer', t('staff:home.printer'), onPrinter, printerNote),
  ];
  return (
    <ScreenFrame
      testId="staff-home"
      info={info}
      status={<StaffStrip officer={officer} sync={sync} printer={printer} onSignOut={onSignOut} kiosk={kiosk} />}
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
      <div className="actions">{buttons}</div>
    </ScreenFrame>
  );
}
