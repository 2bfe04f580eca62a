// The SLA board: a range of hall days (the last 14 by default), one row per officer (on-time rate, median and p90
// minutes to a decision, breaches, auto-defaults, load) and the totals, the days as a bar chart, and Export CSV (the
// same figures for Excel, headers in the screen's language).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { OfficerSlaRow, SlaBoard } from '../api/approval-types';
import { useCoreTime } from '../api/use-core-time';
import { PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { ConsoleFrame } from './ConsoleFrame';
import type { ConsoleProps } from './console-props';
import { defaultBoardRange, hallDay } from './hall-dates';
import { buildSlaCsv, downloadText, slaCsvFileName, type SlaCsvWords } from './sla-csv';
import { SlaDayChart } from './SlaDayChart';

type Range = { from: string; to: string };

export function SlaBoardScreen(screen: ConsoleProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const { kiosk } = screen;
  const now = useCoreTime(kiosk);
  const [range, setRange] = useState<Range>();
  const [draft, setDraft] = useState<Range>();
  const [board, setBoard] = useState<SlaBoard>();
  const [error, setError] = useState<ErrorData | 'range'>();
  const latest = useRef(0);
  const fromId = useId();
  const toId = useId();

  // The default range waits for core's time: the hall's today, not the browser's.
  const today = now ? hallDay(now) : undefined;
  const shown = range ?? (today ? defaultBoardRange(today) : undefined);
  const fields = draft ?? shown;
  const from = shown?.from;
  const to = shown?.to;

  useEffect(() => {
    if (!from || !to) return;
    const request = ++latest.current;
    void kiosk.invoke('sla.board', { from, to }).then((envelope) => {
      if (request !== latest.current) return;
      if (envelope.ok) {
        setBoard(envelope.value);
        setError(undefined);
      } else setError(envelope.error);
    });
  }, [kiosk, from, to]);

  const show = () => {
    if (!fields || !/^\d{4}-\d{2}-\d{2}$/.test(fields.from) || !/^\d{4}-\d{2}-\d{2}$/.test(fields.to) || fields.from > fields.to) {
      setError('range');
      return;
    }
    setError(undefined);
    setRange({ ...fields });
  };

  /** Recorded in the audit log first (who exported which officers' figures); no record, no file. */
  const exportCsv = async () => {
    if (!board) return;
    const envelope = await kiosk.invoke('sla.exported', { from: board.from, to: board.to, officers: board.officers.length });
    if (!envelope.ok) return setError(envelope.error);
    downloadText(slaCsvFileName(board), buildSlaCsv(board, csvWords));
  };

  const csvWords: SlaCsvWords = {
    officer: t('staff:board.officer'),
    staffNo: t('staff:board.staffNo'),
    decided: t('staff:board.decided'),
    onTime: t('staff:board.onTime'),
    onTimeRate: t('staff:board.onTimeRate'),
    medianMinutes: t('staff:board.medianMinutes'),
    p90Minutes: t('staff:board.p90Minutes'),
    breaches: t('staff:board.breaches'),
    autoDefaults: t('staff:board.autoDefaults'),
    load: t('staff:board.load'),
    totals: t('staff:board.totals'),
    day: t('staff:board.day'),
  };
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const figures = (row: Omit<OfficerSlaRow, 'officer'>) => [
    row.decided,
    row.onTimeRate === null ? t('staff:board.none') : percent.format(row.onTimeRate),
    row.medianMinutes === null ? t('staff:board.none') : number.format(row.medianMinutes),
    row.p90Minutes === null ? t('staff:board.none') : number.format(row.p90Minutes),
    row.breaches,
    row.autoDefaults,
    row.load,
  ];
  const headers = [
    csvWords.decided,
    csvWords.onTimeRate,
    csvWords.medianMinutes,
    csvWords.p90Minutes,
    csvWords.breaches,
    csvWords.autoDefaults,
    csvWords.load,
  ];

  return (
    <ConsoleFrame testId="staff-board" screen={screen} data={{ 'data-from': board?.from, 'data-to': board?.to }}>
      <h1>{t('staff:board.heading')}</h1>
      <div className="console-range" role="group" aria-label={t('staff:board.range')}>
        <label htmlFor={fromId}>{t('staff:board.from')}</label>
        <input
          id={fromId}
          type="date"
          data-testid="board-from"
          value={fields?.from ?? ''}
          onChange={(event) => setDraft({ from: event.target.value, to: fields?.to ?? '' })}
        />
        <label htmlFor={toId}>{t('staff:board.to')}</label>
        <input
          id={toId}
          type="date"
          data-testid="board-to"
          value={fields?.to ?? ''}
          onChange={(event) => setDraft({ from: fields?.from ?? '', to: event.target.value })}
        />
        <button type="button" className="button button-secondary" data-testid="board-show" onClick={show}>
          {t('staff:board.show')}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="board-export"
          disabled={!board}
          onClick={() => void exportCsv()}
        >
          {t('staff:board.export')}
        </button>
      </div>
      <p role="alert" data-testid="board-error">
        {error === 'range' ? (
          <>
            <WarningMark /> {t('staff:board.badRange')}
          </>
        ) : error ? (
          <>
            <WarningMark /> {errorMessage(t, error)}
          </>
        ) : null}
      </p>
      {board === undefined ? (
        error ? null : (
          <p data-testid="board-loading">
            <PendingMark /> {t('staff:board.loading')}
          </p>
        )
      ) : (
        <>
          <table className="console-table" data-testid="board-table">
            <caption>{t('staff:board.caption', { from: board.from, to: board.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{csvWords.officer}</th>
                {headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {board.officers.length === 0 ? (
                <tr>
                  <td colSpan={headers.length + 1}>{t('staff:board.noOfficers')}</td>
                </tr>
              ) : (
                board.officers.map((row) => (
                  <tr key={row.officer.staffNo} data-testid="board-officer" data-staff-no={row.officer.staffNo}>
                    <th scope="row">{t('staff:board.officerName', { name: row.officer.maskedName, staffNo: row.officer.staffNo })}</th>
                    {figures(row).map((value, index) => (
                      <td key={headers[index]}>{value}</td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
            <tfoot>
              <tr data-testid="board-totals">
                <th scope="row">{csvWords.totals}</th>
                {figures(board.totals).map((value, index) => (
                  <td key={headers[index]}>{value}</td>
                ))}
              </tr>
            </tfoot>
          </table>
          <h2>{t('staff:board.byDay')}</h2>
          <SlaDayChart days={board.days} />
        </>
      )}
    </ConsoleFrame>
  );
}
