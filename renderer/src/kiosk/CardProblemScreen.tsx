// A tap or swipe that gave no identity, in plain words with what to do next; Back and Start over, never a dead end.
import { useTranslation } from 'react-i18next';
import type { CardProblem } from '../api/card-types';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { errorMessage } from '../i18n/error-message';
import type { ProblemView } from './session';
import { useRejectReasons } from './use-reject-reasons';

interface CardProblemScreenProps {
  info: FrameInfo;
  problem: ProblemView;
  onBack: () => void;
  onHome: () => void;
}

export function CardProblemScreen({ info, problem, onBack, onHome }: CardProblemScreenProps) {
  const { t } = useTranslation(['common', 'card', 'identity']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  const problems: Record<CardProblem, string> = {
    'removed-early': t('card:problems.removed-early'),
    unreadable: t('card:problems.unreadable'),
    'invalid-number': t('card:problems.invalid-number'),
    expired: t('card:problems.expired'),
    'reader-fault': t('card:problems.reader-fault'),
    unsupported: t('card:problems.unsupported'),
  };
  const reasons = useRejectReasons();
  const lines =
    problem.kind === 'card'
      ? [problems[problem.problem]]
      : problem.kind === 'wedge'
        ? [reasons[problem.reason]]
        : [errorMessage(t, problem.error), t('card:errorLine')];
  // One attribute for tests and support: the card problem, "invalid-number" for a refused swipe, or "error".
  const code = problem.kind === 'card' ? problem.problem : problem.kind === 'wedge' ? 'invalid-number' : 'error';
  return (
    <ScreenFrame
      testId="card-problem"
      info={info}
      data={{ 'data-problem': code, 'data-reason': problem.kind === 'wedge' ? problem.reason : undefined }}
      footer={<BackHomeButtons onBack={onBack} onHome={onHome} />}
    >
      <h1>{t('card:problemHeading')}</h1>
      {lines.map((line) => (
        <p key={line} className="lead" data-testid="card-problem-message">
          {line}
        </p>
      ))}
    </ScreenFrame>
  );
}
