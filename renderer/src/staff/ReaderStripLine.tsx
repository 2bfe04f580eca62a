// The card reader on the staff strip, in words and a shape: ready, connecting, not set up, disconnected, SAM fault.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderStatus } from '../api/card-types';
import { OffMark, OnMark, PendingMark, WarningMark } from '../components/StatusMark';

type ReaderState = ReaderStatus['state'];

const marks: Record<ReaderState, () => ReactNode> = {
  ready: OnMark,
  connecting: PendingMark,
  'not-configured': OffMark,
  disconnected: WarningMark,
  'sam-fault': WarningMark,
};

export function ReaderStripLine({ status }: { status: ReaderStatus | undefined }) {
  const { t } = useTranslation(['common', 'staff']);
  const words: Record<ReaderState, string> = {
    ready: t('staff:reader.ready'),
    connecting: t('staff:reader.connecting'),
    'not-configured': t('staff:reader.not-configured'),
    disconnected: t('staff:reader.disconnected'),
    'sam-fault': t('staff:reader.sam-fault'),
  };
  if (status === undefined) {
    return (
      <p data-testid="strip-reader" data-state="unknown">
        <PendingMark /> {t('staff:reader.checking')}
      </p>
    );
  }
  const Mark = marks[status.state];
  return (
    <p data-testid="strip-reader" data-state={status.state} className={status.state === 'ready' ? undefined : 'sync-failed'}>
      <Mark /> {words[status.state]}
    </p>
  );
}
