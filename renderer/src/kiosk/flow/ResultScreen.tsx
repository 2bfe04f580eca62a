// The end of a submission, in plain words: code issued and printing; under review (receipt, expected time, the rules
// that ask for it); accepted while the province is unreachable (receipt; the code follows); refused (the rules, what
// to do, the complaint line); and, whatever happened, a plain word when the printer could not print.
import { useTranslation } from 'react-i18next';
import { DoneMark, PendingMark, WarningMark } from '../../components/StatusMark';
import { formatCoreTime } from '../../i18n/format-time';
import { ApplicationFacts, StatusWord, useStatusWords } from './ApplicationFacts';
import { CitationList } from './CitationList';
import type { SubmitOutput } from './flow-types';
import type { Step } from './flow';
import { StepFrame, type StepFrameProps } from './StepFrame';

/** This screen's step (a constant, not screen text). */
const STEP = 'result' satisfies Step;

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

export type ResultKind = 'issued' | 'review' | 'offline' | 'refused';

/** What the submission came to, for the resident: a code, a review, a wait for the province, or a refusal. */
export function resultKind(output: SubmitOutput): ResultKind {
  if (output.outcome === 'refused') return 'refused';
  const { status } = output.application;
  if (status === 'GREEN' || status === 'YELLOW' || status === 'RED') return 'issued';
  if (status === 'PENDING') return 'review';
  // QUEUED (not at the province yet) or a lookup that failed: accepted, the code follows.
  return 'offline';
}

interface ResultScreenProps extends FrameProps {
  output: SubmitOutput;
  complaintLine: string;
  onDone: () => void;
}

export function ResultScreen({ output, complaintLine, onDone, ...frame }: ResultScreenProps) {
  const { t, i18n } = useTranslation(['common', 'flow']);
  const statusWords = useStatusWords();
  const kind = resultKind(output);
  const submitted = output.outcome === 'submitted' ? output : undefined;
  const application = submitted?.application;
  const printerDown = submitted?.printed === 'none';
  const citations = output.outcome === 'refused' ? output.citations : (application?.citations ?? []);

  const headings: Record<ResultKind, string> = {
    issued: t('flow:result.issued.heading'),
    review: t('flow:result.review.heading'),
    offline: t('flow:result.offline.heading'),
    refused: t('flow:result.refused.heading'),
  };
  const due = application?.reviewDueAt ? formatCoreTime(application.reviewDueAt, i18n.language) : undefined;
  // The lines in reading order; the same lines are spoken.
  const lines: { key: string; text: string }[] = [];
  if (kind === 'review') {
    lines.push({
      key: 'due',
      text: due ? t('flow:result.review.due', { date: due.date, time: due.time }) : t('flow:result.review.dueUnknown'),
    });
  }
  if (kind === 'offline') lines.push({ key: 'offline', text: t('flow:result.offline.line') });
  if (submitted) {
    const printing = kind === 'issued' ? t('flow:result.issued.printing') : t('flow:result.receipt');
    lines.push(printerDown ? { key: 'printer', text: t('flow:result.printerProblem') } : { key: 'printing', text: printing });
  }
  if (kind === 'review') lines.push({ key: 'later', text: t('flow:result.reviewLater') });
  if (kind === 'offline') lines.push({ key: 'later', text: t('flow:result.offline.later') });
  if (kind === 'refused') lines.push({ key: 'what-to-do', text: t('flow:result.refused.whatToDo') });

  const mark = kind === 'refused' || printerDown ? <WarningMark /> : kind === 'issued' ? <DoneMark /> : <PendingMark />;
  const status = application ? statusWords[application.status] : undefined;
  const spoken = [headings[kind], status, ...lines.map((line) => line.text), t('flow:result.takeCard')].filter(Boolean).join(' ');
  return (
    <StepFrame {...frame} step={STEP} spoken={spoken}>
      <div className="flow-result" data-testid="result-summary" data-kind={kind} data-printed={submitted?.printed}>
        <h1>
          {mark} {headings[kind]}
        </h1>
        {application ? <StatusWord status={application.status} /> : null}
        {lines.map((line) => (
          <p key={line.key} className={line.key === 'printer' ? 'lead notice' : 'lead'} data-testid={`result-${line.key}`}>
            {line.key === 'printer' ? <WarningMark /> : null} {line.text}
          </p>
        ))}
        {application ? <ApplicationFacts application={application} /> : null}
        {citations.length > 0 ? (
          <section className="flow-why">
            <h2>{kind === 'refused' ? t('flow:result.refused.why') : t('flow:result.review.why')}</h2>
            <CitationList citations={citations} />
          </section>
        ) : null}
        {kind === 'issued' ? null : (
          <p className="lead" data-testid="result-complaint">
            {t('flow:complaint', { line: complaintLine })}
          </p>
        )}
        <p className="lead">{t('flow:result.takeCard')}</p>
      </div>
      <div className="actions">
        <button type="button" className="button button-primary button-huge" data-testid="flow-done" onClick={onDone}>
          {t('flow:result.done')}
        </button>
      </div>
    </StepFrame>
  );
}
