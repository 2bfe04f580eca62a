// The `code.verify` handler: the cached trust lists (kept in memory until a sync stores newer ones) and the tapped card.
import type { Clock } from '../core/clock.js';
import { checkCode } from '../core/codes/checkpoint.js';
import type { CheckpointResult } from '../core/codes/schema.js';
import { loadTrust, trustVersion, type LoadedTrust } from '../core/codes/trust-store.js';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import type { CurrentIdentity } from '../core/identity/current.js';

export interface CheckpointDeps {
  db: Db;
  clock: Clock;
  identity: CurrentIdentity;
}

export interface CheckpointInput {
  text: string;
  /** The readId of a `card.read` event: the card the checker tapped for this code. */
  readId?: string;
}

export type Checkpoint = (input: CheckpointInput) => CheckpointResult;

export function createCheckpoint({ db, clock, identity }: CheckpointDeps): Checkpoint {
  // A revocation list can hold a million hashes: parse it once per fetch, not once per scan.
  let cached: { key: string; trust: LoadedTrust } | undefined;
  const currentTrust = (): LoadedTrust => {
    const version = trustVersion(db);
    const key = `${version.trustFetchedAt ?? ''}|${version.revocationsFetchedAt ?? ''}`;
    if (cached?.key !== key) cached = { key, trust: loadTrust(db) };
    return cached.trust;
  };

  return ({ text, readId }) => {
    let holderNumber: string | undefined;
    if (readId !== undefined) {
      // Core holds one identity at a time: an older tap, or one already cleared, is no longer here to compare.
      const held = identity.get(readId);
      if (!held) throw new KioskError('not-found', 'errors.notFound');
      holderNumber = held.number;
    }
    const { trustList, revokedHashes } = currentTrust();
    return checkCode(text, { trustList, revokedHashes, now: clock.now(), holderNumber });
  };
}
