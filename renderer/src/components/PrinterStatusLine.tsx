// The printer for staff in plain words and a shape: ready / paper low / out of paper / cover open / offline / error /
// unreachable, and the jobs that failed and wait for a reprint. Shown on every staff screen.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canPrint, type PrinterState, type PrinterStatus } from '../api/use-printer-status';
import { OnMark, PendingMark, WarningMark } from './StatusMark';

export function PrinterStatusLine({ status }: { status: PrinterStatus | undefined }) {
  const { t } = useTranslation(['common', 'staff']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  const words: Record<PrinterState, string> = {
    ready: t('staff:printer.ready'),
    'paper-near-end': t('staff:printer.paperNearEnd'),
    'paper-end': t('staff:printer.paperEnd'),
    'cover-open': t('staff:printer.coverOpen'),
    offline: t('staff:printer.offline'),
    error: t('staff:printer.error'),
    unreachable: t('staff:printer.unreachable'),
  };
  if (status === undefined) {
    return (
      <div className="printer-status" role="status" data-testid="printer-status" data-state="unknown">
        <p>
          <PendingMark /> {t('staff:printer.checking')}
        </p>
      </div>
    );
  }
  const mark: ReactNode = status.state === 'ready' ? <OnMark /> : <WarningMark />;
  return (
    <div className="printer-status" role="status" data-testid="printer-status" data-state={status.state}>
      <p data-testid="printer-state" className={canPrint(status.state) ? undefined : 'sync-failed'}>
        {mark} {words[status.state]}
      </p>
      {status.failedJobs > 0 ? (
        <p className="sync-failed" data-testid="printer-failed" data-failed={status.failedJobs}>
          <WarningMark /> {t('staff:printer.failedJobs', { count: status.failedJobs })}
        </p>
      ) : null}
    </div>
  );
}
