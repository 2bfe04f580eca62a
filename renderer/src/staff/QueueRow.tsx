// One application in the approval queue: the masked resident, where it came from, when it was submitted, a live
// countdown to its deadline (standing still outside office hours) with its level in words, shape and colour, who has
// it and whom it was escalated to. The whole row is one button that opens the decision screen.
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../api/approval-types';
import { formatCoreTime } from '../i18n/format-time';
import { levelNow, remainingNow } from './sla-countdown';
import { SlaClock } from './SlaClock';
import { useSourceWords } from './use-console-words';

interface QueueRowProps {
  item: QueueItem;
  fetchedAt: number;
  now: number;
  selected: boolean;
  onSelect: () => void;
  onOpen: () => void;
  /** The row's button, so ↑/↓ can move focus to it. */
  buttonRef: (element: HTMLButtonElement | null) => void;
}

export function QueueRow({ item, fetchedAt, now, selected, onSelect, onOpen, buttonRef }: QueueRowProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const sources = useSourceWords();
  const level = levelNow(item, remainingNow(item, fetchedAt, now));
  const submitted = formatCoreTime(item.submittedAt, i18n.language);
  return (
    <li className={`queue-row queue-row-${level}`} data-testid="queue-row" data-application={item.applicationId} data-level={level}>
      <button
        ref={buttonRef}
        type="button"
        className="queue-row-button"
        data-testid="queue-open"
        tabIndex={selected ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        onFocus={onSelect}
        onClick={onOpen}
      >
        <span className="queue-row-who">
          <span data-testid="queue-resident">
            {item.maskedName} {item.maskedNumber}
          </span>{' '}
          <span className="queue-row-ref">{item.ref}</span>
        </span>
        <span className="queue-row-facts">
          <span data-testid="queue-source">{sources[item.source]}</span> ·{' '}
          <span data-testid="queue-submitted">
            {submitted ? t('staff:queue.submitted', { date: submitted.date, time: submitted.time }) : item.submittedAt}
          </span>
        </span>
        <SlaClock item={item} fetchedAt={fetchedAt} now={now} />
        <span className="queue-row-people">
          <span data-testid="queue-assignee">
            {item.assignedTo ? t('staff:queue.assignedTo', { name: item.assignedTo.maskedName }) : t('staff:queue.unassigned')}
          </span>
          {item.escalatedTo ? (
            <span data-testid="queue-escalated"> · {t('staff:queue.escalatedTo', { name: item.escalatedTo.maskedName })}</span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
