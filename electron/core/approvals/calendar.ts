// The working calendar of the SLA clock: Beijing days, the policy's office hours, statutory holidays and 调休 as data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KioskError } from '../errors.js';
import type { Sla } from '../policy/schema.js';
import { CalendarDataSchema, type CalendarData } from './schema.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What of a policy's `sla` the calendar needs (a whole `policy.sla` fits). */
export type WorkingWeek = Pick<Sla, 'utcOffsetMinutes' | 'officeHours' | 'workingDays'>;

/**
 * A day the dataset does not cover. Never guessed as weekday-only: a wrong deadline around a holiday is worse than
 * no deadline, so the operator is told to update the dataset.
 */
export class CalendarYearError extends KioskError {
  constructor(
    readonly year: number,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super('unavailable', 'errors.calendarYearMissing', { year, firstYear, lastYear });
  }
}

/** A holiday dataset file the kiosk will not use; the message names the file and the problem. */
export class CalendarFileError extends Error {
  override readonly name = 'CalendarFileError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`calendar file ${file}: ${problem}`);
  }
}

/** A holiday's or 调休 day's name from the dataset ("Labour Day,劳动节,1" upstream). */
export interface DayName {
  en: string;
  'zh-CN': string;
}

export interface DayInfo {
  /** Beijing calendar date, YYYY-MM-DD. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  working: boolean;
  /** 'holiday': a statutory day off; 'make-up': a weekend working day (调休); null: an ordinary weekday or weekend. */
  kind: 'holiday' | 'make-up' | null;
  /** The festival the holiday or make-up day belongs to. */
  name: DayName | null;
}

export interface Calendar {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly utcOffsetMinutes: number;
  /** The office hours and working days this calendar was built with, as one comparable string. */
  readonly weekKey: string;
  /** A Beijing date (YYYY-MM-DD) or the Beijing day of an instant. Throws CalendarYearError outside the dataset. */
  isWorkingDay(day: Date | string): boolean;
  day(day: Date | string): DayInfo;
  /** Office-hour intervals of a day ([] on a day off). */
  workingIntervals(day: Date | string): { from: Date; to: Date }[];
  /**
   * The instant when `ms` of working time has passed since `start`. A start outside office hours begins at the next
   * working minute; a deadline that ends a slot exactly is that slot's end (12:00, not 13:30).
   */
  addWorkingTime(start: Date, ms: number): Date;
  /** Working time in [a, b) in ms; negative when b is before a. */
  workingTimeBetween(a: Date, b: Date): number;
  /** Working time in [a, b) day by day (only days with some), for explanations. */
  workingTimeByDay(a: Date, b: Date): { date: string; ms: number }[];
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const dateOfDayNumber = (dayNumber: number): string => new Date(dayNumber * DAY).toISOString().slice(0, 10);
const dayNumberOfDate = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
const yearOf = (date: string): number => Number(date.slice(0, 4));
/** 1970-01-01 was a Thursday (ISO 4). */
const isoWeekday = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

function parseName(text: string): DayName {
  const [en, zh] = text.split(',');
  // Upstream writes "English,中文,n"; an operator's own file may give one name only.
  return zh === undefined || en === undefined ? { en: text, 'zh-CN': text } : { en: en.trim(), 'zh-CN': zh.trim() };
}

/** Where the installed dataset is (chinese-days' JSON); a newer year can replace it by passing another file. */
export function defaultCalendarFile(): string {
  return createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
}

/** Reads and checks a dataset file; throws CalendarFileError naming the file and the problem. */
export function loadCalendarData(calendarFile: string = defaultCalendarFile()): CalendarData {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(calendarFile, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CalendarFileError(calendarFile, (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
  const parsed = CalendarDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CalendarFileError(calendarFile, `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  coveredYears(parsed.data, calendarFile);
  return parsed.data;
}

/** First and last covered year; every year between must have holidays (each year has at least New Year's Day). */
function coveredYears(data: CalendarData, source: string): { firstYear: number; lastYear: number } {
  const years = new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map(yearOf));
  if (years.size === 0 && (data.firstYear === undefined || data.lastYear === undefined)) {
    throw new CalendarFileError(source, 'no holidays at all: cannot tell which years it covers');
  }
  const firstYear = data.firstYear ?? Math.min(...years);
  const lastYear = data.lastYear ?? Math.max(...years);
  if (firstYear > lastYear) throw new CalendarFileError(source, `firstYear ${firstYear} is after lastYear ${lastYear}`);
  const holidayYears = new Set(Object.keys(data.holidays).map(yearOf));
  for (let year = firstYear; year <= lastYear; year++) {
    if (!holidayYears.has(year)) throw new CalendarFileError(source, `no holidays in ${year}: the dataset has a gap`);
  }
  return { firstYear, lastYear };
}

function officeSlots(week: WorkingWeek): [number, number][] {
  const slots = week.officeHours.map((slot): [number, number] => [minutesOf(slot.from) * MINUTE, minutesOf(slot.to) * MINUTE]);
  slots.forEach(([from, to], i) => {
    // The loops below walk slots in order; an overlap would count the same minutes twice.
    if (from >= to || (i > 0 && from < slots[i - 1]![1])) {
      throw new RangeError('officeHours must be ascending, non-empty and non-overlapping slots within one day');
    }
  });
  return slots;
}

/** A calendar for one policy's office hours. Pure and fast: each day's status is computed once, up front. */
export function createCalendar(data: CalendarData, week: WorkingWeek): Calendar {
  const { firstYear, lastYear } = coveredYears(data, 'calendar data');
  const slots = officeSlots(week);
  const offset = week.utcOffsetMinutes * MINUTE;
  const firstDay = Date.UTC(firstYear, 0, 1) / DAY;
  const lastDay = Date.UTC(lastYear, 11, 31) / DAY;
  const working = new Uint8Array(lastDay - firstDay + 1);
  for (let day = firstDay; day <= lastDay; day++) {
    const date = dateOfDayNumber(day);
    const usual = week.workingDays.includes(isoWeekday(day)) && data.holidays[date] === undefined;
    working[day - firstDay] = usual || data.workdays[date] !== undefined ? 1 : 0;
  }

  const dayNumberAt = (ms: number): number => Math.floor((ms + offset) / DAY);
  const dayNumberOf = (day: Date | string): number => {
    const number = typeof day === 'string' ? dayNumberOfDate(day) : dayNumberAt(day.getTime());
    if (!Number.isInteger(number)) throw new RangeError('not a valid day (a Date, or YYYY-MM-DD)');
    return number;
  };
  const isWorking = (day: number): boolean => {
    if (day < firstDay || day > lastDay) throw new CalendarYearError(yearOf(dateOfDayNumber(day)), firstYear, lastYear);
    return working[day - firstDay] === 1;
  };
  const dayStart = (day: number): number => day * DAY - offset;

  /** Overlap of [a, b) with office hours, summed per day. */
  const eachWorkingDay = (a: number, b: number, visit: (day: number, ms: number) => void): void => {
    // The day of b itself counts only if some of it is before b (b at midnight must not need the next year's data).
    for (let day = dayNumberAt(a), last = dayNumberAt(Math.max(a, b - 1)); day <= last; day++) {
      if (!isWorking(day)) continue;
      let ms = 0;
      for (const [from, to] of slots) ms += Math.max(0, Math.min(dayStart(day) + to, b) - Math.max(dayStart(day) + from, a));
      if (ms > 0) visit(day, ms);
    }
  };

  return {
    firstYear,
    lastYear,
    utcOffsetMinutes: week.utcOffsetMinutes,
    weekKey: weekKeyOf(week),
    isWorkingDay: (day) => isWorking(dayNumberOf(day)),
    day(day) {
      const number = dayNumberOf(day);
      const date = dateOfDayNumber(number);
      const holiday = data.holidays[date];
      const workday = data.workdays[date];
      const isWorkingDay = isWorking(number);
      const kind = workday !== undefined ? 'make-up' : holiday !== undefined ? 'holiday' : null;
      const name = workday ?? holiday;
      return { date, weekday: isoWeekday(number), working: isWorkingDay, kind, name: name === undefined ? null : parseName(name) };
    },
    workingIntervals(day) {
      const number = dayNumberOf(day);
      if (!isWorking(number)) return [];
      return slots.map(([from, to]) => ({ from: new Date(dayStart(number) + from), to: new Date(dayStart(number) + to) }));
    },
    addWorkingTime(start, ms) {
      if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError('working time to add must be a finite number of ms ≥ 0');
      const startMs = start.getTime();
      if (Number.isNaN(startMs)) throw new RangeError('start is not a valid time');
      let remaining = ms;
      // Ends: a working day is found within the dataset, or isWorking throws CalendarYearError past its last year.
      for (let day = dayNumberAt(startMs); ; day++) {
        if (!isWorking(day)) continue;
        for (const [slotFrom, slotTo] of slots) {
          const from = Math.max(dayStart(day) + slotFrom, startMs);
          const to = dayStart(day) + slotTo;
          if (from >= to) continue;
          if (remaining <= to - from) return new Date(from + remaining);
          remaining -= to - from;
        }
      }
    },
    workingTimeBetween(a, b) {
      const [from, to, sign] = a <= b ? [a.getTime(), b.getTime(), 1] : [b.getTime(), a.getTime(), -1];
      let total = 0;
      eachWorkingDay(from, to, (_day, ms) => (total += ms));
      return sign * total;
    },
    workingTimeByDay(a, b) {
      const days: { date: string; ms: number }[] = [];
      eachWorkingDay(a.getTime(), b.getTime(), (day, ms) => days.push({ date: dateOfDayNumber(day), ms }));
      return days;
    },
  };
}

/** Two calendars count the same working time exactly when these strings are equal (and the dataset is the same). */
export function weekKeyOf(week: WorkingWeek): string {
  const hours = week.officeHours.map((slot) => `${slot.from}-${slot.to}`).join(',');
  return `${week.utcOffsetMinutes}|${hours}|${[...week.workingDays].sort().join('')}`;
}
