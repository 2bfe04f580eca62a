// A proxy as a key (never its number) and the policy's per-proxy daily limit: the inputs of maxSubjectsPerProxyPerDay.
import { proxyApplicationsOnDay } from '../applications/store.js';
import type { Db } from '../db/open.js';
import type { Policy, ProxyKind } from '../policy/schema.js';
import { applicantKey } from '../sync/outbox.js';

/** A family proxy's key: the HMAC of their canonical number, the same function as applicant_key (so self is equal). */
export const familyProxyKey = (proxyNumber: string, lookupKey: Uint8Array): string => applicantKey(proxyNumber, lookupKey);

/** An officer's key as a proxy (staff and batch): a prefix no document number has, so it never equals a person's. */
export const staffProxyKey = (staffNo: string, lookupKey: Uint8Array): string => applicantKey(`staff:${staffNo}`, lookupKey);

/** Applications this proxy made on the Asia/Shanghai day of `now` (stored ones; refusals store nothing). */
export const proxyApplicationsToday = (db: Db, proxyKey: string, now: Date): number => proxyApplicationsOnDay(db, proxyKey, now);

/** The daily limit for this kind of proxy and its rule id, or null when the policy sets none for it. */
export function dailyLimit(policy: Policy, kind: ProxyKind): { value: number; ruleId: string } | null {
  const limit = policy.proxyLimits.maxSubjectsPerProxyPerDay;
  return limit.appliesTo.includes(kind) ? { value: limit.value, ruleId: limit.id } : null;
}
