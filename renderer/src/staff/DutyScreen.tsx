// Duty: every officer of the hall with roles, on duty or away, delegate, backup and load. Each officer sets their own
// duty, absence and delegate; a community head or admin also sets others' duty and everyone's backup; an admin
// enrols new officers by their ID card.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { may, type DutyChange } from '../api/approval-types';
import { useOfficers } from '../api/use-officers';
import { DoneMark, PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { ConsoleFrame } from './ConsoleFrame';
import type { ConsoleProps } from './console-props';
import { DutyRow } from './DutyRow';
import { EnrolOfficerPanel } from './EnrolOfficerPanel';

export function DutyScreen(screen: ConsoleProps) {
  const { t } = useTranslation(['common', 'staff']);
  const { kiosk, officer: me } = screen;
  const { officers, error: loadError, refresh } = useOfficers(kiosk);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'saved'; name: string } | { kind: 'error'; error: ErrorData }>();
  const manager = may(me, 'manageDuty');
  const admin = may(me, 'enrol');

  const change = async (input: DutyChange) => {
    if (busy) return;
    setBusy(true);
    const envelope = await kiosk.invoke('officers.duty', input);
    setBusy(false);
    setResult(envelope.ok ? { kind: 'saved', name: envelope.value.maskedName } : { kind: 'error', error: envelope.error });
    refresh();
  };

  return (
    <ConsoleFrame testId="staff-duty" screen={screen}>
      <h1>{t('staff:duty.heading')}</h1>
      <p role="status" data-testid="duty-result">
        {result?.kind === 'saved' ? (
          <>
            <DoneMark /> {t('staff:duty.saved', { name: result.name })}
          </>
        ) : result?.kind === 'error' ? (
          <>
            <WarningMark /> {errorMessage(t, result.error)}
          </>
        ) : null}
      </p>
      {loadError ? (
        <p role="alert" data-testid="duty-error">
          <WarningMark /> {errorMessage(t, loadError)}
        </p>
      ) : null}
      {officers === undefined ? (
        loadError ? null : (
          <p data-testid="duty-loading">
            <PendingMark /> {t('staff:duty.loading')}
          </p>
        )
      ) : (
        <table className="console-table" data-testid="duty-table">
          <thead>
            <tr>
              <th scope="col">{t('staff:duty.officer')}</th>
              <th scope="col">{t('staff:duty.roles')}</th>
              <th scope="col">{t('staff:duty.state')}</th>
              <th scope="col">{t('staff:duty.delegate')}</th>
              <th scope="col">{t('staff:duty.backup')}</th>
              <th scope="col">{t('staff:duty.load')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <DutyRow
                key={officer.staffNo}
                officer={officer}
                officers={officers}
                editable={officer.staffNo === me.staffNo || manager}
                manager={manager}
                busy={busy}
                onChange={(input) => void change(input)}
              />
            ))}
          </tbody>
        </table>
      )}
      {admin ? <EnrolOfficerPanel kiosk={kiosk} onEnrolled={refresh} /> : null}
    </ConsoleFrame>
  );
}
