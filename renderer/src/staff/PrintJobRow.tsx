// One job of the print journal: the slip kind and its label, when it was made (core's wall time), where it stands in
// words and a shape, why it failed and what to do, "补打 n" on a reprint; the actions for it come in as children.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneMark, OffMark, PendingMark, WarningMark } from '../components/StatusMark';
import { formatCoreTime } from '../i18n/format-time';
import { useFailureWords, useSlipKindWords, useStandingWords, type JobStanding } from './use-print-job-words';
import type { PrintJob } from './use-print-journal';

const marks: Record<JobStanding, () => ReactNode> = {
  queued: PendingMark,
  sent: PendingMark,
  done: DoneMark,
  failed: WarningMark,
  reprinted: OffMark,
  dismissed: OffMark,
};

interface PrintJobRowProps {
  job: PrintJob;
  standing: JobStanding;
  children?: ReactNode;
}

export function PrintJobRow({ job, standing, children }: PrintJobRowProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const kinds = useSlipKindWords();
  const standings = useStandingWords();
  const failures = useFailureWords();
  const made = formatCoreTime(job.createdAt, i18n.language);
  const Mark = marks[standing];
  return (
    <li
      className={standing === 'failed' ? 'print-job print-job-failed' : 'print-job'}
      data-testid="print-job"
      data-job={job.id}
      data-state={standing}
      data-reprint={job.reprintNumber}
    >
      <div className="print-job-head">
        <p className="print-job-kind" data-testid="job-kind">
          {kinds[job.template]} <span className="print-job-label">{job.label}</span>
        </p>
        {job.reprintNumber > 0 ? (
          <p className="print-job-mark" data-testid="job-reprint-mark">
            {t('staff:printerJobs.reprintMark', { n: job.reprintNumber })}
          </p>
        ) : null}
      </div>
      <div className="print-job-facts">
        <p data-testid="job-state">
          <Mark /> {standings[standing]}
        </p>
        <p data-testid="job-time">
          <time dateTime={job.createdAt}>{made ? t('staff:printerJobs.time', { date: made.date, time: made.time }) : job.createdAt}</time>
        </p>
      </div>
      {job.reason ? (
        <p className="print-job-reason" data-testid="job-reason" data-reason={job.reason}>
          {failures[job.reason].cause}
          {/* What to do only while the job waits for staff; once dealt with, the cause is history. */}
          {standing === 'failed' ? <span data-testid="job-advice"> {failures[job.reason].advice}</span> : null}
        </p>
      ) : null}
      {children}
    </li>
  );
}
