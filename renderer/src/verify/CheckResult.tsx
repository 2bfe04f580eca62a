// One check's answer, large: the status word and its shape for a genuine code, or "refused" with why and what to do;
// then what the code says (status as of, valid until, code id, proxy) and whether the tapped card matches it.
import { useTranslation } from 'react-i18next';
import { DoneMark, WarningMark } from '../components/StatusMark';
import { formatCoreTime } from '../i18n/format-time';
import { CodeStatusMark, RefusedMark } from './CodeMarks';
import { refusalOf, type CheckpointResult, type CodeStatus, type GenuineCode, type HolderVerdict, type Refusal } from './verify-types';

/** Every refusal in words with what to do, written out key by key so each stays greppable and checked by the locale test. */
export function useRefusalWords(): Record<Refusal, { reason: string; advice: string }> {
  const { t } = useTranslation(['common', 'verify']);
  return {
    format: { reason: t('verify:reasons.format'), advice: t('verify:advice.format') },
    'unknown-key': { reason: t('verify:reasons.unknown-key'), advice: t('verify:advice.unknown-key') },
    signature: { reason: t('verify:reasons.signature'), advice: t('verify:advice.signature') },
    revoked: { reason: t('verify:reasons.revoked'), advice: t('verify:advice.revoked') },
    'not-yet-valid': { reason: t('verify:reasons.not-yet-valid'), advice: t('verify:advice.not-yet-valid') },
    expired: { reason: t('verify:reasons.expired'), advice: t('verify:advice.expired') },
    'no-trust-list': { reason: t('verify:reasons.no-trust-list'), advice: t('verify:advice.no-trust-list') },
    'holder-mismatch': { reason: t('verify:reasons.holder-mismatch'), advice: t('verify:advice.holder-mismatch') },
  };
}

function CodeFacts({ code }: { code: GenuineCode }) {
  const { t, i18n } = useTranslation(['common', 'verify']);
  const when = (iso: string) => {
    const text = formatCoreTime(iso, i18n.language);
    return text ? t('verify:result.time', { date: text.date, time: text.time }) : iso;
  };
  return (
    <dl className="identity-fields verify-facts">
      <div>
        <dt>{t('verify:result.statusAsOf')}</dt>
        <dd data-testid="verify-status-as-of">{when(code.statusAsOf)}</dd>
      </div>
      <div>
        <dt>{t('verify:result.validUntil')}</dt>
        <dd data-testid="verify-valid-until">{when(code.validUntil)}</dd>
      </div>
      <div>
        <dt>{t('verify:result.humanId')}</dt>
        <dd data-testid="verify-human-id" className="verify-human-id">
          {code.humanId}
        </dd>
      </div>
    </dl>
  );
}

export function CheckResult({ result }: { result: CheckpointResult }) {
  const { t } = useTranslation(['common', 'verify']);
  const refusalWords = useRefusalWords();
  const statusWords: Record<CodeStatus, string> = {
    PENDING: t('verify:status.PENDING'),
    GREEN: t('verify:status.GREEN'),
    YELLOW: t('verify:status.YELLOW'),
    RED: t('verify:status.RED'),
  };
  const holderWords: Record<HolderVerdict, string> = {
    match: t('verify:holder.match'),
    mismatch: t('verify:holder.mismatch'),
    'not-checked': t('verify:holder.not-checked'),
  };
  const refusal = refusalOf(result);
  const code = result.valid ? result : undefined;
  return (
    <section
      className="verify-result"
      role="status"
      data-testid="verify-result"
      data-valid={String(refusal === undefined)}
      data-reason={refusal}
      data-status={code?.status}
      data-holder={code?.holder}
    >
      {refusal === undefined && code ? (
        <>
          <p className="verify-verdict" data-testid="verify-verdict">
            <DoneMark /> {t('verify:result.genuine')}
          </p>
          <p className="verify-word" data-testid="verify-status-word">
            <CodeStatusMark status={code.status} /> {statusWords[code.status]}
          </p>
          {code.status === 'PENDING' ? <p className="lead verify-note">{t('verify:result.pendingNotAPass')}</p> : null}
        </>
      ) : (
        <>
          <p className="verify-word" data-testid="verify-status-word">
            <RefusedMark /> {t('verify:result.refused')}
          </p>
          {refusal ? (
            <>
              <p className="lead" data-testid="verify-reason">
                {refusalWords[refusal].reason}
              </p>
              <p className="lead" data-testid="verify-advice">
                {refusalWords[refusal].advice}
              </p>
            </>
          ) : null}
        </>
      )}
      {code ? <CodeFacts code={code} /> : null}
      {code?.proxy ? (
        <p className="lead verify-note" data-testid="verify-proxy">
          {t('verify:result.proxy')}
        </p>
      ) : null}
      {code ? (
        <p className="lead" data-testid="verify-holder">
          {code.holder === 'mismatch' ? <WarningMark /> : code.holder === 'match' ? <DoneMark /> : null} {holderWords[code.holder]}
        </p>
      ) : null}
    </section>
  );
}
