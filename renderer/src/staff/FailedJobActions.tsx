// What staff can do with a slip that did not print: print it again (补打 when the first may have come out, so the new
// one carries the mark) or dismiss it, which asks first: a dismissed slip is never printed by itself again.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from './use-print-journal';

interface FailedJobActionsProps {
  job: PrintJob;
  /** A reprint or dismiss is under way on this screen: one at a time, so a double tap cannot do it twice. */
  busy: boolean;
  onReprint: (job: PrintJob) => void;
  onDismiss: (job: PrintJob) => void;
}

/**
 * Core numbers the new slip: 补打 when this job may have printed, or when it is itself a reprint of one that did
 * (core counts the whole chain). Only a first print refused before any byte went out comes out unmarked.
 */
export const reprintWillBeMarked = (job: PrintJob) => job.mayHavePrinted || job.reprintNumber > 0;

export function FailedJobActions({ job, busy, onReprint, onDismiss }: FailedJobActionsProps) {
  const { t } = useTranslation(['common', 'staff']);
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = useId();
  // The question takes focus on its safe answer; answering "keep" gives it back to Dismiss.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (wasConfirming.current) dismissButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const marked = reprintWillBeMarked(job);

  if (confirming) {
    return (
      <div className="print-job-confirm" role="group" aria-labelledby={questionId} data-testid="job-dismiss-question">
        <p id={questionId} className="print-job-question">
          {t('staff:printerJobs.dismissQuestion')}
        </p>
        <div className="actions print-job-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="job-dismiss-confirm"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              onDismiss(job);
            }}
          >
            {t('staff:printerJobs.dismissYes')}
          </button>
          <button
            ref={keepButton}
            type="button"
            className="button button-secondary"
            data-testid="job-dismiss-cancel"
            onClick={() => setConfirming(false)}
          >
            {t('staff:printerJobs.dismissNo')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="print-job-choice">
      <div className="actions print-job-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="job-reprint"
          data-marked={String(marked)}
          disabled={busy}
          onClick={() => onReprint(job)}
        >
          {marked ? t('staff:printerJobs.reprint') : t('staff:printerJobs.printAgain')}
        </button>
        <button
          ref={dismissButton}
          type="button"
          className="button button-secondary"
          data-testid="job-dismiss"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {t('staff:printerJobs.dismiss')}
        </button>
      </div>
      <p className="print-job-hint" data-testid="job-reprint-hint">
        {marked ? t('staff:printerJobs.reprintHint') : t('staff:printerJobs.printAgainHint')}
      </p>
    </div>
  );
}
