// The per-terminal key under which ID numbers become applicant keys (HMAC): made once, kept sealed under the data key.
import type { RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { sealField, unsealField } from '../privacy/vault.js';

const KEY_BYTES = 32;
const CONTEXT = 'lookup-key';

/**
 * The terminal's lookup key: 32 random bytes, created on first use and returned ever after, sealed in `vault` (0012).
 * A key a version before 0012 kept in the clear (`lookup_key`) is sealed and its clear row deleted (secure_delete
 * zeroes it), so returning residents are still found. Losing it would only mean their earlier applications are no
 * longer found by card. The database must be unlocked (privacy/vault.ts).
 */
export function ensureLookupKey(db: Db, random: RandomSource): Uint8Array {
  const read = () =>
    (db.prepare('SELECT lookup_key FROM vault WHERE singleton = 1').get() as { lookup_key: string | null } | undefined)?.lookup_key;
  return db
    .transaction(() => {
      const sealed = read();
      if (sealed) return new Uint8Array(Buffer.from(unsealField(db, 'lookup-key', sealed, CONTEXT), 'hex'));
      const legacy = db.prepare('SELECT key FROM lookup_key WHERE singleton = 1').get() as { key: Buffer } | undefined;
      const key = legacy ? Buffer.from(legacy.key) : Buffer.from(random.bytes(KEY_BYTES));
      db.prepare('UPDATE vault SET lookup_key = ? WHERE singleton = 1').run(sealField(db, 'lookup-key', key.toString('hex'), CONTEXT));
      db.prepare('DELETE FROM lookup_key').run();
      return new Uint8Array(key);
    })
    .immediate();
}
