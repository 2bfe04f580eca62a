// The resident's flow after "yes, this is me": application.begin, then either the existing application (status,
// reprint, loss report) or the declaration one question per screen → review → submit → result. Each step has its
// own idle period and its words spoken. All of it lives in this component's reducer, so unmounting it (home, start
// over, idle timeout, a new card) forgets the answers.
import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../../electron/ipc/bridge.js';
import type { AppInfo } from '../../../../electron/ipc/contract.js';
import { IdleGuard } from '../../components/IdleGuard';
import { fallbackLanguage, languages, type Language } from '../../i18n/languages';
import { CommitmentScreen } from './CommitmentScreen';
import {
  answersOf,
  currentStep,
  declarationOf,
  flowReducer,
  initialFlow,
  isQuestionStep,
  progressOf,
  questionFields,
  type StatusAction,
} from './flow';
import type { ReprintOutput } from './flow-types';
import { PhoneAskScreen, PhoneNumberScreen } from './PhoneScreens';
import { PurposeScreen } from './PurposeScreen';
import { QuestionScreen } from './QuestionScreen';
import { ResultScreen } from './ResultScreen';
import { ReviewScreen } from './ReviewScreen';
import { LossConfirmScreen, StatusScreen } from './StatusScreen';
import type { VoiceSetting } from './StepFrame';
import { FailedScreen, WaitScreen } from './WaitScreens';

/**
 * The complaint line until the policy in force has said its own (policy.current): 12345 is the national government
 * service hotline every Shandong policy version names, so a refusal never shows without one.
 */
export const DEFAULT_COMPLAINT_LINE = '12345';

interface ResidentFlowProps {
  kiosk: KioskApi;
  info: AppInfo;
  /** The confirmed card read: core holds the identity behind it; the screen never sees more than masked values. */
  readId: string;
  /** Start over, done, or Back from the first step: the session ends (identity.clear) and Home shows. */
  onHome: () => void;
  /** Nobody answered the idle warning: the session ends as the kiosk's idle rule says. */
  onTimeout: () => void;
}

const asLanguage = (language: string): Language => languages.find((known) => known === language) ?? fallbackLanguage;

export function ResidentFlow({ kiosk, info, readId, onHome, onTimeout }: ResidentFlowProps) {
  const { i18n } = useTranslation();
  const [state, dispatch] = useReducer(flowReducer, initialFlow);
  const [muted, setMuted] = useState(false);
  const [complaintLine, setComplaintLine] = useState(DEFAULT_COMPLAINT_LINE);
  const step = currentStep(state);
  /** Calls whose answers must not act once the flow is gone, and guards against a second press before React renders. */
  const mounted = useRef(true);
  const inFlight = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Looking the person up: on arrival and on "try again".
  useEffect(() => {
    if (step !== 'loading') return;
    let current = true;
    void kiosk.invoke('application.begin', { readId }).then((envelope) => {
      if (!current) return;
      dispatch(envelope.ok ? { type: 'begun', output: envelope.value } : { type: 'begin-failed', error: envelope.error });
    });
    return () => {
      current = false;
    };
  }, [kiosk, readId, step]);

  // The complaint line is policy data; a failure here changes nothing else (the default stands).
  useEffect(() => {
    let current = true;
    void kiosk.invoke('policy.current', {}).then((envelope) => {
      if (current && envelope.ok) setComplaintLine(envelope.value.complaintLine);
    });
    return () => {
      current = false;
    };
  }, [kiosk]);

  const submit = () => {
    const declaration = declarationOf(state.draft);
    if (inFlight.current || declaration === undefined || (step !== 'review' && step !== 'submit-failed')) return;
    inFlight.current = true;
    dispatch({ type: 'submit' });
    const input = { readId, declaration, answers: answersOf(state), language: asLanguage(i18n.language) };
    void kiosk.invoke('application.submit', input).then((envelope) => {
      inFlight.current = false;
      if (!mounted.current) return;
      dispatch(envelope.ok ? { type: 'submitted', output: envelope.value } : { type: 'submit-failed', error: envelope.error });
    });
  };

  const runAction = (action: StatusAction) => {
    const application = state.application;
    if (inFlight.current || application === undefined || state.busy) return;
    inFlight.current = true;
    dispatch({ type: 'action-start', action });
    const ref = { readId, applicationId: application.applicationId };
    const call = action === 'loss' ? kiosk.invoke('application.reportLoss', ref) : kiosk.invoke('application.reprint', ref);
    void call.then((envelope) => {
      inFlight.current = false;
      if (!mounted.current) return;
      if (envelope.ok) dispatch({ type: 'action-done', action, output: envelope.value as ReprintOutput });
      else dispatch({ type: 'action-failed', error: envelope.error });
    });
  };

  const reprint = () => runAction('reprint');
  const reportLoss = () => runAction('loss');

  // Back from the first step has nowhere to go in the flow ("is this you?" is answered): it ends the session.
  const back = () => (state.trail.length <= 1 ? onHome() : dispatch({ type: 'back' }));
  const voice: VoiceSetting = { on: info.voice, muted, onToggle: () => setMuted((value) => !value) };
  const frame = { info, voice, progress: progressOf(state), onBack: back, onHome };

  const content = (() => {
    if (isQuestionStep(step)) {
      return (
        <QuestionScreen
          {...frame}
          question={step}
          value={state.draft[questionFields[step]]}
          onAnswer={(value) => dispatch({ type: 'answer', step, value })}
        />
      );
    }
    switch (step) {
      case 'loading':
        return <WaitScreen {...frame} step={step} />;
      case 'submitting':
        // On its way: nothing to press (a second submission must not happen, and leaving would abandon a print).
        return <WaitScreen {...frame} step={step} onBack={undefined} onHome={undefined} />;
      case 'begin-failed':
        return <FailedScreen {...frame} step={step} error={state.error} onRetry={() => dispatch({ type: 'retry-begin' })} />;
      case 'submit-failed':
        return <FailedScreen {...frame} step={step} error={state.error} onRetry={submit} />;
      case 'phone':
        return (
          <PhoneAskScreen {...frame} onSkip={() => dispatch({ type: 'phone-skip' })} onEnter={() => dispatch({ type: 'phone-enter' })} />
        );
      case 'phone-number':
        return <PhoneNumberScreen {...frame} initial={state.draft.phone} onNumber={(phone) => dispatch({ type: 'phone-number', phone })} />;
      case 'purpose':
        return <PurposeScreen {...frame} value={state.draft.purpose} onChoose={(purpose) => dispatch({ type: 'purpose', purpose })} />;
      case 'commitment':
        return <CommitmentScreen {...frame} onCommit={() => dispatch({ type: 'commit' })} />;
      case 'review':
        return (
          <ReviewScreen
            {...frame}
            draft={state.draft}
            askAnswers={state.askAnswers}
            onChange={(changed) => dispatch({ type: 'change', step: changed })}
            onSubmit={submit}
          />
        );
      case 'result':
        // The result stands (no Back) and its one big button ends the session.
        return state.submitted ? (
          <ResultScreen
            {...frame}
            onBack={undefined}
            onHome={undefined}
            output={state.submitted}
            complaintLine={complaintLine}
            onDone={onHome}
          />
        ) : null;
      case 'status':
        return state.application ? (
          <StatusScreen
            {...frame}
            // Its own "done" ends the session; there is no step before it to go back to.
            onBack={undefined}
            onHome={undefined}
            application={state.application}
            done={state.done}
            busy={state.busy}
            error={state.error}
            onReprint={reprint}
            onLost={() => dispatch({ type: 'loss-ask' })}
            onDone={onHome}
          />
        ) : null;
      case 'loss-confirm':
        return <LossConfirmScreen {...frame} busy={state.busy === 'loss'} onConfirm={reportLoss} />;
    }
  })();

  return (
    // A fresh idle period per step. Also while a submission is on its way: core answers within seconds, far inside the
    // idle period, and should it never answer the session still ends instead of waiting forever with the identity held.
    <IdleGuard key={step} enabled idle={info.idle} onExpire={onTimeout}>
      {content}
    </IdleGuard>
  );
}
