// The optional mobile number (for the province's SMS; simple phones too): first "leave a number?" with skipping as the
// big default, then a big keypad — the kiosk has no keyboard, and staff may press the keys for the resident.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../../staff/Keypad';
import { PHONE_LENGTH, phonePattern } from './flow-types';
import type { Step } from './flow';
import { StepFrame, type StepFrameProps } from './StepFrame';

/** These screens' steps (constants, not screen text). */
const ASK_STEP = 'phone' satisfies Step;
const NUMBER_STEP = 'phone-number' satisfies Step;

type FrameProps = Omit<StepFrameProps, 'step' | 'spoken' | 'children'>;

export function PhoneAskScreen({ onSkip, onEnter, ...frame }: FrameProps & { onSkip: () => void; onEnter: () => void }) {
  const { t } = useTranslation(['common', 'flow']);
  return (
    <StepFrame {...frame} step={ASK_STEP} spoken={`${t('flow:phone.heading')} ${t('flow:phone.hint')}`}>
      <h1 className="flow-question">{t('flow:phone.heading')}</h1>
      <p className="lead">{t('flow:phone.hint')}</p>
      <div className="actions answer-buttons">
        <button type="button" className="button button-primary button-answer" data-testid="phone-skip" onClick={onSkip}>
          {t('flow:phone.skip')}
        </button>
        <button type="button" className="button button-secondary button-answer" data-testid="phone-enter" onClick={onEnter}>
          {t('flow:phone.enter')}
        </button>
      </div>
    </StepFrame>
  );
}

/** 138 0013 8000: the way people read their number back to themselves. */
const grouped = (digits: string) => [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)].filter(Boolean).join(' ');

interface PhoneNumberScreenProps extends FrameProps {
  /** A number given before (Back or "change"), to correct rather than retype. */
  initial: string | null | undefined;
  onNumber: (phone: string) => void;
}

export function PhoneNumberScreen({ initial, onNumber, ...frame }: PhoneNumberScreenProps) {
  const { t } = useTranslation(['common', 'flow']);
  const [digits, setDigits] = useState(initial ?? '');
  const [wrong, setWrong] = useState(false);
  const type = (digit: string) => {
    setWrong(false);
    setDigits((current) => (current.length < PHONE_LENGTH ? current + digit : current));
  };
  const done = () => {
    if (phonePattern.test(digits)) onNumber(digits);
    else setWrong(true);
  };
  return (
    <StepFrame {...frame} step={NUMBER_STEP} spoken={`${t('flow:phoneNumber.heading')} ${t('flow:phoneNumber.hint')}`}>
      <h1 className="flow-question">{t('flow:phoneNumber.heading')}</h1>
      <p className="lead">{t('flow:phoneNumber.hint')}</p>
      <p className="flow-phone" aria-label={t('flow:phoneNumber.label')} data-testid="phone-display" data-digits={digits}>
        {digits === '' ? <span className="flow-phone-empty">{t('flow:phoneNumber.empty')}</span> : grouped(digits)}
      </p>
      {wrong ? (
        <p className="lead notice" role="alert" data-testid="phone-invalid">
          {t('flow:phoneNumber.invalid')}
        </p>
      ) : null}
      <Keypad
        onInput={type}
        onBackspace={() => {
          setWrong(false);
          setDigits((current) => current.slice(0, -1));
        }}
        onClear={() => {
          setWrong(false);
          setDigits('');
        }}
      />
      <div className="actions">
        <button type="button" className="button button-primary button-huge" data-testid="phone-ok" onClick={done}>
          {t('flow:phoneNumber.ok')}
        </button>
      </div>
    </StepFrame>
  );
}
