// A care home's CSV list read into rows (identity + declaration) and per-line problems; pure: no database, no clock.
import { parse } from 'csv-parse/sync';
import { purposes, type Declaration } from '../applications/schema.js';
import type { HeldIdentity } from '../identity/current.js';
import { batchColumns, type BatchColumn, type BatchProblem } from './schema.js';
import { MAX_NAME_LENGTH, nameFits, readTypedIdentity } from './subject.js';

/**
 * The columns (docs/proxy.md), in any order, header names matched without regard to case or surrounding spaces:
 * - idNumber: the resident's document number (18 or 15 characters; full-width digits and a lowercase x are fine);
 * - name: as on the document, 1–60 characters;
 * - temperatureC: measured temperature in °C (34–43, e.g. 36.5); empty = not measured;
 * - fever, coughOrOtherSymptoms, travelOutsideProvince14d, contactWithCase14d: 是/否, yes/no, 1/0 or true/false;
 * - purpose: work | school | family | medical | other;
 * - phone: optional column, and optional value: an 11-digit mobile number starting with 1.
 */
const optionalColumns: readonly BatchColumn[] = ['phone'];

/** A file longer than this is refused as a whole: split it (one care home floor at a time). */
export const MAX_BATCH_ROWS = 500;

/** The declaration's own range (applications/schema.ts): a reading outside it is a typo, not a fever. */
const TEMPERATURE = { min: 34, max: 43 } as const;

const TRUE = new Set(['是', 'yes', '1', 'true']);
const FALSE = new Set(['否', 'no', '0', 'false']);

/** One CSV record and the physical line it starts on (header = line 1; a quoted newline does not start a record). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; line: number };

/**
 * Splits the text into records with their first physical line. A BOM is dropped and CRLF / CR become LF first, so
 * every line break counts once wherever it is; blank lines are records too (the caller skips them) so that line
 * numbers stay physical. Malformed quoting gives the line of the record it starts in.
 */
export function readCsvRecords(text: string): CsvRead {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let linesBefore = 0;
  try {
    parse(normalised, {
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      raw: true,
      on_record: (output: { record: string[]; raw: string }) => {
        records.push({ line: linesBefore + 1, fields: output.record });
        linesBefore += (output.raw.match(/\n/g) ?? []).length;
        return null; // kept here, with its line, rather than in parse()'s own result
      },
    });
  } catch {
    return { ok: false, line: linesBefore + 1 };
  }
  return { ok: true, records };
}

/** One valid line of the list, ready to submit. */
export interface BatchRow {
  line: number;
  identity: HeldIdentity;
  declaration: Declaration;
}

export interface ParsedBatch {
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  /** Each data row's first physical line, in file order. */
  lines: number[];
  /** A whole-file problem (malformed, header, empty, too large) stopped the reading before the rows. */
  stopped: boolean;
  /** The rows without a problem of their own, in file order. */
  valid: BatchRow[];
  problems: BatchProblem[];
}

const problem = (line: number, column: string | null, reason: string, params?: BatchProblem['params']): BatchProblem =>
  params === undefined ? { line, column, reason } : { line, column, reason, params };

const stop = (data: CsvRecord[], problems: BatchProblem[]): ParsedBatch => ({
  rows: data.length,
  lines: data.map((record) => record.line),
  stopped: true,
  valid: [],
  problems,
});

const isBlank = (record: CsvRecord) => record.fields.every((field) => field.trim() === '');

/**
 * Reads the list: header, size, then every row's fields, and duplicates within the file. Problems name the physical
 * line, the column and an errors.* key; field values are never echoed (they are personal data). `now` decides what a
 * future birth date is. Whole-file problems (malformed, header, empty, too large) stop before the rows are read.
 */
export function parseBatchCsv(text: string, now: Date): ParsedBatch {
  const read = readCsvRecords(text);
  if (!read.ok) return stop([], [problem(read.line, null, 'errors.batchMalformed')]);
  const nonBlank = read.records.filter((record) => !isBlank(record));
  const [header, ...data] = nonBlank;
  if (header === undefined) return stop([], [problem(1, null, 'errors.batchEmpty')]);

  const headerProblems: BatchProblem[] = [];
  const columnAt = new Map<BatchColumn, number>();
  header.fields.forEach((field, index) => {
    const name = batchColumns.find((column) => column.toLowerCase() === field.trim().toLowerCase());
    // The header text is not echoed: a file without a header has a resident's number and name in its first line.
    if (name === undefined) headerProblems.push(problem(header.line, null, 'errors.batchHeaderUnknown', { position: index + 1 }));
    else if (columnAt.has(name)) headerProblems.push(problem(header.line, name, 'errors.batchHeaderDuplicate', { column: name }));
    else columnAt.set(name, index);
  });
  for (const column of batchColumns) {
    if (!columnAt.has(column) && !optionalColumns.includes(column)) {
      headerProblems.push(problem(header.line, column, 'errors.batchHeaderMissing', { column }));
    }
  }
  if (headerProblems.length > 0) return stop(data, headerProblems);
  if (data.length === 0) return stop(data, [problem(header.line, null, 'errors.batchEmpty')]);
  if (data.length > MAX_BATCH_ROWS) {
    return stop(data, [problem(data[MAX_BATCH_ROWS]!.line, null, 'errors.batchTooLarge', { max: MAX_BATCH_ROWS, rows: data.length })]);
  }

  const problems: BatchProblem[] = [];
  const valid: BatchRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of data) {
    const before = problems.length;
    if (record.fields.length !== header.fields.length) {
      problems.push(problem(record.line, null, 'errors.batchColumnCount', { expected: header.fields.length, found: record.fields.length }));
      continue;
    }
    const cell = (column: BatchColumn): string => {
      const index = columnAt.get(column);
      return index === undefined ? '' : record.fields[index]!.trim();
    };
    const flag = (column: BatchColumn): boolean | null => {
      const value = cell(column).toLowerCase();
      if (TRUE.has(value)) return true;
      if (FALSE.has(value)) return false;
      problems.push(problem(record.line, column, 'errors.batchBoolean'));
      return null;
    };

    const identity = readTypedIdentity(cell('idNumber'), cell('name'), now);
    if (!identity.ok && identity.problem === 'number') {
      problems.push(problem(record.line, 'idNumber', 'errors.numberInvalid', { reason: identity.reason }));
    }
    // The name is checked whatever the number: a line with both wrong names both.
    if (!nameFits(cell('name'))) {
      problems.push(problem(record.line, 'name', 'errors.batchNameInvalid', { max: MAX_NAME_LENGTH }));
    }

    let temperatureC: number | null = null;
    const temperature = cell('temperatureC');
    if (temperature !== '') {
      const value = /^\d{2}(\.\d{1,2})?$/.test(temperature) ? Number(temperature) : NaN;
      if (value >= TEMPERATURE.min && value <= TEMPERATURE.max) temperatureC = value;
      else problems.push(problem(record.line, 'temperatureC', 'errors.batchTemperature', { ...TEMPERATURE }));
    }
    const fever = flag('fever');
    const coughOrOtherSymptoms = flag('coughOrOtherSymptoms');
    const travelOutsideProvince14d = flag('travelOutsideProvince14d');
    const contactWithCase14d = flag('contactWithCase14d');
    const purpose = purposes.find((p) => p === cell('purpose').toLowerCase());
    if (purpose === undefined) problems.push(problem(record.line, 'purpose', 'errors.batchPurpose', { allowed: purposes.join(', ') }));
    const phoneText = cell('phone');
    const phone = phoneText === '' ? null : phoneText;
    if (phone !== null && !/^1\d{10}$/.test(phone)) problems.push(problem(record.line, 'phone', 'errors.batchPhone'));

    if (identity.ok) {
      const firstLine = firstLineOf.get(identity.identity.number);
      if (firstLine !== undefined) problems.push(problem(record.line, 'idNumber', 'errors.batchDuplicate', { firstLine }));
      else firstLineOf.set(identity.identity.number, record.line);
    }
    if (problems.length > before || !identity.ok) continue;
    valid.push({
      line: record.line,
      identity: identity.identity,
      declaration: {
        temperatureC,
        fever: fever!,
        coughOrOtherSymptoms: coughOrOtherSymptoms!,
        travelOutsideProvince14d: travelOutsideProvince14d!,
        contactWithCase14d: contactWithCase14d!,
        purpose: purpose!,
        phone,
        // The care home's pledge for its residents, which the officer accepts by importing (docs/proxy.md).
        commitment: true,
      },
    });
  }
  return { rows: data.length, lines: data.map((record) => record.line), stopped: false, valid, problems };
}
