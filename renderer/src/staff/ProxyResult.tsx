// What a proxy application came to: refused, with the rules cited; or submitted, with its status and what was printed
// (the code or receipt with the proxy marker, and the proxy slip), or that the printer could not print them.
import { useTranslation } from 'react-i18next';
import type { ProxyOutput } from '../api/approval-types';
import { DoneMark, WarningMark } from '../components/StatusMark';
import { CitationList } from '../kiosk/flow/CitationList';
import { useSlipKindWords } from './use-print-job-words';
import type { PrintJob } from './use-print-journal';

export function ProxyResult({ output }: { output: ProxyOutput }) {
  const { t } = useTranslation(['common', 'flow', 'staff']);
  const kinds = useSlipKindWords();
  if (output.outcome === 'refused') {
    return (
      <section data-testid="proxy-result" data-outcome="refused">
        <h2>
          <WarningMark /> {t('staff:proxy.refused')}
        </h2>
        <CitationList citations={output.citations} />
      </section>
    );
  }
  const { application } = output;
  const printed = (job: PrintJob | null, testId: string) => (
    <p data-testid={testId} data-printed={String(job !== null)}>
      {job ? (
        <>
          <DoneMark /> {t('staff:proxy.printing', { kind: kinds[job.template], label: job.label })}
        </>
      ) : (
        <>
          <WarningMark /> {t('staff:proxy.notPrinted')}
        </>
      )}
    </p>
  );
  const codeLine = printed(output.printJob, 'proxy-print-job');
  const slipLine = printed(output.proxySlipJob, 'proxy-slip-job');
  return (
    <section data-testid="proxy-result" data-outcome="submitted" data-status={application.status}>
      <h2>
        <DoneMark /> {t('staff:proxy.submitted', { ref: application.ref })}
      </h2>
      <p data-testid="proxy-result-status">{t('staff:proxy.status', { status: t(`flow:status.words.${application.status}`) })}</p>
      {application.citations.length > 0 ? <CitationList citations={application.citations} /> : null}
      {codeLine}
      {slipLine}
    </section>
  );
}
