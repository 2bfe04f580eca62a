// The decision screen: the application (resident, source, countdown), the declaration in words, the rules that
// applied, proxy details and the history; then Approve (A) / Refuse citing a rule (R) / Ask for information (I), each
// confirmed before it is sent (Enter confirms, Esc cancels, Esc again goes back). A community head or admin may
// reassign it; once the province issued it by default, the timeout notice can be printed.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { may, type Decision } from '../api/approval-types';
import { useCurrentPolicy } from '../api/use-current-policy';
import { useTicker } from '../api/use-ticker';
import { DoneMark, PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { formatCoreTime } from '../i18n/format-time';
import { CitationList } from '../kiosk/flow/CitationList';
import { ConsoleFrame } from './ConsoleFrame';
import type { ConsoleProps } from './console-props';
import { DeclarationFacts } from './DeclarationFacts';
import { ReassignPanel } from './ReassignPanel';
import { ReviewHistory } from './ReviewHistory';
import { RulePicker } from './RulePicker';
import { SlaClock } from './SlaClock';
import { useSourceWords } from './use-console-words';
import { useReviewDetail } from './use-review-detail';
import { useSlipKindWords } from './use-print-job-words';
import type { PrintJob } from './use-print-journal';

interface DecideScreenProps extends ConsoleProps {
  applicationId: string;
}

/** The decisions in the order of their buttons. */
const decisionOrder: readonly Decision[] = ['approve', 'refuse', 'ask-info'];

/** The keys that choose a decision (the same letter in every language, shown on its button). */
const shortcuts: Record<string, Decision> = { a: 'approve', r: 'refuse', i: 'ask-info' };

type Problem = { kind: 'no-rule' } | { kind: 'error'; error: ErrorData };

/** Keys a focused control handles itself: a button's Enter is its click, a list's letters are its search. */
const ownsKey = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('button, select, textarea, input[type="text"]') !== null;

export function DecideScreen({ applicationId, ...screen }: DecideScreenProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const { kiosk, officer, onBack } = screen;
  const { detail, fetchedAt, error: loadError, replace } = useReviewDetail(kiosk, applicationId);
  const now = useTicker();
  const { policy } = useCurrentPolicy(kiosk);
  const sources = useSourceWords();
  const kinds = useSlipKindWords();
  const [pending, setPending] = useState<Decision>();
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [outcome, setOutcome] = useState<Decision>();
  const [notice, setNotice] = useState<{ kind: 'printed'; job: PrintJob } | { kind: 'error'; error: ErrorData }>();
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const outcomeLine = useRef<HTMLParagraphElement>(null);

  const item = detail?.item;
  const open = item !== undefined && (item.state === 'open' || item.state === 'info-requested');
  const canDecide = open && may(officer, 'decide');
  const canReassign = open && may(officer, 'reassign');
  const buttons: Record<Decision, string> = {
    approve: t('staff:decide.approve'),
    refuse: t('staff:decide.refuse'),
    'ask-info': t('staff:decide.askInfo'),
  };
  const questions: Record<Decision, string> = {
    approve: t('staff:decide.confirm.approve'),
    refuse: t('staff:decide.confirm.refuse'),
    'ask-info': t('staff:decide.confirm.ask-info'),
  };
  const outcomes: Record<Decision, string> = {
    approve: t('staff:decide.outcome.approve'),
    refuse: t('staff:decide.outcome.refuse'),
    'ask-info': t('staff:decide.outcome.ask-info'),
  };
  const keyLetter: Record<Decision, string> = { approve: 'A', refuse: 'R', 'ask-info': 'I' };

  useEffect(() => {
    if (pending) confirmHeading.current?.focus();
  }, [pending]);
  useEffect(() => {
    if (outcome) outcomeLine.current?.focus();
  }, [outcome]);

  const choose = (decision: Decision) => {
    if (!canDecide || busy) return;
    setPending(decision);
    setProblem(undefined);
    setOutcome(undefined);
    if (decision !== 'refuse') setRuleId(null);
  };

  const send = async () => {
    if (!pending || busy || !item) return;
    if (pending === 'refuse' && ruleId === null) {
      setProblem({ kind: 'no-rule' });
      return;
    }
    setBusy(true);
    const envelope = await kiosk.invoke('queue.decide', {
      applicationId: item.applicationId,
      decision: pending,
      ruleId: pending === 'refuse' ? ruleId : null,
    });
    setBusy(false);
    if (!envelope.ok) {
      setProblem({ kind: 'error', error: envelope.error });
      return;
    }
    replace(envelope.value);
    setOutcome(pending);
    setPending(undefined);
    setRuleId(null);
  };

  const printNotice = async () => {
    if (busy || !item) return;
    setBusy(true);
    const envelope = await kiosk.invoke('queue.printNotice', { applicationId: item.applicationId });
    setBusy(false);
    setNotice(envelope.ok ? { kind: 'printed', job: envelope.value } : { kind: 'error', error: envelope.error });
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    if (event.key === 'Escape') {
      if (pending) {
        setPending(undefined);
        setProblem(undefined);
      } else onBack();
    } else if (event.key === 'Enter' && pending && !ownsKey(event.target)) void send();
    else {
      const decision = shortcuts[event.key.toLowerCase()];
      if (decision === undefined || ownsKey(event.target)) return;
      choose(decision);
    }
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const submitted = item ? formatCoreTime(item.submittedAt, i18n.language) : undefined;
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  /** A family proxy's relationship is a policy code: said with the policy's own label. */
  const relationshipLabel = (code: string) =>
    policy?.proxyLimits.familyRelationships.allowed.find((allowed) => allowed.code === code)?.label[language] ?? code;

  return (
    <ConsoleFrame testId="staff-decide" screen={screen} data={{ 'data-state': item?.state, 'data-pending': pending }}>
      <h1>{item ? t('staff:decide.heading', { ref: item.ref }) : t('staff:decide.headingLoading')}</h1>
      {loadError ? (
        <p role="alert" data-testid="decide-error">
          <WarningMark /> {errorMessage(t, loadError)}
        </p>
      ) : null}
      {detail === undefined || item === undefined ? (
        loadError ? null : (
          <p data-testid="decide-loading">
            <PendingMark /> {t('staff:decide.loading')}
          </p>
        )
      ) : (
        <>
          <dl className="console-facts" data-testid="decide-item">
            <div>
              <dt>{t('staff:decide.resident')}</dt>
              <dd data-testid="decide-resident">
                {item.maskedName} {item.maskedNumber}
              </dd>
            </div>
            <div>
              <dt>{t('staff:decide.source')}</dt>
              <dd data-testid="decide-source">{sources[item.source]}</dd>
            </div>
            <div>
              <dt>{t('staff:decide.submittedAt')}</dt>
              <dd>{submitted ? t('staff:history.time', { date: submitted.date, time: submitted.time }) : item.submittedAt}</dd>
            </div>
            <div>
              <dt>{t('staff:decide.deadline')}</dt>
              <dd>
                <SlaClock item={item} fetchedAt={fetchedAt} now={now} />
              </dd>
            </div>
            <div>
              <dt>{t('staff:decide.assignee')}</dt>
              <dd data-testid="decide-assignee">
                {item.assignedTo ? item.assignedTo.maskedName : t('staff:queue.unassigned')}
                {item.escalatedTo ? ` · ${t('staff:queue.escalatedTo', { name: item.escalatedTo.maskedName })}` : ''}
              </dd>
            </div>
          </dl>
          {outcome ? (
            <p
              className="console-outcome"
              role="status"
              tabIndex={-1}
              ref={outcomeLine}
              data-testid="decide-outcome"
              data-outcome={outcome}
            >
              <DoneMark /> {t('staff:decide.done', { outcome: outcomes[outcome], ref: item.ref })}
            </p>
          ) : null}
          {canDecide ? (
            <section className="console-panel" data-testid="decide-actions">
              <div className="actions console-actions">
                {decisionOrder.map((decision) => (
                  <button
                    key={decision}
                    type="button"
                    className={decision === 'approve' ? 'button button-primary' : 'button button-secondary'}
                    data-testid={`decide-${decision}`}
                    aria-pressed={pending === decision}
                    aria-keyshortcuts={keyLetter[decision]}
                    disabled={busy}
                    onClick={() => choose(decision)}
                  >
                    {buttons[decision]} <kbd className="console-key">{keyLetter[decision]}</kbd>
                  </button>
                ))}
              </div>
              {pending ? (
                <div className="console-confirm" data-testid="decide-confirm-panel">
                  <h2 ref={confirmHeading} tabIndex={-1}>
                    {questions[pending]}
                  </h2>
                  {pending === 'refuse' ? (
                    <RulePicker
                      rules={detail.refusableRules}
                      value={ruleId}
                      onChange={(id) => {
                        setRuleId(id);
                        setProblem(undefined);
                      }}
                    />
                  ) : null}
                  <div className="actions">
                    <button
                      type="button"
                      className="button button-primary"
                      data-testid="decide-confirm"
                      disabled={busy}
                      onClick={() => void send()}
                    >
                      {busy ? t('staff:decide.sending') : t('staff:decide.confirmSend')}{' '}
                      <kbd className="console-key">{t('staff:decide.enterKey')}</kbd>
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      data-testid="decide-cancel"
                      onClick={() => setPending(undefined)}
                    >
                      {t('staff:decide.cancel')} <kbd className="console-key">{t('staff:decide.escKey')}</kbd>
                    </button>
                  </div>
                </div>
              ) : null}
              <p className="entry-problem" role="alert" data-testid="decide-problem">
                {problem === undefined ? null : (
                  <>
                    <WarningMark /> {problem.kind === 'no-rule' ? t('staff:decide.ruleRequired') : errorMessage(t, problem.error)}
                  </>
                )}
              </p>
            </section>
          ) : open ? (
            <p data-testid="decide-no-rights">{t('staff:decide.noRights')}</p>
          ) : (
            <p data-testid="decide-closed">
              {item.state === 'auto-defaulted' ? t('staff:decide.autoDefaulted') : t('staff:decide.decided')}
            </p>
          )}
          {item.state === 'auto-defaulted' ? (
            <section className="console-panel" data-testid="notice-panel">
              <button
                type="button"
                className="button button-primary"
                data-testid="print-notice"
                disabled={busy}
                onClick={() => void printNotice()}
              >
                {t('staff:decide.printNotice')}
              </button>
              <p role="status" data-testid="notice-result">
                {notice?.kind === 'printed' ? (
                  <>
                    <DoneMark /> {t('staff:decide.noticeSent', { kind: kinds[notice.job.template], label: notice.job.label })}
                  </>
                ) : notice?.kind === 'error' ? (
                  <>
                    <WarningMark /> {errorMessage(t, notice.error)}
                  </>
                ) : null}
              </p>
            </section>
          ) : null}
          {canReassign ? <ReassignPanel kiosk={kiosk} item={item} /> : null}
          <section className="console-section">
            <h2>{t('staff:decide.declaration')}</h2>
            {detail.declaration ? (
              <DeclarationFacts declaration={detail.declaration} answers={detail.answers} />
            ) : (
              <p data-testid="decide-declaration-gone">{t('staff:decide.declarationGone')}</p>
            )}
          </section>
          <section className="console-section">
            <h2>{t('staff:decide.rulesApplied', { policy: detail.policyId })}</h2>
            {detail.citations.length === 0 ? <p>{t('staff:decide.noRules')}</p> : <CitationList citations={detail.citations} />}
          </section>
          {detail.proxy ? (
            <section className="console-section" data-testid="decide-proxy">
              <h2>{t('staff:decide.proxy')}</h2>
              <p>
                {sources[detail.proxy.kind]}
                {detail.proxy.maskedName ? ` · ${detail.proxy.maskedName}` : ''}
                {detail.proxy.relationship
                  ? ` · ${t('staff:decide.relationship', { relationship: relationshipLabel(detail.proxy.relationship) })}`
                  : ''}
              </p>
            </section>
          ) : null}
          <section className="console-section">
            <h2>{t('staff:decide.history')}</h2>
            <ReviewHistory history={detail.history} />
          </section>
        </>
      )}
    </ConsoleFrame>
  );
}
