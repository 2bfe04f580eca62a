// Signing a paper code: payload ‖ Ed25519 signature, its Base45 text for the QR, and its revocation hash.
import { createHash, sign } from 'node:crypto';
import { base45Encode } from './base45.js';
import type { IssuerKey } from './keys.js';
import { encodePayload, type CodeFields } from './payload.js';

export const SIGNATURE_LENGTH = 64;

export interface SignedCode {
  /** Payload (39 bytes) then the 64-byte signature over it: 103 bytes. */
  bytes: Uint8Array;
  /** Base45 of `bytes`: 155 characters, all in the QR alphanumeric set. */
  text: string;
  /** What a revocation list names this code by. */
  revocationHash: string;
}

/** First 8 bytes of SHA-256 over the signed bytes, lowercase hex: short, and names this one printing of the code. */
export function revocationHash(signedBytes: Uint8Array): string {
  return createHash('sha256').update(signedBytes).digest().subarray(0, 8).toString('hex');
}

/** Signs the fields with the issuer key; the key id comes from the key, so a code cannot name another key. */
export function signCode(fields: Omit<CodeFields, 'kid'>, issuerKey: IssuerKey): SignedCode {
  const payload = encodePayload({ ...fields, kid: issuerKey.kid });
  // Ed25519 signs the message itself (no pre-hash): algorithm null, and deterministic, so a fixed key gives fixed bytes.
  const signature = sign(null, payload, issuerKey.privateKey);
  const bytes = new Uint8Array(payload.length + signature.length);
  bytes.set(payload, 0);
  bytes.set(signature, payload.length);
  return { bytes, text: base45Encode(bytes), revocationHash: revocationHash(bytes) };
}
