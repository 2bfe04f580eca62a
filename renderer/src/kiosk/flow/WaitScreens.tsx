// The calm in-between screens: "looking you up" and "sending" (busy, nothing to press twice), and a call that failed
// with what to do next — try again, go back, or ask staff; never a dead end.
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../../electron/ipc/envelope.js';
import { PendingMark, WarningMark } from '../../components/StatusMark';
import { errorMessage } from '../../i18n/error-message';
import { StepFrame, type StepFrameProps } from './StepFrame';

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

export function WaitScreen({ step, ...frame }: FrameProps & { step: 'loading' | 'submitting' }) {
  const { t } = useTranslation(['common', 'flow']);
  const text = step === 'loading' ? t('flow:loading') : t('flow:submitting');
  return (
    <StepFrame {...frame} step={step} spoken={text}>
      <p className="flow-wait" role="status" aria-busy="true" data-testid="flow-busy">
        <PendingMark /> {text}
      </p>
    </StepFrame>
  );
}

interface FailedScreenProps extends FrameProps {
  step: 'begin-failed' | 'submit-failed';
  error: ErrorData | undefined;
  onRetry: () => void;
}

export function FailedScreen({ step, error, onRetry, ...frame }: FailedScreenProps) {
  const { t } = useTranslation(['common', 'flow']);
  const words =
    step === 'begin-failed'
      ? { heading: t('flow:beginFailed.heading'), retry: t('flow:beginFailed.retry'), help: t('flow:beginFailed.askStaff') }
      : { heading: t('flow:submitFailed.heading'), retry: t('flow:submitFailed.retry'), help: t('flow:submitFailed.askStaff') };
  const message = error ? errorMessage(t, error) : undefined;
  return (
    <StepFrame {...frame} step={step} spoken={[words.heading, message, words.help].filter(Boolean).join(' ')}>
      <h1>
        <WarningMark /> {words.heading}
      </h1>
      {message ? (
        <p className="lead" role="alert" data-testid="flow-error">
          {message}
        </p>
      ) : null}
      <p className="lead">{words.help}</p>
      <div className="actions">
        <button type="button" className="button button-primary button-huge" data-testid="flow-retry" onClick={onRetry}>
          {words.retry}
        </button>
      </div>
    </StepFrame>
  );
}
