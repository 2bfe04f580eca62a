// The issuer trust list and revocation list last fetched from the province, kept in SQLite so codes verify offline.
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import type { ProvinceClient, ProvinceOutcome } from '../province/client.js';
import { RevocationListSchema, TrustListSchema, type RevocationList, type TrustList } from './schema.js';

type Kind = 'trust-list' | 'revocations';

export interface LoadedTrust {
  /** null: this terminal has never received a trust list (or the stored one no longer validates). */
  trustList: TrustList | null;
  revokedHashes: ReadonlySet<string>;
  trustFetchedAt: string | null;
  revocationsFetchedAt: string | null;
}

/** When each list was last received: cheap to read, so a checkpoint can tell whether its in-memory copy is stale. */
export interface TrustVersion {
  trustFetchedAt: string | null;
  revocationsFetchedAt: string | null;
}

function save(db: Db, kind: Kind, body: object, at: Date): void {
  prepared(
    db,
    `INSERT INTO trust_cache (kind, body, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`,
  ).run(kind, JSON.stringify(body), at.toISOString());
}

/** Replaces the cached trust list; throws (a ZodError) on a list that does not validate, keeping the old one. */
export function saveTrustList(db: Db, list: TrustList, at: Date): void {
  save(db, 'trust-list', TrustListSchema.parse(list), at);
}

/** Replaces the cached revocation list; throws (a ZodError) on a list that does not validate, keeping the old one. */
export function saveRevocations(db: Db, list: RevocationList, at: Date): void {
  save(db, 'revocations', RevocationListSchema.parse(list), at);
}

interface Row {
  kind: Kind;
  body: string;
  fetched_at: string;
}

/** Parses a stored body; a row that no longer validates (edited by hand, damaged) counts as no list at all. */
function parseStored<T>(row: Row | undefined, parse: (value: unknown) => { success: true; data: T } | { success: false }): T | null {
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.body);
  } catch {
    return null;
  }
  const parsed = parse(json);
  return parsed.success ? parsed.data : null;
}

export function trustVersion(db: Db): TrustVersion {
  const rows = prepared(db, 'SELECT kind, fetched_at FROM trust_cache').all() as Pick<Row, 'kind' | 'fetched_at'>[];
  const at = (kind: Kind) => rows.find((row) => row.kind === kind)?.fetched_at ?? null;
  return { trustFetchedAt: at('trust-list'), revocationsFetchedAt: at('revocations') };
}

/**
 * The cached lists, validated again on the way out. A damaged trust list is treated as none (every code is refused
 * with `no-trust-list`), never as an empty list that could hide the damage; a damaged revocation list as empty, with
 * its fetched time null so the screen does not claim a fresh list.
 */
export function loadTrust(db: Db): LoadedTrust {
  const rows = prepared(db, 'SELECT kind, body, fetched_at FROM trust_cache').all() as Row[];
  const trustRow = rows.find((row) => row.kind === 'trust-list');
  const revocationRow = rows.find((row) => row.kind === 'revocations');
  const trustList = parseStored(trustRow, (value) => TrustListSchema.safeParse(value));
  const revocations = parseStored(revocationRow, (value) => RevocationListSchema.safeParse(value));
  return {
    trustList,
    revokedHashes: new Set(revocations?.hashes ?? []),
    trustFetchedAt: trustList === null ? null : (trustRow?.fetched_at ?? null),
    revocationsFetchedAt: revocations === null ? null : (revocationRow?.fetched_at ?? null),
  };
}

/**
 * Fetches both lists and caches each one that arrived whole. Never throws on a province failure (no answer, a
 * refusal, an answer that does not validate): the old list stays and the flag for that list is false.
 */
export async function refreshTrust(
  db: Db,
  client: Pick<ProvinceClient, 'trustList' | 'revocations'>,
  clock: Clock,
): Promise<{ trustList: boolean; revocations: boolean }> {
  const fetchAndSave = async <T>(fetch: () => Promise<ProvinceOutcome<T>>, store: (value: T) => void): Promise<boolean> => {
    try {
      const outcome = await fetch();
      if (outcome.kind !== 'ok') return false;
      store(outcome.value);
      return true;
    } catch {
      // The client answers with outcomes, not throws; a throw here is a list that failed the strict schema on save.
      return false;
    }
  };
  // One after the other: two concurrent calls would double the load on a province that may be struggling.
  const trustList = await fetchAndSave(
    () => client.trustList(),
    (list) => saveTrustList(db, list, clock.now()),
  );
  const revocations = await fetchAndSave(
    () => client.revocations(),
    (list) => saveRevocations(db, list, clock.now()),
  );
  return { trustList, revocations };
}
