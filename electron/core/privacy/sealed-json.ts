// A JSON object column holding personal data, sealed: stored as {"sealed":"v1.…"} so the column stays a JSON object.
import type { Db } from '../db/open.js';
import type { KeyPurpose } from './seal.js';
import { sealField, unsealField } from './vault.js';

export function sealObject(db: Db, purpose: KeyPurpose, value: unknown, context: string): string {
  return JSON.stringify({ sealed: sealField(db, purpose, JSON.stringify(value), context) });
}

/** The sealed text of a stored value, or null for one written in the clear (before sealing). */
function sealedTextOf(parsed: unknown): string | null {
  const { sealed } = (parsed ?? {}) as { sealed?: unknown };
  return typeof sealed === 'string' && Object.keys(parsed as object).length === 1 ? sealed : null;
}

/** Opens a sealed object; one written before sealing (any other JSON) is returned as it is. */
export function openObject(db: Db, purpose: KeyPurpose, stored: string, context: string): unknown {
  const parsed: unknown = JSON.parse(stored);
  const sealed = sealedTextOf(parsed);
  return sealed === null ? parsed : JSON.parse(unsealField(db, purpose, sealed, context));
}

export const isSealedObject = (stored: string): boolean => sealedTextOf(JSON.parse(stored)) !== null;
