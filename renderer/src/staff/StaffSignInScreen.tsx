// Staff sign-in: the staff number, then the PIN (as dots), one field at a time on a big keypad (a keyboard works too);
// or the officer taps their own ID card and types only the PIN (staff.cardSignIn). Wrong PIN and lock-out said in
// words. Signing in hands the officer to the session, which opens the staff home.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { MaskedIdentity } from '../api/card-types';
import { pinLength, staffNoLength, type SignedInOfficer } from '../api/staff-types';
import { useCardEvents } from '../api/use-card-events';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { EntryDisplay, entryModes } from './EntryDisplay';
import { Keypad } from './Keypad';
import { useKeyEntry } from './use-key-entry';

interface StaffSignInScreenProps {
  info: FrameInfo;
  kiosk: KioskApi;
  onBack: () => void;
  onSignedIn: (officer: SignedInOfficer) => void;
}

type Step = 'staff-no' | 'pin';
/** What to tell the officer: a shape rule broken before asking core, or core's error (wrong PIN, locked…). */
type Problem =
  | { kind: 'staff-no-shape' }
  | { kind: 'pin-shape' }
  | { kind: 'not-signed-in' }
  | { kind: 'card-problem' }
  | { kind: 'error'; error: ErrorData };

const isDigit = (key: string) => (/^\d$/.test(key) ? key : undefined);

export function StaffSignInScreen({ info, kiosk, onBack, onSignedIn }: StaffSignInScreenProps) {
  const { t } = useTranslation(['common', 'staff']);
  const [step, setStep] = useState<Step>('staff-no');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  /** The officer's own card, tapped instead of typing the staff number: only its handle, never its number. */
  const [card, setCard] = useState<MaskedIdentity>();
  const scope = useRef<HTMLDivElement>(null);
  const fieldLabel = useRef<HTMLParagraphElement>(null);
  const labelId = useId();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const max = step === 'staff-no' ? staffNoLength.max : pinLength.max;
  const setValue = step === 'staff-no' ? setStaffNo : setPin;
  const input = (digit: string) => setValue((value) => (value.length < max ? value + digit : value));
  const backspace = () => setValue((value) => value.slice(0, -1));
  const clear = () => setValue('');

  const goTo = (next: Step) => {
    if (next === 'staff-no') setCard(undefined);
    setStep(next);
    setPin('');
    setProblem(undefined);
    // The keypad stays; the field changes: move focus to its label so the change is announced.
    queueMicrotask(() => fieldLabel.current?.focus());
  };

  const signIn = async () => {
    if (busy) return;
    if (pin.length < pinLength.min) {
      setProblem({ kind: 'pin-shape' });
      return;
    }
    setBusy(true);
    const envelope = card
      ? await kiosk.invoke('staff.cardSignIn', { readId: card.readId, pin })
      : await kiosk.invoke('staff.signIn', { staffNo, pin });
    if (!mounted.current) {
      // Gone meanwhile (idle, Start over): the session decides whether this officer may stay signed in.
      if (envelope.ok && envelope.value.officer) onSignedIn(envelope.value.officer);
      return;
    }
    setBusy(false);
    // A PIN is never kept after an answer: typed again from empty, whatever happened.
    setPin('');
    if (!envelope.ok) setProblem({ kind: 'error', error: envelope.error });
    else if (envelope.value.officer === null) setProblem({ kind: 'not-signed-in' });
    else onSignedIn(envelope.value.officer);
  };

  const next = () => {
    if (step === 'pin') {
      void signIn();
      return;
    }
    if (staffNo.length < staffNoLength.min) setProblem({ kind: 'staff-no-shape' });
    else goTo('pin');
  };
  const back = () => (step === 'pin' ? goTo('staff-no') : onBack());

  useCardEvents(kiosk, {
    onRead: (identity) => {
      if (busy) return;
      // A tap replaces the staff number: straight to the PIN.
      setCard(identity);
      setStep('pin');
      setPin('');
      setProblem(undefined);
      queueMicrotask(() => fieldLabel.current?.focus());
    },
    onProblem: () => setProblem({ kind: 'card-problem' }),
  });

  useKeyEntry({ scope, accept: isDigit, onInput: input, onBackspace: backspace, onClear: clear, onEnter: next });

  const message =
    problem === undefined
      ? undefined
      : problem.kind === 'staff-no-shape'
        ? t('staff:signIn.staffNoShape')
        : problem.kind === 'pin-shape'
          ? t('staff:signIn.pinShape')
          : problem.kind === 'not-signed-in'
            ? t('staff:signIn.notSignedIn')
            : problem.kind === 'card-problem'
              ? t('staff:signIn.cardProblem')
              : errorMessage(t, problem.error);

  return (
    <div ref={scope} className="idle-scope">
      <ScreenFrame
        testId="staff"
        info={info}
        data={{ 'data-step': step, 'data-card': String(card !== undefined) }}
        footer={<BackHomeButtons onBack={back} />}
      >
        <h1>{t('staff:heading')}</h1>
        <p className="lead" data-testid="signin-step">
          {step === 'staff-no' ? t('staff:signIn.stepStaffNo') : t('staff:signIn.stepPin')}
        </p>
        {step === 'staff-no' ? <p data-testid="signin-card-hint">{t('staff:signIn.cardHint')}</p> : null}
        {step === 'pin' ? (
          <p data-testid="signin-staff-no">{card ? t('staff:signIn.cardRead') : t('staff:signIn.staffNoFor', { staffNo })}</p>
        ) : null}
        <div className="entry-field">
          <p id={labelId} ref={fieldLabel} tabIndex={-1} className="entry-label">
            {step === 'staff-no' ? t('staff:signIn.staffNo') : t('staff:signIn.pin')}
          </p>
          <EntryDisplay
            labelId={labelId}
            value={step === 'staff-no' ? staffNo : pin}
            mode={step === 'staff-no' ? entryModes.plain : entryModes.secret}
            testId={step === 'staff-no' ? 'signin-staff-no-display' : 'signin-pin-display'}
          />
        </div>
        <p className="entry-problem" role="alert" data-testid="signin-error">
          {message === undefined ? null : (
            <>
              <WarningMark /> {message}
            </>
          )}
        </p>
        <Keypad onInput={input} onBackspace={backspace} onClear={clear} />
        <div className="actions">
          <button type="button" className="button button-primary button-huge" data-testid="signin-next" onClick={next}>
            {step === 'staff-no' ? t('staff:signIn.next') : busy ? t('staff:signIn.busy') : t('staff:signIn.submit')}
          </button>
        </div>
      </ScreenFrame>
    </div>
  );
}
