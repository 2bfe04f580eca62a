// Retention constants shared by the purge, the print journal and the settings: the period, the markers a purge leaves.
import { createHash } from 'node:crypto';
import type { Settings } from '../settings/schema.js';

/** Four weeks: two 14-day incubation windows, long enough for complaints about a code, then gone (docs/privacy.md). */
export const DEFAULT_RETENTION_DAYS = 28;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;

/** The retention period this terminal's settings give, or the default. */
export function retentionDaysOf(settings: Pick<Settings, 'retention'>): number {
  return settings.retention?.days ?? DEFAULT_RETENTION_DAYS;
}

/** What a purged print job's data becomes: the journal refuses to print or preview it (errors.slipPurged). */
export const PURGED_SLIP_DATA = '{"purged":true}';

export const isPurgedSlipData = (data: string): boolean => data === PURGED_SLIP_DATA;

/** The placeholder for a purged masked name or number: it satisfies the masked-value CHECKs and says nothing. */
export const PURGED_MASK = '*';

/**
 * The key a purged application's applicant_key (or proxy_key) becomes: 64 hex like an HMAC, so the CHECKs hold, but
 * derived from the application id alone, so no ID number, card or lookup key leads to it any more.
 */
export function purgedKey(role: 'applicant' | 'proxy', applicationId: string): string {
  return createHash('sha256').update(`purged:${role}:${applicationId}`, 'utf8').digest('hex');
}
