// Birth dates inside document numbers: a real calendar date, not before 1900, not after today.

const earliest = '1900-01-01';

/** The kiosk's own calendar day (local time: the hall's wall clock decides what "today" is), as YYYY-MM-DD. */
export function localIsoDate(today: Date): string {
  return isoDate(today.getFullYear(), today.getMonth() + 1, today.getDate());
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC so no time zone moves it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a possible birth date on `today`, else null (19000229, future, pre-1900). */
export function birthDate(yyyymmdd: string, today: Date): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const [year, month, day] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number) as [number, number, number];
  if (!isRealDate(year, month, day)) return null;
  const iso = isoDate(year, month, day);
  return iso >= earliest && iso <= localIsoDate(today) ? iso : null;
}

/**
 * `YYMMDD` with no century (2017 foreign permanent resident card): 20YY when that is a possible birth date,
 * else 19YY. A holder born in 1925 whose card says 25 reads as 2025 once that day has passed; two digits cannot
 * tell, and a child may hold the card, so no minimum age is assumed.
 */
export function birthDateNoCentury(yymmdd: string, today: Date): string | null {
  return birthDate(`20${yymmdd}`, today) ?? birthDate(`19${yymmdd}`, today);
}
