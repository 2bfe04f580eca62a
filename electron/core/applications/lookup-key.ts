// The per-terminal key under which ID numbers become applicant keys (HMAC): made once, kept in the database for now.
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';

const KEY_BYTES = 32;

/**
 * The terminal's lookup key: 32 random bytes, created on first use and returned ever after. Losing it would only
 * mean a returning resident's earlier applications are no longer found by card; the encryption issue moves it into
 * the operating system's key store.
 */
export function ensureLookupKey(db: Db, clock: Clock, random: RandomSource): Uint8Array {
  const read = () => db.prepare('SELECT key FROM lookup_key WHERE singleton = 1').get() as { key: Buffer } | undefined;
  const existing = read();
  if (existing) return new Uint8Array(existing.key);
  const key = Buffer.from(random.bytes(KEY_BYTES));
  // OR IGNORE: another connection (the CLI) may have made one first; its key wins and is the one returned.
  db.prepare('INSERT OR IGNORE INTO lookup_key (singleton, key, created_at) VALUES (1, ?, ?)').run(key, clock.now().toISOString());
  return new Uint8Array(read()!.key);
}
