// The SLA board as a CSV file for Excel: header words in the screen's language (given by the caller, so this stays
// pure), one row per officer and a totals row, then one row per day; UTF-8 with a BOM (Excel otherwise reads Chinese
// as mojibake) and CRLF line ends. Numbers stay numbers; a rate is a percentage with one decimal.
import type { OfficerSlaRow, SlaBoard } from '../api/approval-types';

export interface SlaCsvWords {
  officer: string;
  staffNo: string;
  decided: string;
  onTime: string;
  onTimeRate: string;
  medianMinutes: string;
  p90Minutes: string;
  breaches: string;
  autoDefaults: string;
  load: string;
  totals: string;
  day: string;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A field quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is defused (CSV injection). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (fields: readonly (string | number | null)[]) => fields.map(csvField).join(',');
const rate = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
const minutes = (value: number | null) => (value === null ? null : Math.round(value));

export function buildSlaCsv(board: SlaBoard, words: SlaCsvWords): string {
  const figures = (row: Omit<OfficerSlaRow, 'officer'>) => [
    row.decided,
    row.onTime,
    rate(row.onTimeRate),
    minutes(row.medianMinutes),
    minutes(row.p90Minutes),
    row.breaches,
    row.autoDefaults,
    row.load,
  ];
  const lines = [
    line([
      words.officer,
      words.staffNo,
      words.decided,
      words.onTime,
      words.onTimeRate,
      words.medianMinutes,
      words.p90Minutes,
      words.breaches,
      words.autoDefaults,
      words.load,
    ]),
    ...board.officers.map((row) => line([row.officer.maskedName, row.officer.staffNo, ...figures(row)])),
    line([words.totals, null, ...figures(board.totals)]),
    '',
    line([words.day, words.decided, words.onTime, words.breaches]),
    ...board.days.map((day) => line([day.day, day.decided, day.onTime, day.breaches])),
  ];
  return BOM + lines.join(CRLF) + CRLF;
}

export const slaCsvFileName = (board: Pick<SlaBoard, 'from' | 'to'>) => `sla-board-${board.from}-${board.to}.csv`;

/** Hands a text file to the browser's download (Electron saves it the same way). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
