// A JSON object column holding personal data, sealed: stored as {"sealed":"v1.…"} so the column's json_type CHECK holds.
import type { Db } from '../db/open.js';
import type { KeyPurpose } from './seal.js';
import { sealField, unsealField } from './vault.js';

export function sealObject(db: Db, purpose: KeyPurpose, value: unknown, context: string): string {
  return JSON.stringify({ sealed: sealField(db, purpose, JSON.stringify(value), context) });
}

/** Opens a sealed object; one written before sealing (any other object) is returned as it is. */
export function openObject(db: Db, purpose: KeyPurpose, stored: string, context: string): unknown {
  const parsed = JSON.parse(stored) as { sealed?: unknown };
  if (typeof parsed.sealed === 'string' && Object.keys(parsed).length === 1)
    return JSON.parse(unsealField(db, purpose, parsed.sealed, context));
  return parsed;
}

export const isSealedObject = (stored: string): boolean => {
  const parsed = JSON.parse(stored) as { sealed?: unknown };
  return typeof parsed.sealed === 'string' && Object.keys(parsed).length === 1;
};
