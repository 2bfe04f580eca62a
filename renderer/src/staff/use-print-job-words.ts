// The print journal in words: each slip kind, each job state, and each failure with what staff should do about it.
// Written out key by key so every key stays greppable and checked by the locale test.
import { useTranslation } from 'react-i18next';
import type { PrintJob } from './use-print-journal';

export type SlipKind = PrintJob['template'];
export type PrintFailure = NonNullable<PrintJob['reason']>;

export function useSlipKindWords(): Record<SlipKind, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    'paper-code': t('staff:printerJobs.kind.paper-code'),
    receipt: t('staff:printerJobs.kind.receipt'),
    'proxy-slip': t('staff:printerJobs.kind.proxy-slip'),
    'timeout-notice': t('staff:printerJobs.kind.timeout-notice'),
    'sla-report': t('staff:printerJobs.kind.sla-report'),
  };
}

/** Why a slip did not print (the cause) and what to do before printing it again (the advice). */
export function useFailureWords(): Record<PrintFailure, { cause: string; advice: string }> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    'paper-end': { cause: t('staff:printerJobs.cause.paper-end'), advice: t('staff:printerJobs.advice.paper-end') },
    'cover-open': { cause: t('staff:printerJobs.cause.cover-open'), advice: t('staff:printerJobs.advice.cover-open') },
    offline: { cause: t('staff:printerJobs.cause.offline'), advice: t('staff:printerJobs.advice.offline') },
    error: { cause: t('staff:printerJobs.cause.error'), advice: t('staff:printerJobs.advice.error') },
    unreachable: { cause: t('staff:printerJobs.cause.unreachable'), advice: t('staff:printerJobs.advice.unreachable') },
    timeout: { cause: t('staff:printerJobs.cause.timeout'), advice: t('staff:printerJobs.advice.timeout') },
    disconnected: { cause: t('staff:printerJobs.cause.disconnected'), advice: t('staff:printerJobs.advice.disconnected') },
    interrupted: { cause: t('staff:printerJobs.cause.interrupted'), advice: t('staff:printerJobs.advice.interrupted') },
  };
}

/**
 * Where a job stands, as staff see it. A failed job staff have dealt with is either reprinted (a newer job in the
 * journal reprints it) or dismissed: a reprint always has a higher id, so if the failed job is listed, so is its reprint.
 */
export type JobStanding = 'queued' | 'sent' | 'done' | 'failed' | 'reprinted' | 'dismissed';

export function standingOf(job: PrintJob, reprintedIds: ReadonlySet<number>): JobStanding {
  if (job.state !== 'failed' || !job.resolved) return job.state;
  return reprintedIds.has(job.id) ? 'reprinted' : 'dismissed';
}

export function useStandingWords(): Record<JobStanding, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    queued: t('staff:printerJobs.state.queued'),
    sent: t('staff:printerJobs.state.sent'),
    done: t('staff:printerJobs.state.done'),
    failed: t('staff:printerJobs.state.failed'),
    reprinted: t('staff:printerJobs.state.reprinted'),
    dismissed: t('staff:printerJobs.state.dismissed'),
  };
}
