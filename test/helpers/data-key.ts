// A fixed data key for tests (never a real terminal's): unlocks a test database so it can seal and open personal data.
import type { Db } from '../../electron/core/db/open.js';
import { unlockDatabase } from '../../electron/core/privacy/vault.js';

export const TEST_DATA_KEY = new Uint8Array(32).fill(0x5a);

/** Unlocks and returns the same handle, for chaining after an open. */
export function unlocked(db: Db, key: Uint8Array = TEST_DATA_KEY): Db {
  unlockDatabase(db, key);
  return db;
}
