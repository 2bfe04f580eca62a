// Issuer keys: Ed25519 key pairs, their 4-byte key ids, and the trust-list entry a verifier needs for each.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { systemRandom, type RandomSource } from '../clock.js';
import type { TrustedKey } from './schema.js';

export interface IssuerKey {
  /** First 4 bytes of SHA-256 over publicKeyRaw, 8 lowercase hex digits. */
  kid: string;
  /** The 32-byte Ed25519 public key (RFC 8032 encoding). */
  publicKeyRaw: Uint8Array;
  privateKey: KeyObject;
}

// DER wrappers that turn a raw 32-byte seed or public key into PKCS#8 / SPKI (RFC 8410, OID 1.3.101.112).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function keyId(publicKeyRaw: Uint8Array): string {
  return createHash('sha256').update(publicKeyRaw).digest().subarray(0, 4).toString('hex');
}

/** The key pair of a 32-byte private seed (RFC 8032 "secret key"): for fixed test keys and keys kept as raw seeds. */
export function issuerKeyFromSeed(seed: Uint8Array): IssuerKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKeyRaw = new Uint8Array(spki.subarray(SPKI_PREFIX.length));
  return { kid: keyId(publicKeyRaw), publicKeyRaw, privateKey };
}

/** A new issuer key from the injected random source (house rule 3); tests pass a seeded one. */
export function generateIssuerKey(random: RandomSource = systemRandom): IssuerKey {
  return issuerKeyFromSeed(random.bytes(32));
}

/** A raw 32-byte public key as a KeyObject for crypto.verify; null when it is not 32 bytes or not a curve point. */
export function publicKeyFromRaw(publicKeyRaw: Uint8Array): KeyObject | null {
  if (publicKeyRaw.length !== 32) return null;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKeyRaw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** The trust-list entry for a key, valid from `validFrom` until `validTo` (null: open-ended). */
export function trustedKey(key: Pick<IssuerKey, 'kid' | 'publicKeyRaw'>, validFrom: Date, validTo: Date | null): TrustedKey {
  return {
    kid: key.kid,
    alg: 'Ed25519',
    publicKey: Buffer.from(key.publicKeyRaw).toString('base64'),
    validFrom: validFrom.toISOString(),
    validTo: validTo === null ? null : validTo.toISOString(),
  };
}
