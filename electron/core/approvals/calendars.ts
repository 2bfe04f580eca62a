// One working calendar per policy's office hours, built from the holiday dataset once per process and cached.
import type { Policy } from '../policy/schema.js';
import type { CalendarData } from './schema.js';
import { createCalendar, loadCalendarData, weekKeyOf, type Calendar } from './calendar.js';

let data: CalendarData | undefined;
const byWeek = new Map<string, Calendar>();

/**
 * The calendar for `policy`'s office hours and working days. The dataset is read on first use (about a tenth of a
 * second) and every later queue page, decision and scheduler tick reuses it; two policies with the same office hours
 * share one calendar.
 */
export function calendarFor(policy: Policy): Calendar {
  const key = weekKeyOf(policy.sla);
  let calendar = byWeek.get(key);
  if (calendar === undefined) {
    data ??= loadCalendarData();
    calendar = createCalendar(data, policy.sla);
    byWeek.set(key, calendar);
  }
  return calendar;
}
