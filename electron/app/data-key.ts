// Where the terminal's data key comes from (OS key store, an operator's key file, or a demo key) and unlocking with it.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import { DATA_KEY_BYTES } from '../core/privacy/seal.js';
import { unlockDatabase } from '../core/privacy/vault.js';
import { sealClearBodies } from '../core/sync/outbox.js';
import { sealClearDeclarations } from '../core/approvals/review-declaration.js';
import { ensureLookupKey } from '../core/applications/lookup-key.js';
import type { RandomSource } from '../core/clock.js';

/** Electron's safeStorage as main sees it (main/key-store.ts); absent outside Electron. */
export interface OsKeyStore {
  /** False where the OS offers no real keyring (Linux's plain-text 'basic_text' backend counts as none). */
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export type DataKeySource = 'key-file' | 'os-key-store' | 'demo';

export const OS_SEALED_KEY_FILE = 'data-key.sealed';
export const DEMO_KEY_FILE = 'demo-data-key';

/**
 * The data key, in this order: the operator's key file (KIOSK_DATA_KEY_FILE: 64 hex digits or 32 bytes, readable by
 * the kiosk's user only), then the OS key store (made on first start, kept beside the database sealed by the OS), then
 * — demo terminals only — a demo key beside the database (demo data is invented). A configured terminal with none of
 * them refuses to start (errors.dataKeyMissing): a key beside the data it protects protects nothing.
 */
export function resolveDataKey(options: {
  /** The database file's folder: the OS-sealed key and the demo key sit beside the data they open. */
  keyDir: string;
  demo: boolean;
  env?: NodeJS.ProcessEnv;
  keyStore?: OsKeyStore;
  /** Only find a key, never make one (a read-only check such as audit-verify). */
  existingOnly?: boolean;
}): { key: Uint8Array; source: DataKeySource } {
  const { keyDir, demo, env = process.env, keyStore, existingOnly = false } = options;
  if (env.KIOSK_DATA_KEY_FILE) return { key: readKeyFile(env.KIOSK_DATA_KEY_FILE), source: 'key-file' };
  const osSealed = join(keyDir, OS_SEALED_KEY_FILE);
  if (keyStore?.available()) return { key: osStoreKey(keyStore, osSealed), source: 'os-key-store' };
  // Made by the OS key store earlier, which is gone now (a Linux session without its keyring): never fall back.
  if (existsSync(osSealed)) throw new KioskError('unavailable', 'errors.dataKeyStoreUnavailable');
  const demoFile = join(keyDir, DEMO_KEY_FILE);
  if (demo && (!existingOnly || existsSync(demoFile))) return { key: demoKey(demoFile), source: 'demo' };
  throw new KioskError('unavailable', 'errors.dataKeyMissing');
}

function readKeyFile(file: string): Uint8Array {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    throw new KioskError('unavailable', 'errors.dataKeyFileUnreadable');
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) throw new KioskError('unavailable', 'errors.dataKeyFileOpen');
  const text = raw.toString('utf8').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return new Uint8Array(Buffer.from(text, 'hex'));
  if (raw.length === DATA_KEY_BYTES) return new Uint8Array(raw);
  throw new KioskError('invalid-input', 'errors.dataKeyFileInvalid');
}

/**
 * The key kept in `file` through `codec` (the OS key store's seal, or none for a demo key), made on first use. A file
 * that does not open to 64 hex digits is another machine's or another account's: refused, never replaced.
 */
function keptKey(file: string, codec: { encode(hex: string): string | Buffer; decode(stored: Buffer): string }): Uint8Array {
  if (existsSync(file)) {
    const hex = codec.decode(readFileSync(file)).trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new KioskError('unavailable', 'errors.dataKeyMismatch');
    return new Uint8Array(Buffer.from(hex, 'hex'));
  }
  const key = randomBytes(DATA_KEY_BYTES);
  writeAtomically(file, codec.encode(key.toString('hex')));
  return new Uint8Array(key);
}

const osStoreKey = (store: OsKeyStore, file: string) =>
  keptKey(file, { encode: (hex) => store.encrypt(hex), decode: (stored) => store.decrypt(stored) });
const demoKey = (file: string) => keptKey(file, { encode: (hex) => hex, decode: (stored) => stored.toString('utf8') });

/** Write, then rename: a crash leaves the old file or the new one, never half a key. */
function writeAtomically(file: string, content: string | Buffer): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  renameSync(temp, file);
}

/**
 * Unlocks the connection, then finishes what versions before 0012 left in the clear: the lookup key moves into the
 * vault, pending request bodies and open reviews' declarations are sealed. The WAL is then checkpointed and truncated so no clear copy stays in it.
 */
export function unlockTerminalData(db: Db, dataKey: Uint8Array, random: RandomSource): void {
  unlockDatabase(db, dataKey);
  ensureLookupKey(db, random);
  sealClearBodies(db);
  sealClearDeclarations(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
}
