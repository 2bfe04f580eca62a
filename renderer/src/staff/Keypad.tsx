// The big on-screen keypad for staff screens (the kiosk has no keyboard): digits, an optional extra key (X),
// Delete and Clear, and optionally a compact A–Z block behind a toggle for the 2017 foreign cards.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
/** Test ids: key-1 … key-X on the pad, letter-A … letter-Z in the letter block. */
const keyTestPrefix = 'key';
const letterTestPrefix = 'letter';

interface KeypadProps {
  onInput: (character: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  /** A key beside 0, e.g. "X" for the check character of an ID number; Clear then gets a row of its own. */
  extraKey?: string;
  /** Offer the A–Z block (behind a toggle, so the digits stay big and uncluttered). */
  withLetters?: boolean;
}

export function Keypad({ onInput, onBackspace, onClear, extraKey, withLetters = false }: KeypadProps) {
  const { t } = useTranslation(['common', 'staff']);
  const [lettersOpen, setLettersOpen] = useState(false);
  const lettersId = useId();
  const key = (character: string, testPrefix = keyTestPrefix) => (
    <button
      key={character}
      type="button"
      className="button button-secondary keypad-key"
      data-testid={`${testPrefix}-${character}`}
      onClick={() => onInput(character)}
    >
      {character}
    </button>
  );
  const clear = (
    <button type="button" className="button button-secondary keypad-key keypad-word" data-testid="key-clear" onClick={onClear}>
      {t('staff:keypad.clear')}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t('staff:keypad.label')}>
      <div className="keypad-grid">
        {digits.map((digit) => key(digit))}
        {extraKey === undefined ? clear : key(extraKey)}
        {key('0')}
        <button type="button" className="button button-secondary keypad-key keypad-word" data-testid="key-backspace" onClick={onBackspace}>
          {t('staff:keypad.backspace')}
        </button>
      </div>
      {extraKey === undefined && !withLetters ? null : (
        <div className="keypad-row">
          {extraKey === undefined ? null : clear}
          {withLetters ? (
            <button
              type="button"
              className="button button-secondary keypad-word"
              aria-expanded={lettersOpen}
              aria-controls={lettersId}
              data-testid="key-letters"
              onClick={() => setLettersOpen((open) => !open)}
            >
              {t('staff:keypad.letters')}
            </button>
          ) : null}
        </div>
      )}
      {withLetters ? (
        <div id={lettersId} className="keypad-letters" role="group" aria-label={t('staff:keypad.lettersLabel')} hidden={!lettersOpen}>
          {letters.map((letter) => key(letter, letterTestPrefix))}
        </div>
      ) : null}
    </div>
  );
}
