// The printer (staff): its state, then the journal of slips, newest first. Slips that did not print come first, in
// "needs attention", each with Reprint and Dismiss; every slip can be previewed. Follows core's printer.status pushes.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { SignedInOfficer } from '../api/staff-types';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SyncState } from '../api/use-sync-status';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { PrinterStatusLine } from '../components/PrinterStatusLine';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { DoneMark, PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { FailedJobActions } from './FailedJobActions';
import { PrintJobRow } from './PrintJobRow';
import { SlipPreview } from './SlipPreview';
import { StaffStrip } from './StaffStrip';
import { standingOf, useSlipKindWords } from './use-print-job-words';
import { JOURNAL_LIMIT, usePrintJournal, type PrintJob } from './use-print-journal';
import '../theme/printer.css';

interface PrinterScreenProps {
  info: FrameInfo;
  kiosk: KioskApi;
  officer: SignedInOfficer;
  sync: SyncState | undefined;
  printer: PrinterStatus | undefined;
  onBack: () => void;
  onHome: () => void;
  onSignOut: () => void;
}

/** What the last action did, said once at the top of the journal (the row it came from has moved or gone). */
type Outcome = { kind: 'reprinted'; job: PrintJob } | { kind: 'dismissed'; job: PrintJob };

const needsAttention = (job: PrintJob) => job.state === 'failed' && !job.resolved;

export function PrinterScreen({ info, kiosk, officer, sync, printer, onBack, onHome, onSignOut }: PrinterScreenProps) {
  const { t } = useTranslation(['common', 'staff']);
  const kinds = useSlipKindWords();
  const { jobs, error: loadError, refresh } = usePrintJournal(kiosk);
  const [busy, setBusy] = useState(false);
  /** Set at once on a tap (state only after the next render): a double tap cannot send a second reprint. */
  const inFlight = useRef(false);
  const [problem, setProblem] = useState<{ jobId: number; error: ErrorData }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeLine = useRef<HTMLParagraphElement>(null);
  const attentionHeading = useId();
  const journalHeading = useId();
  // The buttons pressed are gone with their row: focus goes to what happened, so keyboard users are not lost.
  useEffect(() => {
    if (outcome) outcomeLine.current?.focus();
  }, [outcome]);

  const resolve = async (job: PrintJob, channel: 'printer.reprint' | 'printer.dismiss') => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setProblem(undefined);
    setOutcome(undefined);
    const envelope = await kiosk.invoke(channel, { jobId: job.id });
    inFlight.current = false;
    setBusy(false);
    if (envelope.ok) setOutcome({ kind: channel === 'printer.reprint' ? 'reprinted' : 'dismissed', job: envelope.value });
    else setProblem({ jobId: job.id, error: envelope.error });
    // Also after a refusal: a conflict means someone else just dealt with it, and the list should show that.
    refresh();
  };
  const reprint = (job: PrintJob) => void resolve(job, 'printer.reprint');
  const dismiss = (job: PrintJob) => void resolve(job, 'printer.dismiss');

  const reprintedIds = new Set((jobs ?? []).flatMap((job) => (job.reprintOf === null ? [] : [job.reprintOf])));
  const waiting = (jobs ?? []).filter(needsAttention);
  const others = (jobs ?? []).filter((job) => !needsAttention(job));
  const named = (job: PrintJob) => t('staff:printerJobs.named', { kind: kinds[job.template], label: job.label });

  const row = (job: PrintJob) => (
    <PrintJobRow key={job.id} job={job} standing={standingOf(job, reprintedIds)}>
      {problem?.jobId === job.id ? (
        <p className="print-job-problem" role="alert" data-testid="job-problem">
          <WarningMark /> {errorMessage(t, problem.error)}
        </p>
      ) : null}
      {needsAttention(job) ? <FailedJobActions job={job} busy={busy} onReprint={reprint} onDismiss={dismiss} /> : null}
      <SlipPreview kiosk={kiosk} jobId={job.id} alt={named(job)} />
    </PrintJobRow>
  );

  return (
    <ScreenFrame
      testId="staff-printer"
      info={info}
      status={<StaffStrip officer={officer} sync={sync} printer={printer} onSignOut={onSignOut} />}
      data={{ 'data-waiting': jobs ? String(waiting.length) : undefined }}
      footer={<BackHomeButtons onBack={onBack} onHome={onHome} />}
    >
      <h1>{t('staff:printerJobs.heading')}</h1>
      <div className="printer-summary" data-testid="printer-summary">
        <PrinterStatusLine status={printer} />
        {printer && printer.pendingJobs > 0 ? (
          <p data-testid="printer-pending">
            <PendingMark /> {t('staff:printerJobs.pending', { count: printer.pendingJobs })}
          </p>
        ) : null}
      </div>
      {/* Shown only once something was done, and focused then, so it is read out even though it is new. */}
      {outcome ? (
        <p className="print-outcome" role="status" tabIndex={-1} ref={outcomeLine} data-testid="print-outcome" data-outcome={outcome.kind}>
          <DoneMark />{' '}
          {outcome.kind === 'dismissed'
            ? t('staff:printerJobs.dismissed', { name: named(outcome.job) })
            : outcome.job.reprintNumber > 0
              ? t('staff:printerJobs.reprinted', { name: named(outcome.job), n: outcome.job.reprintNumber })
              : t('staff:printerJobs.printedAgain', { name: named(outcome.job) })}
        </p>
      ) : null}
      {loadError ? (
        <p className="lead" role="alert" data-testid="journal-error">
          <WarningMark /> {t('staff:printerJobs.loadFailed', { message: errorMessage(t, loadError) })}
        </p>
      ) : null}
      {jobs === undefined ? (
        loadError ? null : (
          <p className="lead" data-testid="journal-loading">
            <PendingMark /> {t('staff:printerJobs.loading')}
          </p>
        )
      ) : (
        <>
          <section className="print-group print-group-attention" aria-labelledby={attentionHeading} data-testid="print-attention">
            <h2 id={attentionHeading}>{t('staff:printerJobs.attention', { n: waiting.length })}</h2>
            {waiting.length === 0 ? (
              <p className="lead" data-testid="print-attention-none">
                <DoneMark /> {t('staff:printerJobs.nothingWaiting')}
              </p>
            ) : (
              <ol className="print-jobs">{waiting.map(row)}</ol>
            )}
          </section>
          <section className="print-group" aria-labelledby={journalHeading} data-testid="print-journal">
            <h2 id={journalHeading}>{t('staff:printerJobs.journal', { n: JOURNAL_LIMIT })}</h2>
            {others.length === 0 ? (
              <p className="lead" data-testid="print-journal-none">
                {t('staff:printerJobs.nothingPrinted')}
              </p>
            ) : (
              <ol className="print-jobs">{others.map(row)}</ol>
            )}
          </section>
        </>
      )}
    </ScreenFrame>
  );
}
