// What happened to an application, in words with times (hall time): assigned, warned at 50 %, escalated to …,
// information asked for, decided, issued by the province after the deadline.
import { useTranslation } from 'react-i18next';
import type { ReviewEvent } from '../api/approval-types';
import { formatCoreTime } from '../i18n/format-time';
import { useEventWords } from './use-console-words';

/** A warning or escalation step ("0.5", "1", "autoDefault") in words: a share of the time, or the step's name. */
function useStepWords() {
  const { t } = useTranslation(['common', 'staff']);
  return (detail: string | null) => {
    if (detail === null) return undefined;
    if (detail === 'autoDefault') return t('staff:history.stepAutoDefault');
    const share = Number(detail);
    if (Number.isFinite(share)) return t('staff:history.stepShare', { percent: Math.round(share * 100) });
    return undefined;
  };
}

export function ReviewHistory({ history }: { history: readonly ReviewEvent[] }) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const kinds = useEventWords();
  const step = useStepWords();
  const decisions: Record<string, string> = {
    approve: t('staff:decide.outcome.approve'),
    refuse: t('staff:decide.outcome.refuse'),
    'ask-info': t('staff:decide.outcome.ask-info'),
  };
  const detailOf = (event: ReviewEvent) =>
    event.kind === 'decided'
      ? event.detail
        ? decisions[event.detail]
        : undefined
      : event.kind === 'warned' || event.kind === 'escalated'
        ? step(event.detail)
        : undefined;
  return (
    <ol className="console-history" data-testid="decide-history">
      {history.map((event, index) => {
        const at = formatCoreTime(event.at, i18n.language);
        const detail = detailOf(event);
        return (
          // Events are a fixed history: their position is their identity.
          <li key={index} data-testid="history-event" data-kind={event.kind}>
            <time dateTime={event.at}>{at ? t('staff:history.time', { date: at.date, time: at.time }) : event.at}</time> {kinds[event.kind]}
            {event.officer ? ` ${t('staff:history.officer', { name: event.officer.maskedName })}` : ''}
            {detail ? ` (${detail})` : ''}
          </li>
        );
      })}
    </ol>
  );
}
