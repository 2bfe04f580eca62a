// The approval queue (tabs: mine, team, overdue): overdue on top as core orders it, each with a live countdown,
// paged. Keyboard: ↑/↓ move the selection, Enter opens it. Follows `queue.changed`, core's clock and a 30 s refresh.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queueScopes, type QueueScope } from '../api/approval-types';
import { useQueue } from '../api/use-queue';
import { useTicker } from '../api/use-ticker';
import { PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { ConsoleFrame } from './ConsoleFrame';
import type { ConsoleProps } from './console-props';
import { QueueRow } from './QueueRow';

/** One screenful of rows that a person can still scan. */
export const QUEUE_PAGE_SIZE = 20;

interface QueueScreenProps extends ConsoleProps {
  scope: QueueScope;
  onScope: (scope: QueueScope) => void;
  onOpen: (applicationId: string) => void;
}

export function QueueScreen({ scope, onScope, onOpen, ...screen }: QueueScreenProps) {
  const { t } = useTranslation(['common', 'staff']);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState(0);
  const { page: answer, fetchedAt, error } = useQueue(screen.kiosk, scope, page, QUEUE_PAGE_SIZE);
  const now = useTicker();
  const rows = useRef<(HTMLButtonElement | null)[]>([]);
  const items = answer?.items ?? [];
  const pages = Math.max(1, Math.ceil((answer?.total ?? 0) / QUEUE_PAGE_SIZE));
  const tabWords: Record<QueueScope, string> = {
    mine: t('staff:queue.tabs.mine'),
    team: t('staff:queue.tabs.team'),
    overdue: t('staff:queue.tabs.overdue'),
  };

  const choose = (index: number) => {
    const next = Math.min(Math.max(index, 0), items.length - 1);
    setSelected(next);
    rows.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') choose(selected + 1);
    else if (event.key === 'ArrowUp') choose(selected - 1);
    else if (event.key === 'Enter' && items[selected]) onOpen(items[selected].applicationId);
    else return;
    event.preventDefault();
  };
  const changeScope = (next: QueueScope) => {
    setPage(0);
    setSelected(0);
    onScope(next);
  };
  const turn = (next: number) => {
    setPage(next);
    setSelected(0);
  };

  return (
    <ConsoleFrame
      testId="staff-queue"
      screen={screen}
      data={{ 'data-scope': scope, 'data-total': answer ? String(answer.total) : undefined }}
    >
      <h1>{t('staff:queue.heading')}</h1>
      <div className="console-tabs" role="tablist" aria-label={t('staff:queue.heading')}>
        {queueScopes.map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={option === scope}
            className="button button-secondary console-tab"
            data-testid={`queue-tab-${option}`}
            onClick={() => changeScope(option)}
          >
            {tabWords[option]}
          </button>
        ))}
      </div>
      <p className="console-hint">{t('staff:queue.keys')}</p>
      {error ? (
        <p role="alert" data-testid="queue-error">
          <WarningMark /> {errorMessage(t, error)}
        </p>
      ) : null}
      {answer === undefined ? (
        error ? null : (
          <p data-testid="queue-loading">
            <PendingMark /> {t('staff:queue.loading')}
          </p>
        )
      ) : items.length === 0 ? (
        <p className="lead" data-testid="queue-empty">
          {t('staff:queue.empty')}
        </p>
      ) : (
        <ol className="queue-list" data-testid="queue-list" role="list" onKeyDown={onKeyDown}>
          {items.map((item, index) => (
            <QueueRow
              key={item.applicationId}
              buttonRef={(element) => {
                rows.current[index] = element;
              }}
              item={item}
              fetchedAt={fetchedAt}
              now={now}
              selected={index === Math.min(selected, items.length - 1)}
              onSelect={() => setSelected(index)}
              onOpen={() => onOpen(item.applicationId)}
            />
          ))}
        </ol>
      )}
      {answer && answer.total > QUEUE_PAGE_SIZE ? (
        <nav className="console-paging" aria-label={t('staff:queue.paging')}>
          <button
            type="button"
            className="button button-secondary"
            data-testid="queue-prev"
            disabled={page === 0}
            onClick={() => turn(page - 1)}
          >
            {t('staff:queue.previous')}
          </button>
          <p data-testid="queue-page">{t('staff:queue.page', { page: page + 1, pages })}</p>
          <button
            type="button"
            className="button button-secondary"
            data-testid="queue-next"
            disabled={page + 1 >= pages}
            onClick={() => turn(page + 1)}
          >
            {t('staff:queue.next')}
          </button>
        </nav>
      ) : null}
    </ConsoleFrame>
  );
}
