// AES-256-GCM for personal data at rest: one sealed text format, keys derived per purpose from the terminal's data key.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { KioskError } from '../errors.js';

export const DATA_KEY_BYTES = 32;

/** What a derived key is for: a key never serves two purposes, so one leaked use does not open another. */
export type KeyPurpose = 'key-check' | 'lookup-key' | 'outbox-body' | 'declaration' | 'audit-anchor';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** HKDF-SHA256 of the data key, one 32-byte key per purpose. */
export function deriveKey(dataKey: Uint8Array, purpose: KeyPurpose): Buffer {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`a data key is ${DATA_KEY_BYTES} bytes`);
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `mashangban:${purpose}`, DATA_KEY_BYTES));
}

/**
 * `v1.<base64url of iv | ciphertext | tag>`. The context (e.g. the outbox row's idempotency key) is authenticated but
 * not stored: a sealed value copied into another row does not open there. The IV comes from the operating system, not
 * the injected random source (house rule 3): a seeded test source repeats, and a repeated IV under one GCM key gives
 * the key away.
 */
export function seal(key: Uint8Array, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${FORMAT}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

function isSealed(text: string): boolean {
  return text.startsWith(`${FORMAT}.`);
}

/** Throws KioskError data-key mismatch when the value was sealed under another key or context, or was altered. */
export function unseal(key: Uint8Array, sealed: string, context: string): string {
  const raw = isSealed(sealed) ? Buffer.from(sealed.slice(FORMAT.length + 1), 'base64url') : Buffer.alloc(0);
  if (raw.length < IV_BYTES + TAG_BYTES) throw new KioskError('unavailable', 'errors.dataKeyMismatch');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new KioskError('unavailable', 'errors.dataKeyMismatch');
  }
}
