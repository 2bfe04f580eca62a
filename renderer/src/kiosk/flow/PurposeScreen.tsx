// "What do you need to go out for?": five big picture buttons, one tap each (the picture helps, the word decides).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { purposes, type Purpose } from './flow-types';
import type { Step } from './flow';
import { StepFrame, type StepFrameProps } from './StepFrame';
import { usePurposeWords } from './use-purpose-words';

/** This screen's step (a constant, not screen text). */
const STEP = 'purpose' satisfies Step;

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

/** Simple line pictures, decorative (the word under each says it): briefcase, book, house, cross, three dots. */
const pictures: Record<Purpose, ReactNode> = {
  work: (
    <>
      <rect x="8" y="20" width="48" height="32" rx="4" />
      <path d="M24 20 v-6 h16 v6 M8 34 h48" />
    </>
  ),
  school: <path d="M32 18 c-8 -6 -18 -6 -24 -4 v34 c6 -2 16 -2 24 4 c8 -6 18 -6 24 -4 v-34 c-6 -2 -16 -2 -24 4 z M32 18 v34" />,
  family: <path d="M10 30 l22 -18 l22 18 M16 26 v26 h32 v-26 M28 52 v-12 h8 v12" />,
  medical: <path d="M26 10 h12 v16 h16 v12 h-16 v16 h-12 v-16 h-16 v-12 h16 z" />,
  other: (
    <>
      <circle cx="14" cy="32" r="4" />
      <circle cx="32" cy="32" r="4" />
      <circle cx="50" cy="32" r="4" />
    </>
  ),
};

export function PurposeScreen({
  value,
  onChoose,
  ...frame
}: FrameProps & { value: Purpose | undefined; onChoose: (purpose: Purpose) => void }) {
  const { t } = useTranslation(['common', 'flow']);
  const words = usePurposeWords();
  return (
    <StepFrame {...frame} step={STEP} spoken={[t('flow:purpose.heading'), ...purposes.map((purpose) => words[purpose])].join(' ')}>
      <h1 className="flow-question">{t('flow:purpose.heading')}</h1>
      <div className="flow-purposes">
        {purposes.map((purpose) => (
          <button
            key={purpose}
            type="button"
            className="button button-secondary flow-purpose"
            data-testid={`purpose-${purpose}`}
            aria-pressed={value === purpose}
            onClick={() => onChoose(purpose)}
          >
            <svg className="flow-purpose-picture" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              {pictures[purpose]}
            </svg>
            <span>{words[purpose]}</span>
          </button>
        ))}
      </div>
    </StepFrame>
  );
}
