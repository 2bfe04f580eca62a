// Community head or admin: give an open application to another approver (the SLA clock keeps running).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { QueueItem } from '../api/approval-types';
import { useOfficers } from '../api/use-officers';
import { ActionResult, type ActionOutcome } from './ActionResult';

export function ReassignPanel({ kiosk, item }: { kiosk: KioskApi; item: QueueItem }) {
  const { t } = useTranslation(['common', 'staff']);
  const { officers } = useOfficers(kiosk);
  const [to, setTo] = useState('');
  const [result, setResult] = useState<ActionOutcome>();
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const approvers = (officers ?? []).filter(
    (officer) => officer.active && officer.roles.includes('approver') && officer.staffNo !== item.assignedTo?.staffNo,
  );

  const reassign = async () => {
    if (busy || to === '') return;
    setBusy(true);
    const envelope = await kiosk.invoke('queue.reassign', { applicationId: item.applicationId, toStaffNo: to });
    setBusy(false);
    setResult(
      envelope.ok
        ? { kind: 'done', text: t('staff:decide.reassign.done', { name: envelope.value.assignedTo?.maskedName ?? '' }) }
        : { kind: 'error', error: envelope.error },
    );
  };

  return (
    <section className="console-panel" data-testid="reassign-panel" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`}>{t('staff:decide.reassign.heading')}</h2>
      <label htmlFor={selectId}>{t('staff:decide.reassign.to')}</label>{' '}
      <select id={selectId} data-testid="reassign-to" value={to} onChange={(event) => setTo(event.target.value)}>
        <option value="">{t('staff:decide.reassign.choose')}</option>
        {approvers.map((officer) => (
          <option key={officer.staffNo} value={officer.staffNo}>
            {t('staff:decide.reassign.option', { name: officer.maskedName, staffNo: officer.staffNo, load: officer.load })}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        className="button button-secondary"
        data-testid="reassign-submit"
        disabled={busy || to === ''}
        onClick={() => void reassign()}
      >
        {t('staff:decide.reassign.submit')}
      </button>
      <ActionResult outcome={result} testId="reassign-result" />
    </section>
  );
}
