// Verifying a scanned paper code offline: Base45, layout, issuer key, signature, revocation and time, in that order.
import { verify } from 'node:crypto';
import { base45Decode } from './base45.js';
import { keyId, publicKeyFromRaw } from './keys.js';
import { decodePayload, type CodeFields } from './payload.js';
import type { TrustList, TrustedKey, VerifyFailure } from './schema.js';
import { SIGNATURE_LENGTH, revocationHash } from './sign.js';

/** How far a code's issuedAt may lie ahead of the verifier's clock: the issuer's and verifier's clocks drift apart. */
export const CLOCK_SKEW_MINUTES = 5;

export interface VerifyOptions {
  trustList: Pick<TrustList, 'keys'>;
  /** Revocation hashes, lowercase hex; pass a Set when checking many codes against a long list. */
  revokedHashes: ReadonlySet<string> | readonly string[];
  now: Date;
}

export type Verified = { ok: true; fields: CodeFields; kid: string } | { ok: false; reason: VerifyFailure };

const MINUTE = 60_000;
const fail = (reason: VerifyFailure): Verified => ({ ok: false, reason });

/**
 * The key was in force when the code was signed (validFrom ≤ issuedAt ≤ validTo, to the minute, since issuedAt is
 * whole minutes) and still is now (now ≤ validTo). Rotating keys therefore needs validTo at least one code lifetime
 * after the issuer stops signing with a key; a compromised key is removed from the list, which rejects all its codes.
 */
function inForce(key: TrustedKey, issuedAt: number, now: Date): boolean {
  if (issuedAt < Math.floor(Date.parse(key.validFrom) / MINUTE)) return false;
  if (key.validTo === null) return true;
  const validTo = Date.parse(key.validTo);
  return issuedAt * MINUTE <= validTo && now.getTime() <= validTo;
}

/**
 * Scanned text → the signed fields, or the first reason to refuse it. Trailing CR/LF from keyboard-wedge scanners is
 * dropped; nothing else is changed (a space is a Base45 character). Never throws on any input.
 */
export function verifyCode(text: string, { trustList, revokedHashes, now }: VerifyOptions): Verified {
  const bytes = typeof text === 'string' ? base45Decode(text.replace(/[\r\n]+$/, '')) : null;
  if (bytes === null || bytes.length <= SIGNATURE_LENGTH) return fail('format');
  const payload = bytes.subarray(0, bytes.length - SIGNATURE_LENGTH);
  const signature = bytes.subarray(bytes.length - SIGNATURE_LENGTH);
  const decoded = decodePayload(payload);
  if (!decoded.ok) return fail('format');
  const { fields } = decoded;

  // A listed kid is believed only if it is the hash of the listed key; 4 bytes may collide, so every match is tried.
  const candidates = trustList.keys.filter((key) => key.kid === fields.kid && key.alg === 'Ed25519');
  const keys = candidates.flatMap((key) => {
    const raw = Buffer.from(key.publicKey, 'base64');
    const publicKey = keyId(raw) === key.kid ? publicKeyFromRaw(raw) : null;
    return publicKey === null ? [] : [{ key, publicKey }];
  });
  if (keys.length === 0) return fail('unknown-key');
  const signers = keys.filter(({ publicKey }) => verify(null, payload, publicKey, signature));
  if (signers.length === 0) return fail('signature');
  if (!signers.some(({ key }) => inForce(key, fields.issuedAt, now))) return fail('unknown-key');

  const hash = revocationHash(bytes);
  const revoked = revokedHashes instanceof Set ? revokedHashes.has(hash) : (revokedHashes as readonly string[]).includes(hash);
  if (revoked) return fail('revoked');
  if ((fields.issuedAt - CLOCK_SKEW_MINUTES) * MINUTE > now.getTime()) return fail('not-yet-valid');
  // No skew the other way: a code is good up to and including the instant validUntil, and not a moment longer.
  if (now.getTime() > fields.validUntil * MINUTE) return fail('expired');
  return { ok: true, fields, kid: fields.kid };
}
