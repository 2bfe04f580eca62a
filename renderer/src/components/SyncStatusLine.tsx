// The province link in plain words and a shape (never colour alone): connected / degraded / offline, what is waiting
// to be sent and since when, and what the province refused. Shared by the staff strip and the trainer panel.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConnection, SyncState } from '../api/use-sync-status';
import { formatCoreTime } from '../i18n/format-time';
import { OffMark, OnMark, PendingMark, WarningMark } from './StatusMark';

const marks: Record<SyncConnection, () => ReactNode> = { connected: OnMark, degraded: WarningMark, offline: OffMark };

export function SyncStatusLine({ state }: { state: SyncState | undefined }) {
  const { t, i18n } = useTranslation();
  // Written out key by key so every key stays greppable and checked by the locale test.
  const words: Record<SyncConnection, string> = {
    connected: t('sync.connected'),
    degraded: t('sync.degraded'),
    offline: t('sync.offline'),
  };
  if (state === undefined) {
    return (
      <div className="sync-status" role="status" data-testid="sync-status" data-connection="unknown">
        <p>
          <PendingMark /> {t('sync.checking')}
        </p>
      </div>
    );
  }
  const Mark = marks[state.connection];
  const oldest = state.queueLength > 0 && state.oldestWaitingAt ? formatCoreTime(state.oldestWaitingAt, i18n.language) : undefined;
  return (
    <div className="sync-status" role="status" data-testid="sync-status" data-connection={state.connection}>
      <p data-testid="sync-connection">
        <Mark /> {words[state.connection]}
      </p>
      <p data-testid="sync-queue" data-queue={state.queueLength}>
        {state.queueLength === 0
          ? t('sync.queueEmpty')
          : oldest
            ? t('sync.queueSince', { count: state.queueLength, time: oldest.time })
            : t('sync.queue', { count: state.queueLength })}
      </p>
      {state.failed > 0 ? (
        <p className="sync-failed" data-testid="sync-failed">
          <WarningMark /> {t('sync.failed', { count: state.failed })}
        </p>
      ) : null}
    </div>
  );
}
