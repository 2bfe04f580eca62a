// Calendar days as the hall counts them (Asia/Shanghai, +08:00 all year, no summer time): today from core's time, and
// a day some days earlier. Dates are YYYY-MM-DD text, as the SLA board's query takes them.
import { HALL_TIME_ZONE } from '../i18n/format-time';

/** The Asia/Shanghai calendar day of an instant. */
export function hallDay(iso: string): string | undefined {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return undefined;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The day `days` after (negative: before) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The SLA board's default range: the last 14 days, today included. */
export const BOARD_DEFAULT_DAYS = 14;
export const defaultBoardRange = (today: string) => ({ from: addDays(today, 1 - BOARD_DEFAULT_DAYS), to: today });

/** A datetime-local value (hall time, no zone) as an ISO instant with the hall's offset. */
export const hallInstant = (local: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : undefined);
