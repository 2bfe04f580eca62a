// A second tap: the person's application — status word and shape, validity, how fresh the status is — with "print
// again" (补打), "I lost my paper code" (挂失, confirmed on its own screen) and "done"; what the last of these did.
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../../electron/ipc/envelope.js';
import { DoneMark, PendingMark, WarningMark } from '../../components/StatusMark';
import { errorMessage } from '../../i18n/error-message';
import { ApplicationFacts, StatusWord } from './ApplicationFacts';
import { CitationList } from './CitationList';
import type { FlowState, StatusAction, Step } from './flow';
import type { ResidentApplication } from './flow-types';
import { StepFrame, type StepFrameProps } from './StepFrame';

/** These screens' steps (constants, not screen text). */
const STATUS_STEP = 'status' satisfies Step;
const LOSS_STEP = 'loss-confirm' satisfies Step;

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

interface StatusScreenProps extends FrameProps {
  application: ResidentApplication;
  done: FlowState['done'];
  busy: StatusAction | undefined;
  error: ErrorData | undefined;
  onReprint: () => void;
  onLost: () => void;
  onDone: () => void;
}

/** What the last reprint or loss report did, in plain words, and whether it is good news. */
function useDoneLine(done: FlowState['done']): { key: string; text: string; ok: boolean } | undefined {
  const { t } = useTranslation(['common', 'flow']);
  if (!done) return undefined;
  const { printJob, queued } = done.output;
  if (done.action === 'loss') {
    if (queued) return { key: 'loss-queued', text: t('flow:existing.lossQueued'), ok: true };
    if (printJob === null) return { key: 'printer', text: t('flow:existing.printerProblem'), ok: false };
    return { key: 'loss-done', text: t('flow:existing.lossDone'), ok: true };
  }
  if (printJob === null) return { key: 'printer', text: t('flow:existing.printerProblem'), ok: false };
  return printJob.reprintNumber > 0
    ? { key: 'printing', text: t('flow:existing.printingReprint', { number: printJob.reprintNumber }), ok: true }
    : { key: 'printing', text: t('flow:existing.printing'), ok: true };
}

export function StatusScreen({ application, done, busy, error, onReprint, onLost, onDone, ...frame }: StatusScreenProps) {
  const { t } = useTranslation(['common', 'flow']);
  const doneLine = useDoneLine(done);
  const errorLine = error ? t('flow:existing.failed', { message: errorMessage(t, error) }) : undefined;
  // Only a code on paper can be lost; before that there is nothing a checkpoint could be shown.
  const hasCode = application.humanId !== null;
  const spoken = [t('flow:existing.heading'), doneLine?.text ?? errorLine ?? t('flow:existing.hint')].join(' ');
  return (
    <StepFrame {...frame} step={STATUS_STEP} spoken={spoken}>
      <h1>{t('flow:existing.heading')}</h1>
      <StatusWord status={application.status} />
      {busy ? (
        <p className="lead" role="status" data-testid="status-busy">
          <PendingMark /> {t('flow:existing.busy')}
        </p>
      ) : doneLine ? (
        <p className={doneLine.ok ? 'lead' : 'lead notice'} role="status" data-testid="status-done" data-outcome={doneLine.key}>
          {doneLine.ok ? <DoneMark /> : <WarningMark />} {doneLine.text}
        </p>
      ) : errorLine ? (
        <p className="lead notice" role="alert" data-testid="status-error">
          <WarningMark /> {errorLine}
        </p>
      ) : (
        <p className="lead">{t('flow:existing.hint')}</p>
      )}
      <ApplicationFacts application={application} withName />
      {application.citations.length > 0 ? <CitationList citations={application.citations} /> : null}
      <div className="actions flow-status-actions">
        <button
          type="button"
          className="button button-primary button-answer"
          data-testid="status-reprint"
          disabled={busy !== undefined}
          onClick={onReprint}
        >
          {t('flow:existing.reprint')}
        </button>
        {hasCode ? (
          <button
            type="button"
            className="button button-secondary button-answer"
            data-testid="status-lost"
            disabled={busy !== undefined}
            onClick={onLost}
          >
            {t('flow:existing.lost')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary button-answer" data-testid="flow-done" onClick={onDone}>
          {t('flow:existing.done')}
        </button>
      </div>
    </StepFrame>
  );
}

export function LossConfirmScreen({
  busy,
  onConfirm,
  ...frame
}: Omit<StepFrameProps, 'step' | 'spoken' | 'children'> & { busy: boolean; onConfirm: () => void }) {
  const { t } = useTranslation(['common', 'flow']);
  return (
    <StepFrame {...frame} step={LOSS_STEP} spoken={`${t('flow:lossConfirm.heading')} ${t('flow:lossConfirm.text')}`}>
      <h1 className="flow-question">{t('flow:lossConfirm.heading')}</h1>
      <p className="flow-pledge" data-testid="loss-text">
        <WarningMark /> {t('flow:lossConfirm.text')}
      </p>
      {busy ? (
        <p className="lead" role="status" data-testid="status-busy">
          <PendingMark /> {t('flow:existing.busy')}
        </p>
      ) : null}
      <div className="actions answer-buttons">
        <button type="button" className="button button-primary button-answer" data-testid="loss-yes" disabled={busy} onClick={onConfirm}>
          {t('flow:lossConfirm.yes')}
        </button>
        <button
          type="button"
          className="button button-secondary button-answer"
          data-testid="loss-no"
          disabled={busy}
          onClick={frame.onBack}
        >
          {t('flow:lossConfirm.no')}
        </button>
      </div>
    </StepFrame>
  );
}
