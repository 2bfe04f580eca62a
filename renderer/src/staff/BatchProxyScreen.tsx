// A care home's list (batch proxy): paste the CSV or choose the file, name the care home, Check (nothing stored) shows
// each bad line; Import all is enabled only after a check of exactly this text found no problem, and imports every
// row or none. The expected header line is shown as a sample.
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { batchColumns, type BatchReport } from '../api/approval-types';
import { DoneMark, PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import type { Language } from '../i18n/languages';
import { BatchProblemTable } from './BatchProblemTable';
import { ConsoleFrame } from './ConsoleFrame';
import type { ConsoleProps } from './console-props';

/** Reads a chosen file as text (UTF-8; a BOM, if any, is left for core to skip). */
const readText = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });

type Checked = { csv: string; name: string; report: BatchReport };

export function BatchProxyScreen(screen: ConsoleProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const { kiosk } = screen;
  const [csv, setCsv] = useState('');
  const [name, setName] = useState('');
  const [checked, setChecked] = useState<Checked>();
  const [imported, setImported] = useState<BatchReport>();
  const [problem, setProblem] = useState<{ kind: 'empty' } | { kind: 'file' } | { kind: 'error'; error: ErrorData }>();
  const [busy, setBusy] = useState<'check' | 'import'>();
  const csvId = useId();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const sample = batchColumns.join(',');
  // Import only what was checked: any edit after the check needs a new check.
  const clean =
    checked !== undefined &&
    checked.csv === csv &&
    checked.name === name.trim() &&
    checked.report.problems.length === 0 &&
    checked.report.rows > 0;

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setCsv(await readText(file));
      setProblem(undefined);
    } catch {
      setProblem({ kind: 'file' });
    }
  };

  const run = async (kind: 'check' | 'import') => {
    if (busy) return;
    if (csv.trim() === '' || name.trim() === '') {
      setProblem({ kind: 'empty' });
      return;
    }
    setProblem(undefined);
    setBusy(kind);
    const input = { csv, batchName: name.trim(), language };
    const envelope = await kiosk.invoke(kind === 'check' ? 'proxy.batchCheck' : 'proxy.batchImport', input);
    setBusy(undefined);
    if (!envelope.ok) {
      setProblem({ kind: 'error', error: envelope.error });
      return;
    }
    setChecked({ csv, name: name.trim(), report: envelope.value });
    if (kind === 'import' && envelope.value.problems.length === 0) setImported(envelope.value);
  };

  const report = checked?.report;
  return (
    <ConsoleFrame testId="staff-batch" screen={screen} data={{ 'data-clean': String(clean) }}>
      <h1>{t('staff:batch.heading')}</h1>
      <p>{t('staff:batch.intro')}</p>
      <p>
        {t('staff:batch.sample')} <code data-testid="batch-sample">{sample}</code>
      </p>
      {imported ? (
        <section data-testid="batch-imported">
          <h2>
            <DoneMark /> {t('staff:batch.imported', { count: imported.imported })}
          </h2>
          <ol data-testid="batch-refs">
            {imported.refs.map((ref) => (
              <li key={ref}>{ref}</li>
            ))}
          </ol>
        </section>
      ) : (
        <div className="console-form">
          <label className="console-field">
            <span>{t('staff:batch.name')}</span>
            <input type="text" data-testid="batch-name" value={name} maxLength={60} onChange={(event) => setName(event.target.value)} />
          </label>
          <label className="console-field">
            <span>{t('staff:batch.file')}</span>
            <input type="file" accept=".csv,text/csv" data-testid="batch-file" onChange={(event) => void chooseFile(event)} />
          </label>
          <label className="console-field" htmlFor={csvId}>
            <span>{t('staff:batch.paste')}</span>
          </label>
          <textarea
            id={csvId}
            className="console-textarea"
            rows={8}
            data-testid="batch-csv"
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
          />
          <div className="actions">
            <button
              type="button"
              className="button button-secondary"
              data-testid="batch-check"
              disabled={busy !== undefined}
              onClick={() => void run('check')}
            >
              {busy === 'check' ? t('staff:batch.checking') : t('staff:batch.check')}
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="batch-import"
              disabled={!clean || busy !== undefined}
              onClick={() => void run('import')}
            >
              {busy === 'import' ? t('staff:batch.importing') : t('staff:batch.import')}
            </button>
          </div>
          <p className="console-hint" data-testid="batch-import-hint">
            {clean ? t('staff:batch.readyToImport', { count: report?.rows ?? 0 }) : t('staff:batch.checkFirst')}
          </p>
        </div>
      )}
      <div role="alert" data-testid="batch-error">
        {problem?.kind === 'empty' ? (
          <p>
            <WarningMark /> {t('staff:batch.needBoth')}
          </p>
        ) : problem?.kind === 'file' ? (
          <p>
            <WarningMark /> {t('staff:batch.fileFailed')}
          </p>
        ) : problem?.kind === 'error' ? (
          <p>
            <WarningMark /> {errorMessage(t, problem.error)}
          </p>
        ) : null}
      </div>
      {report && !imported ? (
        <section data-testid="batch-report" data-rows={report.rows} data-problems={report.problems.length}>
          {report.problems.length === 0 ? (
            <p>
              <DoneMark /> {t('staff:batch.allGood', { count: report.rows })}
            </p>
          ) : (
            <BatchProblemTable problems={report.problems} />
          )}
        </section>
      ) : null}
      {busy ? (
        <p>
          <PendingMark /> {t('staff:batch.wait')}
        </p>
      ) : null}
    </ConsoleFrame>
  );
}
