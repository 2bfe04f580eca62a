// The subject of a proxy application (the person the code is for): their card tapped on the reader, or the number
// and name typed from their document. A tap of the proxy's own card is not taken as the subject.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedIdentity } from '../api/card-types';
import type { ProxySubject } from '../api/approval-types';
import { PendingMark, WarningMark } from '../components/StatusMark';

/** The subject as the wizard keeps it: what core is sent, and what the screen shows of it. */
export interface ChosenSubject {
  subject: ProxySubject;
  shown: string;
}

interface ProxySubjectStepProps {
  /** The card read for this step (from the wizard's card listener), if any. */
  card: MaskedIdentity | undefined;
  /** The proxy's own card, for the family path: the same person cannot be both. */
  proxyCard: MaskedIdentity | undefined;
  onChosen: (chosen: ChosenSubject) => void;
}

export function ProxySubjectStep({ card, proxyCard, onChosen }: ProxySubjectStepProps) {
  const { t } = useTranslation(['common', 'staff']);
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState(false);
  const sameAsProxy = card !== undefined && proxyCard !== undefined && card.maskedNumber === proxyCard.maskedNumber;

  const useTyped = () => {
    if (typed.trim() === '' || name.trim() === '') {
      setProblem(true);
      return;
    }
    onChosen({ subject: { typed: typed.trim().toUpperCase(), name: name.trim() }, shown: t('staff:proxy.typedSubject') });
  };

  return (
    <div className="console-form" data-testid="proxy-subject">
      <p className="lead">
        <PendingMark /> {t('staff:proxy.tapSubject')}
      </p>
      {card ? (
        sameAsProxy ? (
          <p role="alert" data-testid="proxy-subject-same">
            <WarningMark /> {t('staff:proxy.sameCard')}
          </p>
        ) : (
          <div className="console-panel" data-testid="proxy-subject-card">
            <p>
              {card.maskedName ?? ''} {card.maskedNumber}
            </p>
            <button
              type="button"
              className="button button-primary"
              data-testid="proxy-subject-card-next"
              onClick={() => onChosen({ subject: { readId: card.readId }, shown: `${card.maskedName ?? ''} ${card.maskedNumber}`.trim() })}
            >
              {t('staff:proxy.useCard')}
            </button>
          </div>
        )
      ) : null}
      <p>{t('staff:proxy.orType')}</p>
      <label className="console-field">
        <span>{t('staff:proxy.number')}</span>
        <input
          type="text"
          autoComplete="off"
          data-testid="subject-number"
          value={typed}
          maxLength={18}
          onChange={(event) => setTyped(event.target.value)}
        />
      </label>
      <label className="console-field">
        <span>{t('staff:proxy.name')}</span>
        <input
          type="text"
          autoComplete="off"
          data-testid="subject-name"
          value={name}
          maxLength={60}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <p role="alert" data-testid="subject-problem">
        {problem ? (
          <>
            <WarningMark /> {t('staff:proxy.typeBoth')}
          </>
        ) : null}
      </p>
      <button type="button" className="button button-secondary" data-testid="subject-typed-next" onClick={useTyped}>
        {t('staff:proxy.useTyped')}
      </button>
    </div>
  );
}
