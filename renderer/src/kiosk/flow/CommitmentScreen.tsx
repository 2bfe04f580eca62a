// The pledge, shown and read aloud: one button, "I promise my answers are true" — the only way on to the review.
import { useTranslation } from 'react-i18next';
import type { Step } from './flow';
import { StepFrame, type StepFrameProps } from './StepFrame';

/** This screen's step (a constant, not screen text). */
const STEP = 'commitment' satisfies Step;

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

export function CommitmentScreen({ onCommit, ...frame }: FrameProps & { onCommit: () => void }) {
  const { t } = useTranslation(['common', 'flow']);
  return (
    <StepFrame {...frame} step={STEP} spoken={`${t('flow:commitment.heading')} ${t('flow:commitment.text')}`}>
      <h1 className="flow-question">{t('flow:commitment.heading')}</h1>
      <p className="flow-pledge" data-testid="commitment-text">
        {t('flow:commitment.text')}
      </p>
      <div className="actions">
        <button type="button" className="button button-primary button-huge" data-testid="commitment-confirm" onClick={onCommit}>
          {t('flow:commitment.confirm')}
        </button>
      </div>
    </StepFrame>
  );
}
