// SLA alerts for the signed-in officer, said politely (a live region that does not interrupt): "MSB-… reached 90% of
// its time", "… was escalated", "… is overdue", "… was issued by the province after the deadline".
import { useTranslation } from 'react-i18next';
import type { SlaAlert } from '../api/approval-types';
import { WarningMark } from '../components/StatusMark';

/** A warning step is a fraction of the allowed time ("0.9"); shown as a percentage. */
const percent = (step: string | null) => (step !== null && Number.isFinite(Number(step)) ? Math.round(Number(step) * 100) : undefined);

export function SlaAlertToast({ alerts, onDismiss }: { alerts: readonly SlaAlert[]; onDismiss: () => void }) {
  const { t } = useTranslation(['common', 'staff']);
  const sentence = (alert: SlaAlert) => {
    const share = percent(alert.step);
    switch (alert.kind) {
      case 'warned':
        return share === undefined
          ? t('staff:alerts.warnedPlain', { ref: alert.ref })
          : t('staff:alerts.warned', { ref: alert.ref, percent: share });
      case 'escalated':
        return t('staff:alerts.escalated', { ref: alert.ref });
      case 'overdue':
        return t('staff:alerts.overdue', { ref: alert.ref });
      case 'auto-defaulted':
        return t('staff:alerts.auto-defaulted', { ref: alert.ref });
    }
  };
  return (
    <div className="sla-toast" role="status" aria-live="polite" data-testid="sla-toast">
      {alerts.length === 0 ? null : (
        <>
          <ul>
            {alerts.map((alert, index) => (
              <li key={`${alert.applicationId}-${alert.kind}-${alert.step ?? ''}-${index}`} data-testid="sla-alert" data-kind={alert.kind}>
                <WarningMark /> {sentence(alert)}
              </li>
            ))}
          </ul>
          <button type="button" className="button button-quiet" data-testid="sla-toast-dismiss" onClick={onDismiss}>
            {t('staff:alerts.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
