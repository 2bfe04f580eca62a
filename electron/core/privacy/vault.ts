// The data key on the database handle: like SQLCipher's `PRAGMA key`, a connection is unlocked once, after opening,
// and every sealed field written or read through it uses that key. A locked handle refuses to write personal data.
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { deriveKey, seal, unseal, type KeyPurpose } from './seal.js';

const KEY_CHECK_TEXT = 'mashangban data key check';
const unlocked = new WeakMap<Db, Uint8Array>();

/**
 * Attaches the data key to this connection. The first unlock of a database records a sealed check value; every later
 * one must open it, so a wrong key (another machine's keyring, a mistyped key file) stops the start with
 * errors.dataKeyMismatch instead of sealing new rows under a key the old ones do not share.
 */
export function unlockDatabase(db: Db, dataKey: Uint8Array): void {
  const checkKey = deriveKey(dataKey, 'key-check');
  const read = () => (db.prepare('SELECT key_check FROM vault WHERE singleton = 1').get() as { key_check: string } | undefined)?.key_check;
  // OR IGNORE: another connection may record its check first; ours must then open that one.
  if (read() === undefined)
    db.prepare('INSERT OR IGNORE INTO vault (singleton, key_check) VALUES (1, ?)').run(seal(checkKey, KEY_CHECK_TEXT, 'vault'));
  if (unseal(checkKey, read()!, 'vault') !== KEY_CHECK_TEXT) throw new KioskError('unavailable', 'errors.dataKeyMismatch');
  unlocked.set(db, new Uint8Array(dataKey));
}

export function isUnlocked(db: Db): boolean {
  return unlocked.has(db);
}

function keyFor(db: Db, purpose: KeyPurpose): Buffer {
  const dataKey = unlocked.get(db);
  if (!dataKey) throw new Error('the database is locked: call unlockDatabase(db, dataKey) after opening it');
  return deriveKey(dataKey, purpose);
}

export function sealField(db: Db, purpose: KeyPurpose, plaintext: string, context: string): string {
  return seal(keyFor(db, purpose), plaintext, context);
}

export function unsealField(db: Db, purpose: KeyPurpose, sealed: string, context: string): string {
  return unseal(keyFor(db, purpose), sealed, context);
}

/** A key for something kept outside the database (the audit anchor), derived from the same data key. */
export function derivedKeyOf(db: Db, purpose: KeyPurpose): Buffer {
  return keyFor(db, purpose);
}
