// "The rules in force now": the policy's title, source document, effective date, who may apply, how long a code is
// valid, every rule id with its plain sentence in the screen's language, and the complaint line — read from core.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import type { Policy } from './flow/flow-types';
import '../theme/flow.css';

interface RulesScreenProps {
  info: FrameInfo;
  kiosk: KioskApi;
  onBack: () => void;
  onHome: () => void;
}

type View = { kind: 'loading' } | { kind: 'ready'; policy: Policy } | { kind: 'failed'; error: ErrorData };

/** A calendar day of the policy file (2020-03-27) in words, as written: no time zone can move it. */
function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

export function RulesScreen({ info, kiosk, onBack, onHome }: RulesScreenProps) {
  const { t, i18n } = useTranslation(['common', 'flow']);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    let current = true;
    void kiosk.invoke('policy.current', {}).then((envelope) => {
      if (current) setView(envelope.ok ? { kind: 'ready', policy: envelope.value } : { kind: 'failed', error: envelope.error });
    });
    return () => {
      current = false;
    };
  }, [kiosk]);

  const policy = view.kind === 'ready' ? view.policy : undefined;
  return (
    <ScreenFrame
      testId="rules"
      info={info}
      data={{ 'data-policy-id': policy?.id }}
      footer={<BackHomeButtons onBack={onBack} onHome={onHome} />}
    >
      <h1>{t('flow:rules.heading')}</h1>
      {view.kind === 'loading' ? (
        <p className="lead" role="status">
          <PendingMark /> {t('flow:rules.loading')}
        </p>
      ) : null}
      {view.kind === 'failed' ? (
        <p className="lead notice" role="alert" data-testid="rules-error">
          <WarningMark /> {t('flow:rules.failed', { message: errorMessage(t, view.error) })}
        </p>
      ) : null}
      {policy ? (
        <>
          <h2 className="rules-title" data-testid="rules-title">
            {policy.title[language]}
          </h2>
          <dl className="flow-facts rules-facts">
            <div>
              <dt>{t('flow:rules.source')}</dt>
              <dd data-testid="rules-source">
                {[policy.source.document, policy.source.number, policy.source.issuer].filter(Boolean).join(' · ')}
              </dd>
            </div>
            <div>
              <dt>{t('flow:rules.effectiveFrom')}</dt>
              <dd data-testid="rules-effective">{formatDay(policy.effectiveFrom, language)}</dd>
            </div>
            <div>
              <dt>{t('flow:rules.scope')}</dt>
              <dd data-testid="rules-scope">{policy.scope[language]}</dd>
            </div>
          </dl>
          <p className="lead" data-testid="rules-validity">
            {t('flow:rules.validity', { count: policy.validityDays })}
          </p>
          <h2>{t('flow:rules.list')}</h2>
          <ol className="citations rules-list">
            {policy.rules.map((rule) => (
              <li key={rule.id} className="citation" data-testid="rule" data-rule-id={rule.id} data-effect={rule.effect}>
                <span className="citation-sentence">{rule.sentence[language]}</span>
                <span className="citation-id">{rule.id}</span>
              </li>
            ))}
          </ol>
          <p className="lead" data-testid="rules-complaint">
            {t('flow:rules.complaint', { line: policy.complaintLine })}
          </p>
        </>
      ) : null}
    </ScreenFrame>
  );
}
