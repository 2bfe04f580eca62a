// The proxy wizard's family and staff paths, one step at a time. Family (为家人代办): the proxy taps their own card
// (kept by core: proxy.holdProxy) → the subject's card or typed number and name → relationship (the policy's list) →
// consent → declaration → sent. Staff (for a walk-in resident): subject → how identity was checked → consent →
// declaration → sent. The result says what printed, or which rules refused it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { consentKinds, verificationMethods, type ConsentKind, type ProxyOutput, type VerificationMethod } from '../api/approval-types';
import type { MaskedIdentity } from '../api/card-types';
import { useCardEvents } from '../api/use-card-events';
import { useCurrentPolicy } from '../api/use-current-policy';
import { PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import type { Language } from '../i18n/languages';
import type { ConsoleProps } from './console-props';
import { ConsoleFrame } from './ConsoleFrame';
import { completeDeclaration, emptyDraft, type DeclarationDraft, type DraftProblem } from './proxy-declaration';
import { ProxyDeclarationForm } from './ProxyDeclarationForm';
import { ProxyResult } from './ProxyResult';
import { ProxySubjectStep, type ChosenSubject } from './ProxySubjectStep';
import { useConsentWords, useVerificationWords } from './use-console-words';

export type ProxyPath = 'family' | 'staff';
type Step = 'proxy-card' | 'subject' | 'relationship' | 'verification' | 'consent' | 'declaration' | 'result';

const stepsOf: Record<ProxyPath, readonly Step[]> = {
  family: ['proxy-card', 'subject', 'relationship', 'consent', 'declaration', 'result'],
  staff: ['subject', 'verification', 'consent', 'declaration', 'result'],
};

interface ProxyWizardProps extends ConsoleProps {
  path: ProxyPath;
}

export function ProxyWizard({ path, ...screen }: ProxyWizardProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const { kiosk } = screen;
  const { policy } = useCurrentPolicy(kiosk);
  const consentWords = useConsentWords();
  const verificationWords = useVerificationWords();
  const steps = stepsOf[path];
  const [step, setStep] = useState<Step>(steps[0]!);
  const [proxy, setProxy] = useState<{ proxyReadId: string; identity: MaskedIdentity }>();
  const [card, setCard] = useState<MaskedIdentity>();
  const [subject, setSubject] = useState<ChosenSubject>();
  const [relationship, setRelationship] = useState<string>();
  const [verification, setVerification] = useState<VerificationMethod>();
  const [consent, setConsent] = useState<ConsentKind>();
  const [draft, setDraft] = useState<DeclarationDraft>(emptyDraft);
  const [missing, setMissing] = useState<readonly DraftProblem[]>([]);
  const [error, setError] = useState<ErrorData>();
  const [busy, setBusy] = useState(false);
  const [output, setOutput] = useState<ProxyOutput>();
  const [cardProblem, setCardProblem] = useState(false);
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';

  // Leaving the wizard: core forgets the cards read for it (the proxy's and the subject's), as the checkpoint does.
  useEffect(() => () => void kiosk.invoke('identity.clear', {}), [kiosk]);

  const go = (next: Step) => {
    setStep(next);
    setError(undefined);
  };
  const back = () => {
    const index = steps.indexOf(step);
    if (index <= 0 || step === 'result') screen.onBack();
    else go(steps[index - 1]!);
  };

  useCardEvents(kiosk, {
    onRead: (identity) => {
      setCardProblem(false);
      if (step === 'proxy-card') void holdProxy(identity);
      else if (step === 'subject') setCard(identity);
    },
    onProblem: () => setCardProblem(true),
  });

  const holdProxy = async (identity: MaskedIdentity) => {
    if (busy) return;
    setBusy(true);
    const envelope = await kiosk.invoke('proxy.holdProxy', { readId: identity.readId });
    setBusy(false);
    if (!envelope.ok) {
      setError(envelope.error);
      return;
    }
    setProxy(envelope.value);
    go('subject');
  };

  const submit = async () => {
    if (busy || !subject || !consent) return;
    const complete = completeDeclaration(draft);
    if ('missing' in complete) {
      setMissing(complete.missing);
      return;
    }
    setMissing([]);
    setBusy(true);
    const common = { subject: subject.subject, declaration: complete.declaration, answers: complete.answers, language, consent };
    const envelope =
      path === 'family'
        ? await kiosk.invoke('proxy.family', { ...common, proxyReadId: proxy?.proxyReadId ?? '', relationship: relationship ?? '' })
        : await kiosk.invoke('proxy.staff', { ...common, verification: verification ?? 'document-checked' });
    setBusy(false);
    if (!envelope.ok) {
      setError(envelope.error);
      return;
    }
    setOutput(envelope.value);
    go('result');
  };

  const chooseSubject = (chosen: ChosenSubject) => {
    setSubject(chosen);
    go(path === 'family' ? 'relationship' : 'verification');
  };
  const chooseRelationship = (code: string) => {
    setRelationship(code);
    go('consent');
  };
  const chooseVerification = (method: VerificationMethod) => {
    setVerification(method);
    go('consent');
  };
  const chooseConsent = (kind: ConsentKind) => {
    setConsent(kind);
    go('declaration');
  };

  const stepWords: Record<Step, string> = {
    'proxy-card': t('staff:proxy.steps.proxy-card'),
    subject: t('staff:proxy.steps.subject'),
    relationship: t('staff:proxy.steps.relationship'),
    verification: t('staff:proxy.steps.verification'),
    consent: t('staff:proxy.steps.consent'),
    declaration: t('staff:proxy.steps.declaration'),
    result: t('staff:proxy.steps.result'),
  };
  const choice = (testId: string, label: string, pressed: boolean, onClick: () => void) => (
    <button
      key={testId}
      type="button"
      className="button button-secondary console-choice"
      data-testid={testId}
      aria-pressed={pressed}
      onClick={onClick}
    >
      {label}
    </button>
  );

  return (
    <ConsoleFrame testId="staff-proxy-wizard" screen={{ ...screen, onBack: back }} data={{ 'data-path': path, 'data-step': step }}>
      <h1>{path === 'family' ? t('staff:proxy.familyHeading') : t('staff:proxy.staffHeading')}</h1>
      <p className="console-hint" data-testid="proxy-progress">
        {t('staff:proxy.progress', { current: steps.indexOf(step) + 1, total: steps.length, step: stepWords[step] })}
      </p>
      {proxy && step !== 'result' ? (
        <p data-testid="proxy-held">
          {t('staff:proxy.proxyIs', { name: proxy.identity.maskedName ?? '', number: proxy.identity.maskedNumber })}
        </p>
      ) : null}
      {subject && step !== 'subject' && step !== 'result' ? (
        <p data-testid="proxy-subject-chosen">{t('staff:proxy.subjectIs', { subject: subject.shown })}</p>
      ) : null}

      {step === 'proxy-card' ? (
        <p className="lead" data-testid="proxy-tap-own">
          <PendingMark /> {busy ? t('staff:proxy.holding') : t('staff:proxy.tapProxy')}
        </p>
      ) : null}
      {step === 'subject' ? <ProxySubjectStep card={card} proxyCard={proxy?.identity} onChosen={chooseSubject} /> : null}
      {step === 'relationship' ? (
        <div className="console-choices" role="group" aria-label={stepWords.relationship} data-testid="proxy-relationships">
          {policy === undefined ? (
            <p>
              <PendingMark /> {t('staff:proxy.loadingPolicy')}
            </p>
          ) : (
            policy.proxyLimits.familyRelationships.allowed.map((allowed) =>
              choice(`relationship-${allowed.code}`, allowed.label[language], relationship === allowed.code, () =>
                chooseRelationship(allowed.code),
              ),
            )
          )}
        </div>
      ) : null}
      {step === 'verification' ? (
        <div className="console-choices" role="group" aria-label={stepWords.verification} data-testid="proxy-verifications">
          {verificationMethods.map((method) =>
            choice(`verification-${method}`, verificationWords[method], verification === method, () => chooseVerification(method)),
          )}
        </div>
      ) : null}
      {step === 'consent' ? (
        <div className="console-choices" role="group" aria-label={stepWords.consent} data-testid="proxy-consents">
          {consentKinds.map((kind) => choice(`consent-${kind}`, consentWords[kind], consent === kind, () => chooseConsent(kind)))}
        </div>
      ) : null}
      {step === 'declaration' ? (
        <>
          <ProxyDeclarationForm draft={draft} onChange={setDraft} missing={missing} />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="proxy-submit"
              disabled={busy}
              onClick={() => void submit()}
            >
              {busy ? t('staff:proxy.sending') : t('staff:proxy.submit')}
            </button>
          </div>
        </>
      ) : null}
      {step === 'result' && output ? (
        <>
          <ProxyResult output={output} />
          <div className="actions">
            <button type="button" className="button button-primary" data-testid="proxy-done" onClick={screen.onBack}>
              {t('staff:proxy.done')}
            </button>
          </div>
        </>
      ) : null}
      <p role="alert" data-testid="proxy-error">
        {error ? (
          <>
            <WarningMark /> {errorMessage(t, error)}
          </>
        ) : cardProblem ? (
          <>
            <WarningMark /> {t('staff:proxy.cardProblem')}
          </>
        ) : null}
      </p>
    </ConsoleFrame>
  );
}
