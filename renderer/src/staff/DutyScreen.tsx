// Duty: every officer of the hall with roles, on duty or away, delegate, backup and load. Each officer sets their own
// duty, absence and delegate; a community head or admin also sets others' duty and everyone's backup; an admin
// enrols new officers by their ID card.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may, type DutyChange } from '../api/approval-types';
import { useOfficers } from '../api/use-officers';
import { PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { ConsoleFrame } from './ConsoleFrame';
import type { ConsoleProps } from './console-props';
import { DutyRow } from './DutyRow';
import { EnrolOfficerPanel } from './EnrolOfficerPanel';
import { ActionResult, type ActionOutcome } from './ActionResult';

export function DutyScreen(screen: ConsoleProps) {
  const { t } = useTranslation(['common', 'staff']);
  const { kiosk, officer: me } = screen;
  const { officers, error: loadError, refresh } = useOfficers(kiosk);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionOutcome>();
  const manager = may(me, 'manageDuty');
  const admin = may(me, 'enrol');

  const change = async (input: DutyChange) => {
    if (busy) return;
    setBusy(true);
    const envelope = await kiosk.invoke('officers.duty', input);
    setBusy(false);
    setResult(
      envelope.ok
        ? { kind: 'done', text: t('staff:duty.saved', { name: envelope.value.maskedName }) }
        : { kind: 'error', error: envelope.error },
    );
    refresh();
  };

  return (
    <ConsoleFrame testId="staff-duty" screen={screen}>
      <h1>{t('staff:duty.heading')}</h1>
      <ActionResult outcome={result} testId="duty-result" />
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
