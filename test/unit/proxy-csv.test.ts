// A care home's CSV read by core/proxy/csv.ts: physical line numbers (BOM, CRLF, quoted newlines, blank lines), the
// header, every per-line problem with its column and key, file-level refusals, and no field value in any problem.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { MAX_BATCH_ROWS, parseBatchCsv, readCsvRecords } from '../../electron/core/proxy/csv.js';
import { testIdNumber } from '../helpers/province-client.js';

const NOW = new Date('2026-11-27T02:00:00Z');
const HEADER = 'idNumber,name,temperatureC,fever,coughOrOtherSymptoms,travelOutsideProvince14d,contactWithCase14d,purpose,phone';
const id = (n: number) => testIdNumber('19400101', n);
/** The same number with its check character changed: a typo the check catches. */
const badCheck = (n: number) => {
  const good = id(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};
const line = (n: number, over: Partial<Record<string, string>> = {}) => {
  const cells = {
    idNumber: id(n),
    name: '张三丰',
    temperatureC: '36.5',
    fever: '否',
    cough: '否',
    travel: '否',
    contact: '否',
    purpose: 'family',
    phone: '',
    ...over,
  };
  return [
    cells.idNumber,
    cells.name,
    cells.temperatureC,
    cells.fever,
    cells.cough,
    cells.travel,
    cells.contact,
    cells.purpose,
    cells.phone,
  ].join(',');
};
const brief = (problems: { line: number; column: string | null; reason: string }[]) => problems.map((p) => [p.line, p.column, p.reason]);

test('a good list with a BOM, CRLF, a quoted newline and blank lines: rows, declarations and physical lines', () => {
  const text =
    '\uFEFF' +
    [
      HEADER,
      line(1, { fever: '是', temperatureC: '' }),
      '',
      line(2, { purpose: '"work\n"', phone: '13812345678' }),
      line(3, { name: '"欧阳, 娜娜"', travel: 'YES' }),
    ].join('\r\n') +
    '\r\n\r\n';
  const parsed = parseBatchCsv(text, NOW);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.rows, 3);
  assert.deepEqual(parsed.lines, [2, 4, 6]);
  assert.deepEqual(
    parsed.valid.map((row) => [row.line, row.identity.number, row.identity.name, row.identity.source]),
    [
      [2, id(1), '张三丰', 'manual'],
      [4, id(2), '张三丰', 'manual'],
      [6, id(3), '欧阳, 娜娜', 'manual'],
    ],
  );
  assert.deepEqual(parsed.valid[0]!.declaration, {
    temperatureC: null,
    fever: true,
    coughOrOtherSymptoms: false,
    travelOutsideProvince14d: false,
    contactWithCase14d: false,
    purpose: 'family',
    phone: null,
    commitment: true,
  });
  assert.equal(parsed.valid[1]!.declaration.purpose, 'work');
  assert.equal(parsed.valid[1]!.declaration.phone, '13812345678');
  assert.equal(parsed.valid[2]!.declaration.travelOutsideProvince14d, true);
  assert.equal(parsed.valid[2]!.identity.birthDate, '1940-01-01');
});

test('columns in any order, names in any case, phone optional; full-width digits and a lowercase x are accepted', () => {
  const number = testIdNumber('19400101', 7);
  const fullWidth = number.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase();
  const text = [
    'Name, IDNUMBER ,purpose,fever,coughOrOtherSymptoms,travelOutsideProvince14d,contactWithCase14d,temperatureC',
    `李四,${fullWidth},medical,no,0,false,No,37.5`,
  ].join('\n');
  const parsed = parseBatchCsv(text, NOW);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.valid[0]!.identity.number, number);
  assert.equal(parsed.valid[0]!.declaration.temperatureC, 37.5);
  assert.equal(parsed.valid[0]!.declaration.phone, null);
});

test('every bad line is named with its line, column and reason; good lines between them are kept', () => {
  const rows = [
    HEADER, // 1
    line(1), // 2 good
    line(2, { idNumber: badCheck(2) }), // 3
    line(3, { name: '' }), // 4
    line(4, { fever: 'maybe' }), // 5
    line(5, { temperatureC: '33.9' }), // 6
    line(6, { temperatureC: 'hot' }), // 7
    line(7, { purpose: 'shopping' }), // 8
    line(8, { phone: '12345' }), // 9
    line(1), // 10: same person as line 2
    `${id(9)},王五,36.5,否`, // 11: too few columns
    line(10, { name: '"王\n五"' }), // 12-13: a line break in the name
    line(11, { idNumber: '1234', contact: '' }), // 14: two problems on one line
    line(12), // 15 good
  ];
  const parsed = parseBatchCsv(rows.join('\n'), NOW);
  assert.deepEqual(brief(parsed.problems), [
    [3, 'idNumber', 'errors.numberInvalid'],
    [4, 'name', 'errors.batchNameInvalid'],
    [5, 'fever', 'errors.batchBoolean'],
    [6, 'temperatureC', 'errors.batchTemperature'],
    [7, 'temperatureC', 'errors.batchTemperature'],
    [8, 'purpose', 'errors.batchPurpose'],
    [9, 'phone', 'errors.batchPhone'],
    [10, 'idNumber', 'errors.batchDuplicate'],
    [11, null, 'errors.batchColumnCount'],
    [12, 'name', 'errors.batchNameInvalid'],
    [14, 'idNumber', 'errors.numberInvalid'],
    [14, 'contactWithCase14d', 'errors.batchBoolean'],
  ]);
  assert.deepEqual(parsed.problems[0]!.params, { reason: 'check-digit' });
  assert.deepEqual(parsed.problems[7]!.params, { firstLine: 2 });
  assert.deepEqual(parsed.problems[8]!.params, { expected: 9, found: 4 });
  assert.deepEqual(parsed.problems[10]!.params, { reason: 'length' });
  assert.deepEqual(
    parsed.valid.map((row) => row.line),
    [2, 15],
  );
  assert.equal(parsed.rows, 13);
  // No value from the file in the report: it goes to a screen and perhaps a log.
  const report = JSON.stringify(parsed.problems);
  for (const value of [id(1), badCheck(2), '张三丰', '王', 'maybe', 'shopping', '12345', '33.9']) assert.ok(!report.includes(value), value);
});

test('header problems: unknown (by position, never echoed), duplicate and missing columns stop before the rows', () => {
  const unknown = parseBatchCsv([HEADER + ',note', line(1) + ',x'].join('\n'), NOW);
  assert.deepEqual(brief(unknown.problems), [[1, null, 'errors.batchHeaderUnknown']]);
  assert.deepEqual(unknown.problems[0]!.params, { position: 10 });
  assert.deepEqual(unknown.valid, []);

  const twice = parseBatchCsv([HEADER + ',fever', line(1) + ',否'].join('\n'), NOW);
  assert.deepEqual(brief(twice.problems), [[1, 'fever', 'errors.batchHeaderDuplicate']]);

  const missing = parseBatchCsv(['idNumber,name,fever', `${id(1)},张三丰,否`].join('\n'), NOW);
  assert.deepEqual(
    missing.problems.map((p) => p.column),
    ['temperatureC', 'coughOrOtherSymptoms', 'travelOutsideProvince14d', 'contactWithCase14d', 'purpose'],
  );
  assert.ok(missing.problems.every((p) => p.line === 1 && p.reason === 'errors.batchHeaderMissing'));

  // No header at all: the first person's line is read as the header, and none of it is repeated back.
  const headless = parseBatchCsv([line(1), line(2)].join('\n'), NOW);
  assert.ok(headless.problems.length > 0 && headless.stopped);
  assert.ok(!JSON.stringify(headless.problems).includes(id(1)) && !JSON.stringify(headless.problems).includes('张三丰'));
});

test('empty, header-only, too large and malformed files are refused as a whole, at the right line', () => {
  for (const text of ['', '\uFEFF', '\n\r\n  \n'])
    assert.deepEqual(brief(parseBatchCsv(text, NOW).problems), [[1, null, 'errors.batchEmpty']], JSON.stringify(text));
  assert.deepEqual(brief(parseBatchCsv(`\n${HEADER}\n\n`, NOW).problems), [[2, null, 'errors.batchEmpty']]);

  const many = [HEADER, ...Array.from({ length: MAX_BATCH_ROWS + 1 }, (_, i) => line(i + 1))].join('\n');
  const large = parseBatchCsv(many, NOW);
  assert.deepEqual(brief(large.problems), [[MAX_BATCH_ROWS + 2, null, 'errors.batchTooLarge']]);
  assert.deepEqual(large.problems[0]!.params, { max: MAX_BATCH_ROWS, rows: MAX_BATCH_ROWS + 1 });
  assert.equal(
    parseBatchCsv([HEADER, ...Array.from({ length: MAX_BATCH_ROWS }, (_, i) => line(i + 1))].join('\n'), NOW).valid.length,
    MAX_BATCH_ROWS,
  );

  // The quote opened on line 4 is never closed: the report points at the record it starts.
  const open = [HEADER, line(1), line(2, { name: '"张\n三"' }), line(3, { name: '"李四' }), line(4)].join('\n');
  assert.deepEqual(brief(parseBatchCsv(open, NOW).problems), [[5, null, 'errors.batchMalformed']]);
  assert.deepEqual(brief(parseBatchCsv([HEADER, '"a"b,c'].join('\n'), NOW).problems), [[2, null, 'errors.batchMalformed']]);
});

test('readCsvRecords: a lone CR, CRLF and LF each end one physical line', () => {
  const read = readCsvRecords('a\rb\r\n"c\r\nd"\ne');
  assert.ok(read.ok);
  if (!read.ok) return;
  assert.deepEqual(
    read.records.map((r) => [r.line, r.fields]),
    [
      [1, ['a']],
      [2, ['b']],
      [3, ['c\nd']],
      [5, ['e']],
    ],
  );
});

/** Faults a line can carry, each with the column and reason the report must give. */
const faults = {
  checkDigit: { over: (n: number) => ({ idNumber: badCheck(n) }), column: 'idNumber', reason: 'errors.numberInvalid' },
  boolean: { over: () => ({ cough: 'x' }), column: 'coughOrOtherSymptoms', reason: 'errors.batchBoolean' },
  temperature: { over: () => ({ temperatureC: '45' }), column: 'temperatureC', reason: 'errors.batchTemperature' },
  purpose: { over: () => ({ purpose: 'fun' }), column: 'purpose', reason: 'errors.batchPurpose' },
  name: { over: () => ({ name: '" "' }), column: 'name', reason: 'errors.batchNameInvalid' },
} as const;
type Fault = keyof typeof faults;

test('property: whatever the line endings, blank lines and multi-line quoted fields, each fault is reported at its line', () => {
  const rowArb = fc.record({
    fault: fc.option(fc.constantFrom(...(Object.keys(faults) as Fault[])), { freq: 3 }),
    // A quoted purpose with trailing line breaks spans several physical lines and is still valid once trimmed.
    extraLines: fc.nat({ max: 2 }),
    blankAfter: fc.nat({ max: 2 }),
  });
  fc.assert(
    fc.property(fc.array(rowArb, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), (rows, eol) => {
      const parts = [HEADER];
      let physical = 2;
      const expected: [number, string, string][] = [];
      const goodLines: number[] = [];
      rows.forEach((row, i) => {
        const over: Record<string, string> = row.fault === null ? {} : { ...faults[row.fault].over(i + 1) };
        if (row.extraLines > 0 && row.fault !== 'purpose') over.purpose = `"family${eol.repeat(row.extraLines)}"`;
        parts.push(line(i + 1, over) + eol.repeat(row.blankAfter));
        if (row.fault === null) goodLines.push(physical);
        else expected.push([physical, faults[row.fault].column, faults[row.fault].reason]);
        physical += 1 + (row.fault !== 'purpose' ? row.extraLines : 0) + row.blankAfter;
      });
      const parsed = parseBatchCsv(parts.join(eol), NOW);
      assert.deepEqual(brief(parsed.problems), expected);
      assert.deepEqual(
        parsed.valid.map((r) => r.line),
        goodLines,
      );
    }),
    { numRuns: 100, seed: 20261127 },
  );
});

test("docs/proxy.md's example file reads without a problem", () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/proxy.md', import.meta.url)), 'utf8');
  const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example !== undefined, 'the example is in the document');
  const parsed = parseBatchCsv(example, NOW);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(
    parsed.valid.map((row) => [row.identity.name, row.declaration.temperatureC, row.declaration.fever, row.declaration.phone]),
    [
      ['刘桂芳', 36.4, false, null],
      ['王, 淑珍', null, false, '13812345678'],
      ['张德明', 37.6, true, null],
    ],
  );
});
