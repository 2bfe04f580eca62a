// An application as the resident sees it: the status as a big word plus a shape (the shapes the slip prints, so the
// screen and the paper agree), and its facts — application number, code number, validity, and how fresh the status is.
import { useTranslation } from 'react-i18next';
import { formatCoreTime } from '../../i18n/format-time';
import type { ApplicationStatus, ResidentApplication } from './flow-types';

/**
 * Shapes are not words: the same in every language. GREEN/YELLOW/RED/PENDING as printed on the paper code
 * (electron/core/printing/slip.ts statusShapes); the others never print, so they only need to differ from those.
 */
const statusGlyphs: Record<ApplicationStatus, string> = {
  GREEN: '●',
  YELLOW: '▲',
  RED: '■',
  PENDING: '◇',
  QUEUED: '◌',
  EXPIRED: '✕',
  REVOKED: '✕',
  UNKNOWN: '?',
};

/** The status in words, written out key by key so every key stays greppable and checked by the locale test. */
export function useStatusWords(): Record<ApplicationStatus, string> {
  const { t } = useTranslation(['common', 'flow']);
  return {
    GREEN: t('flow:status.words.GREEN'),
    YELLOW: t('flow:status.words.YELLOW'),
    RED: t('flow:status.words.RED'),
    PENDING: t('flow:status.words.PENDING'),
    QUEUED: t('flow:status.words.QUEUED'),
    EXPIRED: t('flow:status.words.EXPIRED'),
    REVOKED: t('flow:status.words.REVOKED'),
    UNKNOWN: t('flow:status.words.UNKNOWN'),
  };
}

/** Core's ISO time as the hall's wall-clock date and time, in words. */
export function useWhen() {
  const { t, i18n } = useTranslation(['common', 'flow']);
  return (iso: string) => {
    const text = formatCoreTime(iso, i18n.language);
    return text ? t('flow:status.time', { date: text.date, time: text.time }) : iso;
  };
}

export function StatusWord({ status }: { status: ApplicationStatus }) {
  const words = useStatusWords();
  return (
    <p className="flow-status-word" data-testid="flow-status-word" data-status={status}>
      <span className="status-mark" aria-hidden="true">
        {statusGlyphs[status]}
      </span>{' '}
      {words[status]}
    </p>
  );
}

interface FactsProps {
  application: ResidentApplication;
  /** The status screen names whose application it is; the result screen does not need to. */
  withName?: boolean;
}

export function ApplicationFacts({ application, withName = false }: FactsProps) {
  const { t } = useTranslation(['common', 'flow']);
  const when = useWhen();
  const facts: { key: string; label: string; value: string }[] = [];
  if (withName && application.maskedName !== null) facts.push({ key: 'name', label: t('flow:status.name'), value: application.maskedName });
  if (withName && application.proxyMaskedName !== null) {
    facts.push({ key: 'proxy', label: t('flow:status.proxy'), value: application.proxyMaskedName });
  }
  facts.push({ key: 'ref', label: t('flow:status.ref'), value: application.ref });
  if (application.humanId !== null) facts.push({ key: 'code-id', label: t('flow:status.codeId'), value: application.humanId });
  if (application.validUntil !== null)
    facts.push({ key: 'valid-until', label: t('flow:status.validUntil'), value: when(application.validUntil) });
  if (application.status === 'PENDING' && application.reviewDueAt !== null) {
    facts.push({ key: 'review-due', label: t('flow:status.reviewDue'), value: when(application.reviewDueAt) });
  }
  if (application.statusAsOf !== null) {
    // Not refreshed just now: say it is the last known status, and from when (never pass old news off as new).
    facts.push({
      key: application.fresh ? 'as-of' : 'last-known',
      label: application.fresh ? t('flow:status.asOf') : t('flow:status.lastKnown'),
      value: when(application.statusAsOf),
    });
  }
  return (
    <dl className="flow-facts">
      {facts.map((fact) => (
        <div key={fact.key}>
          <dt>{fact.label}</dt>
          <dd data-testid={`flow-fact-${fact.key}`}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
