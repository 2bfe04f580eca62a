// A resident known only by a typed document number and name (staff typing, a care home's list) as a held identity.
import { KioskError } from '../errors.js';
import type { HeldIdentity } from '../identity/current.js';
import { parseDocumentNumber } from '../identity/document-number.js';
import type { RejectReason } from '../identity/schema.js';

/** The longest name the province's Applicant takes (applications/schema.ts). */
export const MAX_NAME_LENGTH = 60;

/** 1–60 characters, no control characters (a line break inside a quoted CSV field is a mistake, not a name). */
export const nameFits = (trimmed: string): boolean =>
  trimmed !== '' && Array.from(trimmed).length <= MAX_NAME_LENGTH && !/\p{Cc}/u.test(trimmed);

export type TypedIdentity =
  { ok: true; identity: HeldIdentity } | { ok: false; problem: 'number'; reason: RejectReason } | { ok: false; problem: 'name' };

/**
 * Normalises and checks the number (full-width digits, spaces, a lowercase x are accepted: identity/normalise.ts) and
 * the name (trimmed, 1–60 characters, no control characters). `now` decides what a future birth date is.
 */
export function readTypedIdentity(typed: string, name: string, now: Date): TypedIdentity {
  const parsed = parseDocumentNumber(typed, now);
  if (!parsed.valid) return { ok: false, problem: 'number', reason: parsed.reason };
  const trimmed = name.trim();
  if (!nameFits(trimmed)) return { ok: false, problem: 'name' };
  return {
    ok: true,
    identity: {
      source: 'manual',
      documentType: parsed.type,
      number: parsed.canonical,
      name: trimmed,
      birthDate: parsed.birthDate,
      sex: parsed.sex,
      region: parsed.region,
      validTo: null,
    },
  };
}

/**
 * The same, refusing: invalid-input errors.numberInvalid with `{ reason }` (identity/schema.ts rejectReasons), or
 * errors.nameNeeded. For ProxySubject's `{ typed, name }` form.
 */
export function typedSubject(typed: string, name: string, now: Date): HeldIdentity {
  const read = readTypedIdentity(typed, name, now);
  if (read.ok) return read.identity;
  if (read.problem === 'number') throw new KioskError('invalid-input', 'errors.numberInvalid', { reason: read.reason });
  throw new KioskError('invalid-input', 'errors.nameNeeded');
}
