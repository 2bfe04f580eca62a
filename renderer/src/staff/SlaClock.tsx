// An application's deadline as a live countdown: the level in a shape and words ("past 90 %"), the time left or
// "overdue by …", and whether the clock stands still now (a working-time clock outside office hours).
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../api/approval-types';
import { durationParts, levelNow, remainingNow } from './sla-countdown';
import { SlaLevelMark } from './SlaLevelMark';
import { useLevelWords } from './use-console-words';

interface SlaClockProps {
  item: QueueItem;
  /** Date.now() when core's answer arrived, and now: the clock subtracts the time between. */
  fetchedAt: number;
  now: number;
}

export function SlaClock({ item, fetchedAt, now }: SlaClockProps) {
  const { t } = useTranslation(['common', 'staff']);
  const levels = useLevelWords();
  const remaining = remainingNow(item, fetchedAt, now);
  const level = levelNow(item, remaining);
  const { hours, minutes } = durationParts(remaining);
  return (
    <span
      className={`sla-clock sla-clock-${level}`}
      data-testid="queue-countdown"
      data-level={level}
      data-remaining={remaining}
      data-ticking={String(item.ticking)}
    >
      <SlaLevelMark level={level} /> <span data-testid="queue-level">{levels[level]}</span> ·{' '}
      <span data-testid="queue-time-left">
        {remaining < 0 ? t('staff:queue.overdueBy', { hours, minutes }) : t('staff:queue.left', { hours, minutes })}
      </span>
      {item.ticking ? null : <span className="sla-clock-paused"> · {t('staff:queue.paused')}</span>}
      {item.basis === 'working' ? <span> · {t('staff:queue.workingTime')}</span> : null}
    </span>
  );
}
