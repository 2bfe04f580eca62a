// Application reference numbers (受理编号): PREFIX-YYYYMMDD-NNNN, the Asia/Shanghai day and a per-day sequence.
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { shanghaiDate } from '../policy/select.js';

/**
 * Until settings carry a short hall code, every terminal uses this prefix. Refs are unique per terminal database, so
 * two terminals in one hall can both issue MSB-20261127-0001: a per-terminal prefix fixes that (see the report).
 */
export const DEFAULT_REF_PREFIX = 'MSB';

const PrefixPattern = /^[A-Z0-9]{1,8}$/;

/** The Asia/Shanghai day of `at` as YYYYMMDD: a resident's "today" whatever the kiosk's own time zone. */
export const refDay = (at: Date): string => shanghaiDate(at).replaceAll('-', '');

export function formatRef(prefix: string, day: string, sequence: number): string {
  if (!PrefixPattern.test(prefix)) throw new RangeError('a ref prefix is 1–8 capital letters or digits');
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('a ref sequence starts at 1');
  // Four digits cover a busy hall's day; a fifth digit appears rather than wrapping round to a used number.
  return `${prefix}-${day}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The next ref for the day of `at`. Must run inside the transaction that inserts the application, so two submissions
 * cannot take the same number (the UNIQUE constraint would refuse the second anyway).
 */
export function nextRef(db: Db, at: Date, prefix = DEFAULT_REF_PREFIX): string {
  if (!db.inTransaction) throw new Error('nextRef must run inside the transaction that inserts the application');
  const day = refDay(at);
  const stem = `${prefix}-${day}-`;
  const row = prepared(db, `SELECT max(CAST(substr(ref, ?) AS INTEGER)) AS n FROM application WHERE substr(ref, 1, ?) = ?`).get(
    stem.length + 1,
    stem.length,
    stem,
  ) as { n: number | null };
  return formatRef(prefix, day, (row.n ?? 0) + 1);
}
