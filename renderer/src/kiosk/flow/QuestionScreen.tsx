// One yes/no question of the declaration on its own screen: the question large, an optional hint, two big answers
// of equal weight (neither is suggested), the earlier answer marked when the resident comes back to it.
import { useTranslation } from 'react-i18next';
import type { QuestionStep } from './flow';
import { StepFrame, type StepFrameProps } from './StepFrame';

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

interface QuestionScreenProps extends FrameProps {
  question: QuestionStep;
  /** The answer given before (Back, or "change" from the review); undefined when not answered yet. */
  value: boolean | undefined;
  onAnswer: (value: boolean) => void;
}

/** Each question's words, written out key by key so every key stays greppable and checked by the locale test. */
function useQuestionWords(): Record<QuestionStep, { heading: string; hint?: string; yes: string; no: string }> {
  const { t } = useTranslation(['common', 'flow']);
  return {
    fever: { heading: t('flow:questions.fever.heading'), yes: t('flow:questions.fever.yes'), no: t('flow:questions.fever.no') },
    cough: { heading: t('flow:questions.cough.heading'), yes: t('flow:questions.cough.yes'), no: t('flow:questions.cough.no') },
    travel: { heading: t('flow:questions.travel.heading'), yes: t('flow:questions.travel.yes'), no: t('flow:questions.travel.no') },
    lowRisk: {
      heading: t('flow:questions.lowRisk.heading'),
      hint: t('flow:questions.lowRisk.hint'),
      yes: t('flow:questions.lowRisk.yes'),
      no: t('flow:questions.lowRisk.no'),
    },
    contact: { heading: t('flow:questions.contact.heading'), yes: t('flow:questions.contact.yes'), no: t('flow:questions.contact.no') },
    observation: {
      heading: t('flow:questions.observation.heading'),
      hint: t('flow:questions.observation.hint'),
      yes: t('flow:questions.observation.yes'),
      no: t('flow:questions.observation.no'),
    },
  };
}

export function QuestionScreen({ question, value, onAnswer, ...frame }: QuestionScreenProps) {
  const words = useQuestionWords()[question];
  const answerButton = (answer: boolean, label: string) => (
    <button
      type="button"
      className="button button-secondary button-answer flow-choice"
      data-testid={answer ? 'answer-yes' : 'answer-no'}
      aria-pressed={value === answer}
      onClick={() => onAnswer(answer)}
    >
      {label}
    </button>
  );
  return (
    <StepFrame {...frame} step={question} spoken={[words.heading, words.hint].filter(Boolean).join(' ')}>
      <h1 className="flow-question">{words.heading}</h1>
      {words.hint ? <p className="lead">{words.hint}</p> : null}
      <div className="actions answer-buttons">
        {answerButton(true, words.yes)}
        {answerButton(false, words.no)}
      </div>
    </StepFrame>
  );
}
