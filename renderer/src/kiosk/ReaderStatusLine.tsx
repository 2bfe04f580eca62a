// Home's plain line when the card reader cannot take a card right now: words and a shape, never colour alone.
import { useTranslation } from 'react-i18next';
import type { ReaderStatus } from '../api/card-types';
import { PendingMark, WarningMark } from '../components/StatusMark';

export function ReaderStatusLine({ status }: { status: ReaderStatus | undefined }) {
  const { t } = useTranslation(['common', 'card']);
  // Unknown (core has not answered) is not shown: it would alarm residents for what is usually a moment's delay.
  if (status === undefined || status.state === 'ready') return null;
  const connecting = status.state === 'connecting';
  return (
    <p className="reader-status" role="status" data-testid="reader-status" data-state={status.state}>
      {connecting ? <PendingMark /> : <WarningMark />} {connecting ? t('card:reader.connecting') : t('card:reader.unavailable')}
    </p>
  );
}
