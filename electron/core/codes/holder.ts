// Binds a paper code to its holder without printing the ID number: a keyed hash a checkpoint recomputes from the tapped card.
//
// The key is public (a fixed label and the code id, both readable by anyone holding the code), so the tag does not
// hide the number from someone with a candidate: an 18-character ID number has about 37 bits of entropy, far fewer
// once region and birth date are guessed. What it gives is a match/no-match between this code and the card in hand,
// and, because the code id is in the key, tags of one person's codes that are not equal and so cannot be linked by eye.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseDocumentNumber } from '../identity/normalise.js';
import type { CodeFields } from './payload.js';

export const HOLDER_KEY_LABEL = 'mashangban.holder.v1';

/**
 * HMAC-SHA256(key = "mashangban.holder.v1" ‖ 8 code id bytes, message = the canonical document number as ASCII),
 * first 8 bytes, lowercase hex. The number is normalised first (spaces, full-width, lowercase x) so a typed number
 * gives the tag of the card's; a 15-digit legacy number must be upgraded by the caller (parseDocumentNumber's canonical).
 */
export function holderTag(codeId: string, idNumber: string): string {
  if (!/^[0-9a-f]{16}$/.test(codeId)) throw new RangeError('code id must be 16 lowercase hex digits');
  const key = Buffer.concat([Buffer.from(HOLDER_KEY_LABEL, 'utf8'), Buffer.from(codeId, 'hex')]);
  return createHmac('sha256', key).update(normaliseDocumentNumber(idNumber), 'utf8').digest().subarray(0, 8).toString('hex');
}

/** Whether the card a checker tapped is the one the code was issued for. */
export function holderMatches(fields: Pick<CodeFields, 'codeId' | 'holderTag'>, idNumber: string): boolean {
  if (!/^[0-9a-f]{16}$/.test(fields.holderTag)) return false;
  return timingSafeEqual(Buffer.from(holderTag(fields.codeId, idNumber), 'hex'), Buffer.from(fields.holderTag, 'hex'));
}
