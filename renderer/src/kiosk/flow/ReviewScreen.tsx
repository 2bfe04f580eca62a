// The review: every answer listed in plain words, each with "change", and one big "all correct, send". The send
// button gives way to a busy screen at once, and the flow refuses a second submission while one is on its way.
import { useTranslation } from 'react-i18next';
import { answerSteps, questionFields, type AnswerStep, type Draft, type Step } from './flow';
import type { AnswerId } from './flow-types';
import { StepFrame, type StepFrameProps } from './StepFrame';
import { usePurposeWords } from './use-purpose-words';

/** This screen's step (a constant, not screen text). */
const STEP = 'review' satisfies Step;

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

interface ReviewScreenProps extends FrameProps {
  draft: Draft;
  askAnswers: readonly AnswerId[];
  onChange: (step: AnswerStep) => void;
  onSubmit: () => void;
}

const groupedPhone = (phone: string) => `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;

export function ReviewScreen({ draft, askAnswers, onChange, onSubmit, ...frame }: ReviewScreenProps) {
  const { t } = useTranslation(['common', 'flow']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  const labels: Record<AnswerStep, string> = {
    phone: t('flow:review.labels.phone'),
    fever: t('flow:review.labels.fever'),
    cough: t('flow:review.labels.cough'),
    travel: t('flow:review.labels.travel'),
    lowRisk: t('flow:review.labels.lowRisk'),
    contact: t('flow:review.labels.contact'),
    observation: t('flow:review.labels.observation'),
    purpose: t('flow:review.labels.purpose'),
    commitment: t('flow:review.labels.commitment'),
  };
  const purposes = usePurposeWords();
  const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? t('flow:review.yes') : t('flow:review.no'));
  const answerOf = (step: AnswerStep): string => {
    if (step === 'phone') return draft.phone ? groupedPhone(draft.phone) : t('flow:review.noPhone');
    if (step === 'purpose') return draft.purpose ? purposes[draft.purpose] : '';
    if (step === 'commitment') return t('flow:review.committed');
    return yesNo(draft[questionFields[step]]);
  };
  const steps = answerSteps({ askAnswers, draft });
  return (
    <StepFrame {...frame} step={STEP} spoken={`${t('flow:review.heading')} ${t('flow:review.hint')}`}>
      <h1 className="flow-question">{t('flow:review.heading')}</h1>
      <p className="lead">{t('flow:review.hint')}</p>
      <dl className="flow-review">
        {steps.map((step) => (
          <div key={step} className="flow-review-row" data-testid={`review-${step}`}>
            <dt>{labels[step]}</dt>
            <dd className="flow-review-answer" data-testid={`review-answer-${step}`}>
              {answerOf(step)}
            </dd>
            {/* The pledge is not an answer to change: without it there is nothing to send. */}
            {step === 'commitment' ? null : (
              <dd>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  data-testid={`review-change-${step}`}
                  aria-label={`${t('flow:review.change')} ${labels[step]}`}
                  onClick={() => onChange(step)}
                >
                  {t('flow:review.change')}
                </button>
              </dd>
            )}
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="button button-primary button-huge" data-testid="flow-submit" onClick={onSubmit}>
          {t('flow:review.submit')}
        </button>
      </div>
    </StepFrame>
  );
}
