// The SLA calendar: working days from the holiday dataset (holidays, 调休, the 2020 Spring Festival extension), office
// hours from policy data, working-time arithmetic, and a loud refusal of years the dataset does not cover.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  CalendarFileError,
  CalendarYearError,
  createCalendar,
  defaultCalendarFile,
  loadCalendarData,
  type WorkingWeek,
} from '../../electron/core/approvals/calendar.js';
import { KioskError } from '../../electron/core/errors.js';
import { tempDir } from '../helpers/temp.js';

const week: WorkingWeek = {
  utcOffsetMinutes: 480,
  officeHours: [
    { from: '08:30', to: '12:00' },
    { from: '13:30', to: '17:00' },
  ],
  workingDays: [1, 2, 3, 4, 5],
};
const data = loadCalendarData();
const calendar = createCalendar(data, week);
const at = (beijing: string) => new Date(`${beijing}+08:00`);
const HOUR = 3_600_000;

test('the installed dataset is chinese-days and covers 2004–2026', () => {
  assert.match(defaultCalendarFile(), /chinese-days[\\/]dist[\\/]chinese-days\.json$/);
  assert.equal(calendar.firstYear, 2004);
  assert.equal(calendar.lastYear, 2026);
});

test('working days: weekdays, weekends, statutory holidays and make-up working days (调休)', () => {
  const cases: [string, boolean, string][] = [
    ['2020-11-27', true, 'an ordinary Friday'],
    ['2020-11-28', false, 'an ordinary Saturday'],
    ['2020-05-01', false, 'Labour Day, a Friday'],
    ['2020-05-05', false, 'Labour Day holiday, a Tuesday'],
    ['2020-05-09', true, '调休: Saturday worked for Labour Day'],
    ['2020-04-26', true, '调休: Sunday worked for Labour Day'],
    ['2020-01-31', false, 'Spring Festival 2020 extension (a Friday, normally worked)'],
    ['2020-02-01', false, 'a Saturday that was a 调休 working day until the extension cancelled it'],
    ['2020-02-03', true, 'the first working day after the extension'],
    ['2020-01-19', true, '调休: Sunday worked for Spring Festival'],
    ['2026-10-07', false, 'National Day 2026, a Wednesday'],
    ['2026-10-10', true, '调休: Saturday worked for National Day 2026'],
    ['2026-09-25', false, 'Mid-Autumn 2026, a Friday'],
  ];
  for (const [date, working, why] of cases) assert.equal(calendar.isWorkingDay(date), working, `${date}: ${why}`);
  // An instant is taken on the Beijing calendar: 2020-05-08T17:00Z is already Saturday 9 May in Beijing.
  assert.equal(calendar.isWorkingDay(new Date('2020-05-08T17:00:00Z')), true);
  assert.equal(calendar.isWorkingDay(new Date('2020-05-01T15:59:59Z')), false);
});

test('day() names the festival of a holiday or a make-up day', () => {
  assert.deepEqual(calendar.day('2020-05-09'), {
    date: '2020-05-09',
    weekday: 6,
    working: true,
    kind: 'make-up',
    name: { en: 'Labour Day', 'zh-CN': '劳动节' },
  });
  assert.deepEqual(calendar.day('2026-10-01'), {
    date: '2026-10-01',
    weekday: 4,
    working: false,
    kind: 'holiday',
    name: { en: 'National Day', 'zh-CN': '国庆节' },
  });
  assert.deepEqual(calendar.day(at('2020-11-29T23:59:59')), { date: '2020-11-29', weekday: 7, working: false, kind: null, name: null });
});

test('working intervals come from the policy office hours; none on a day off', () => {
  assert.deepEqual(
    calendar.workingIntervals('2020-05-09').map(({ from, to }) => [from.toISOString(), to.toISOString()]),
    [
      ['2020-05-09T00:30:00.000Z', '2020-05-09T04:00:00.000Z'],
      ['2020-05-09T05:30:00.000Z', '2020-05-09T09:00:00.000Z'],
    ],
  );
  assert.deepEqual(calendar.workingIntervals('2020-05-04'), []);
});

test('addWorkingTime: outside office hours starts at the next working minute; a slot end is the deadline itself', () => {
  const cases: [string, number, string, string][] = [
    ['2020-11-25T07:00', 0, '2020-11-25T08:30', 'before 08:30: the next working minute is 08:30'],
    ['2020-11-25T12:00', 0, '2020-11-25T13:30', 'at 12:00 the morning is over'],
    ['2020-11-25T12:30', 1 * HOUR, '2020-11-25T14:30', 'lunch: counting starts at 13:30'],
    ['2020-11-25T11:00', 1 * HOUR, '2020-11-25T12:00', 'ends exactly at 12:00, not 13:30'],
    ['2020-11-25T17:00', 0.5 * HOUR, '2020-11-26T09:00', '17:00 is after hours'],
    ['2020-11-27T16:30', 1 * HOUR, '2020-11-30T09:00', 'Friday → Monday'],
    ['2020-04-30T16:00', 2 * HOUR, '2020-05-06T09:30', 'holiday eve → after the Labour Day holiday'],
    ['2020-05-08T16:00', 2 * HOUR, '2020-05-09T09:30', 'Friday → the 调休 Saturday'],
    ['2020-11-30T08:30', 7 * HOUR, '2020-11-30T17:00', 'one whole working day is 7 hours'],
  ];
  for (const [start, ms, expected, why] of cases) {
    assert.equal(calendar.addWorkingTime(at(`${start}:00`), ms).toISOString(), at(`${expected}:00`).toISOString(), why);
  }
  assert.throws(() => calendar.addWorkingTime(at('2020-11-25T07:00:00'), -1), RangeError);
  assert.throws(() => calendar.addWorkingTime(new Date(Number.NaN), 1), RangeError);
});

test('workingTimeBetween and workingTimeByDay count only office hours on working days', () => {
  const friday = at('2020-11-27T16:30:00');
  const monday = at('2020-11-30T15:30:00');
  assert.equal(calendar.workingTimeBetween(friday, monday), 6 * HOUR);
  assert.equal(calendar.workingTimeBetween(monday, friday), -6 * HOUR);
  assert.deepEqual(calendar.workingTimeByDay(friday, monday), [
    { date: '2020-11-27', ms: 0.5 * HOUR },
    { date: '2020-11-30', ms: 5.5 * HOUR },
  ]);
  // Labour Day 2020, Sun 26 Apr (调休) to Sat 9 May (调休): 26–30 Apr and 6–9 May are 9 working days of 7 hours.
  assert.equal(calendar.workingTimeBetween(at('2020-04-26T00:00:00'), at('2020-05-10T00:00:00')), 9 * 7 * HOUR);
  // A day that ends exactly at midnight does not need the next day's data.
  assert.equal(calendar.workingTimeBetween(at('2026-12-31T00:00:00'), at('2027-01-01T00:00:00')), 7 * HOUR);
});

test('a day beyond the dataset is refused with a typed error naming the year, never guessed as weekday-only', () => {
  for (const [make, year] of [
    [() => calendar.addWorkingTime(at('2026-12-31T16:00:00'), 6 * HOUR), 2027],
    [() => calendar.isWorkingDay('2027-03-01'), 2027],
    [() => calendar.addWorkingTime(at('2003-12-31T09:00:00'), HOUR), 2003],
  ] as const) {
    assert.throws(make, (error: unknown) => {
      assert.ok(error instanceof CalendarYearError && error instanceof KioskError);
      assert.equal(error.year, year);
      assert.equal(error.key, 'errors.calendarYearMissing');
      assert.deepEqual(error.params, { year, firstYear: 2004, lastYear: 2026 });
      return true;
    });
  }
  // The last covered afternoon still works.
  assert.equal(calendar.addWorkingTime(at('2026-12-31T09:00:00'), 6 * HOUR).toISOString(), at('2026-12-31T16:30:00').toISOString());
});

test('an operator drops in a newer dataset file: 2027 becomes usable without a code change', (t) => {
  const upstream = JSON.parse(readFileSync(defaultCalendarFile(), 'utf8')) as { holidays: object; workdays: object };
  const file = join(tempDir(t), 'calendar-2027.json');
  // Invented 2027 data for the test: New Year's Day on Friday 1 January.
  writeFileSync(file, JSON.stringify({ ...upstream, holidays: { ...upstream.holidays, '2027-01-01': "New Year's Day,元旦,1" } }));
  const newer = createCalendar(loadCalendarData(file), week);
  assert.equal(newer.lastYear, 2027);
  // Thu 31 Dec 16:00: 1 h, Fri 1 Jan off, weekend, Mon 4 Jan 3.5 h + 1.5 h → 15:00.
  assert.equal(newer.addWorkingTime(at('2026-12-31T16:00:00'), 6 * HOUR).toISOString(), at('2027-01-04T15:00:00').toISOString());
});

test('a bad dataset file is refused, naming the file and the problem', (t) => {
  const dir = tempDir(t);
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const cases: [string, RegExp][] = [
    [write('not-json.json', '{ holidays'), /not-json\.json: .*JSON/],
    [write('bad-day.json', '{"holidays":{"2020-02-30":"x"},"workdays":{}}'), /bad-day\.json: holidays.*2020-02-30|bad-day\.json: holidays/],
    [write('gap.json', '{"holidays":{"2019-01-01":"a","2021-01-01":"b"},"workdays":{}}'), /gap\.json: no holidays in 2020/],
    [write('empty.json', '{"holidays":{},"workdays":{}}'), /empty\.json: no holidays at all/],
  ];
  for (const [file, message] of cases) {
    assert.throws(
      () => loadCalendarData(file),
      (error: unknown) => error instanceof CalendarFileError && message.test(error.message),
    );
  }
  assert.throws(() => loadCalendarData(join(dir, 'missing.json')), CalendarFileError);
});

test('office hours and working days are policy data: a six-day week, one long slot; overlapping slots are refused', () => {
  const sixDays = createCalendar(data, {
    utcOffsetMinutes: 480,
    officeHours: [{ from: '09:00', to: '18:00' }],
    workingDays: [1, 2, 3, 4, 5, 6],
  });
  assert.equal(sixDays.isWorkingDay('2020-11-28'), true);
  assert.equal(sixDays.isWorkingDay('2020-05-02'), false, 'a holiday Saturday is still off');
  assert.equal(sixDays.addWorkingTime(at('2020-11-27T16:30:00'), 6 * HOUR).toISOString(), at('2020-11-28T13:30:00').toISOString());
  assert.throws(
    () =>
      createCalendar(data, {
        ...week,
        officeHours: [
          { from: '08:30', to: '12:00' },
          { from: '11:30', to: '17:00' },
        ],
      }),
    RangeError,
  );
});
