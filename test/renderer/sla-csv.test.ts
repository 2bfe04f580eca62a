// The SLA board's CSV: BOM first (Excel reads UTF-8 Chinese), CRLF lines, header words as given, one row per officer,
// totals, then the days; rates as percentages; fields with commas or quotes quoted; formulas defused.
import { describe, expect, it } from 'vitest';
import type { SlaBoard } from '../../renderer/src/api/approval-types';
import { buildSlaCsv, csvField, slaCsvFileName, type SlaCsvWords } from '../../renderer/src/staff/sla-csv';

const words: SlaCsvWords = {
  officer: '审核人员',
  staffNo: '工号',
  decided: '已办结',
  onTime: '按时办结',
  onTimeRate: '按时率',
  medianMinutes: '中位数',
  p90Minutes: 'P90',
  breaches: '超时',
  autoDefaults: '超时默认',
  load: '在办',
  totals: '合计',
  day: '日期',
};

const row = { decided: 3, onTime: 2, onTimeRate: 2 / 3, medianMinutes: 95.4, p90Minutes: 310, breaches: 1, autoDefaults: 0, load: 4 };
const board: SlaBoard = {
  from: '2024-04-18',
  to: '2024-05-01',
  officers: [
    { officer: { staffNo: '0001', maskedName: '王**' }, ...row },
    {
      officer: { staffNo: '0002', maskedName: 'Li, "Jr"' },
      ...row,
      decided: 0,
      onTime: 0,
      onTimeRate: null,
      medianMinutes: null,
      p90Minutes: null,
    },
  ],
  days: [
    { day: '2024-04-30', decided: 1, onTime: 1, breaches: 0 },
    { day: '2024-05-01', decided: 2, onTime: 1, breaches: 1 },
  ],
  totals: row,
  asOf: '2024-05-01T09:30:00+08:00',
};

describe('the SLA board CSV', () => {
  it('is UTF-8 with a BOM and CRLF lines, officers, totals and days', () => {
    const csv = buildSlaCsv(board, words);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      '审核人员,工号,已办结,按时办结,按时率,中位数,P90,超时,超时默认,在办',
      '王**,0001,3,2,66.7,95,310,1,0,4',
      '"Li, ""Jr""",0002,0,0,,,,1,0,4',
      '合计,,3,2,66.7,95,310,1,0,4',
      '',
      '日期,已办结,按时办结,超时',
      '2024-04-30,1,1,0',
      '2024-05-01,2,1,1',
      '',
    ]);
    expect(csv.includes('\n') && !/[^\r]\n/.test(csv)).toBe(true);
  });

  it('defuses text that a spreadsheet would run as a formula, and names the file by its range', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-5)).toBe('-5');
    expect(slaCsvFileName(board)).toBe('sla-board-2024-04-18-2024-05-01.csv');
  });
});
