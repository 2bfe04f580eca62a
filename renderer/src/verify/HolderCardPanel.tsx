// The holder's ID card at the checkpoint: none placed, or the masked name and number of the card read, with Clear.
import { useTranslation } from 'react-i18next';
import type { MaskedIdentity } from '../api/card-types';
import { WarningMark } from '../components/StatusMark';

/** A line about the card besides the card itself: the last tap was not read, or core no longer holds the card. */
export type CardNote = 'problem' | 'gone';

interface HolderCardPanelProps {
  identity: MaskedIdentity | undefined;
  note: CardNote | undefined;
  onClear: () => void;
}

export function HolderCardPanel({ identity, note, onClear }: HolderCardPanelProps) {
  const { t } = useTranslation(['common', 'verify']);
  const notes: Record<CardNote, string> = { problem: t('verify:holderCard.problem'), gone: t('verify:holderCard.gone') };
  return (
    <section className="verify-holder" data-testid="verify-holder-card" data-card={identity ? 'read' : 'none'}>
      <h2>{t('verify:holderCard.heading')}</h2>
      {identity ? (
        <div className="verify-holder-row">
          <p data-testid="verify-holder-identity">
            {t('verify:holderCard.card', {
              name: identity.maskedName ?? t('verify:holderCard.noName'),
              number: identity.maskedNumber,
            })}
          </p>
          <button type="button" className="button button-secondary" data-testid="verify-clear-card" onClick={onClear}>
            {t('verify:holderCard.clear')}
          </button>
        </div>
      ) : (
        <p data-testid="verify-holder-none">{t('verify:holderCard.none')}</p>
      )}
      {note ? (
        <p role="alert" data-testid="verify-card-note">
          <WarningMark /> {notes[note]}
        </p>
      ) : null}
    </section>
  );
}
