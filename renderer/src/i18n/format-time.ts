// Formats core's ISO timestamp as core's own wall-clock time (its offset), not the browser's time zone.
export interface ClockText {
  date: string;
  time: string;
}

const offsetPattern = /(?:([+-])(\d{2}):?(\d{2})|Z)$/i;

/** Minutes east of UTC written in the timestamp itself; undefined when it carries no offset. */
function offsetMinutes(iso: string): number | undefined {
  const match = offsetPattern.exec(iso);
  if (!match) return undefined;
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export function formatCoreTime(iso: string, language: string): ClockText | undefined {
  const instant = Date.parse(iso);
  const offset = offsetMinutes(iso);
  if (Number.isNaN(instant) || offset === undefined) return undefined;
  // Shift to core's wall clock and format that in UTC, so the kiosk shows the hall's time wherever the browser is.
  const wall = new Date(instant + offset * 60_000);
  const date = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(wall);
  const time = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(wall);
  return { date, time };
}
