// A checkpoint's verdict on one scanned paper code: verifyCode plus the holder binding, as the screen and the CLI show it.
import { base45Decode } from './base45.js';
import { holderMatches } from './holder.js';
import { humanCodeId } from './human-id.js';
import { dateOfMinutes, decodePayload, type CodeFields } from './payload.js';
import type { CheckpointResult, TrustList } from './schema.js';
import { SIGNATURE_LENGTH } from './sign.js';
import { verifyCode, type Verified } from './verify.js';

export interface CheckOptions {
  /** null: this terminal has no issuer keys yet, so no code can be judged. */
  trustList: TrustList | null;
  revokedHashes: ReadonlySet<string>;
  now: Date;
  /** The canonical number of the ID card the checker tapped; absent when none was. */
  holderNumber?: string;
}

export type RefusalReason = Extract<CheckpointResult, { valid: false }>['reason'];

/** The verdict, plus the fields when the signature was verified (also for revoked, not-yet-valid and expired codes). */
export interface Inspection {
  result: CheckpointResult;
  fields: CodeFields | null;
}

/** Refusals that verifyCode reaches only after the signature checked out: the fields are the issuer's, not a forger's. */
const refusedAfterSignature: ReadonlySet<string> = new Set<RefusalReason>(['revoked', 'not-yet-valid', 'expired']);

const iso = (minutes: number) => dateOfMinutes(minutes).toISOString();

/** The fields of a code whose signature verifyCode has already checked; decoding again is cheaper than threading them out. */
function signedFields(text: string): CodeFields | null {
  const bytes = base45Decode(text.replace(/[\r\n]+$/, ''));
  if (bytes === null || bytes.length <= SIGNATURE_LENGTH) return null;
  const decoded = decodePayload(bytes.subarray(0, bytes.length - SIGNATURE_LENGTH));
  return decoded.ok ? decoded.fields : null;
}

export function holderVerdict(fields: CodeFields, holderNumber: string | undefined): 'match' | 'mismatch' | 'not-checked' {
  if (holderNumber === undefined) return 'not-checked';
  return holderMatches(fields, holderNumber) ? 'match' : 'mismatch';
}

/** The verdict with the signed fields alongside, for callers that also report what a refused code said (the CLI). */
export function inspectCode(text: string, { trustList, revokedHashes, now, holderNumber }: CheckOptions): Inspection {
  if (trustList === null) return { result: { valid: false, reason: 'no-trust-list' }, fields: null };
  const verified: Verified = verifyCode(text, { trustList, revokedHashes, now });
  if (!verified.ok) {
    const fields = refusedAfterSignature.has(verified.reason) ? signedFields(text) : null;
    return { result: { valid: false, reason: verified.reason }, fields };
  }
  const { fields } = verified;
  return {
    result: {
      valid: true,
      status: fields.status,
      statusAsOf: iso(fields.statusAsOf),
      validUntil: iso(fields.validUntil),
      issuedAt: iso(fields.issuedAt),
      kid: verified.kid,
      humanId: humanCodeId(fields.codeId),
      hallId: fields.hallId,
      proxy: fields.proxy,
      holder: holderVerdict(fields, holderNumber),
    },
    fields,
  };
}

/**
 * Scanned text → what the checkpoint screen shows. A good code with the wrong card is still `valid: true` with
 * `holder: 'mismatch'`: the code itself is genuine, and the screen says the card does not belong to it. Never throws.
 */
export function checkCode(text: string, options: CheckOptions): CheckpointResult {
  return inspectCode(text, options).result;
}
