// A care home's CSV that did not pass: one table row per bad line (line number, column, the reason in words).
import { useTranslation } from 'react-i18next';
import type { BatchProblem } from '../api/approval-types';
import { errorMessage, isErrorKey } from '../i18n/error-message';

export function BatchProblemTable({ problems }: { problems: readonly BatchProblem[] }) {
  const { t } = useTranslation(['common', 'staff']);
  // Core names each reason by an errors.* key; one this screen does not know yet is still said plainly.
  const reason = (problem: BatchProblem) =>
    isErrorKey(problem.reason)
      ? errorMessage(t, { code: 'invalid-input', key: problem.reason, ...(problem.params ? { params: problem.params } : {}) })
      : t('staff:batch.badValue');
  return (
    <table className="console-table" data-testid="batch-problems">
      <caption>{t('staff:batch.problems', { count: problems.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff:batch.line')}</th>
          <th scope="col">{t('staff:batch.column')}</th>
          <th scope="col">{t('staff:batch.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          // Problems are a fixed report: their position is their identity.
          <tr key={index} data-testid="batch-problem" data-line={problem.line} data-column={problem.column ?? ''}>
            <td>{problem.line}</td>
            <td>{problem.column ?? t('staff:batch.wholeLine')}</td>
            <td>{reason(problem)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
