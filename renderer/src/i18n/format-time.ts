// Formats core's ISO timestamp as the hall's wall-clock time (Asia/Shanghai), never the browser's time zone: core
// writes some times in UTC (`Z`) and some with +08:00, and a resident must read the same time on screen as on paper.
export interface ClockText {
  date: string;
  time: string;
}

/** Every hall is in mainland China: one time zone, no summer time (DOMAIN.md §3); the slips print the same. */
export const HALL_TIME_ZONE = 'Asia/Shanghai';

/** An ISO timestamp must say which instant it means: a trailing Z or an offset. */
const offsetPattern = /(?:[+-]\d{2}:?\d{2}|Z)$/i;

export function formatCoreTime(iso: string, language: string): ClockText | undefined {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant) || !offsetPattern.test(iso)) return undefined;
  const date = new Intl.DateTimeFormat(language, {
    timeZone: HALL_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(instant);
  const time = new Intl.DateTimeFormat(language, {
    timeZone: HALL_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return { date, time };
}
