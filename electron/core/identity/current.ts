// The identity of the person at the kiosk right now: held in core only, one at a time, gone when the session ends.
import type { Clock, RandomSource } from '../clock.js';
import { maskIdNumber, maskName } from '../privacy/mask.js';
import { parseDocumentNumber } from './document-number.js';
import type { DocumentType, IdentitySource, MaskedIdentity, RejectReason } from './schema.js';

export interface HeldIdentity {
  source: IdentitySource;
  documentType: DocumentType;
  /** The canonical document number: never leaves core unmasked. */
  number: string;
  name: string | null;
  birthDate: string;
  sex: 'M' | 'F' | null;
  region: string;
  validTo: string | 'long-term' | null;
}

/** What a card read gives us; the photo is only passed through to the screen, never held. */
export interface CardFields {
  name: string;
  idNumber: string;
  validTo: string | 'long-term';
  photo: Uint8Array;
}

export type Accepted = { ok: true; identity: MaskedIdentity };
export type Refused = { ok: false; reason: RejectReason };

export interface CurrentIdentity {
  fromCard(card: CardFields): Accepted | Refused;
  fromTyped(typed: string, source: 'wedge' | 'manual'): Accepted | Refused;
  /** The full identity behind a readId, for the steps that follow (application, proxy). */
  get(readId: string): HeldIdentity | undefined;
  clear(): void;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const PNG_END = Buffer.from('IEND');

/**
 * A card photo is vendor-compressed WLT that only the vendor's decoder turns into an image; the demo cards carry a
 * PNG instead. So: a PNG is shown, anything else is not (the screen says the photo cannot be shown).
 */
export function photoDataUrl(photo: Uint8Array): string | null {
  if (!PNG_MAGIC.every((b, i) => photo[i] === b)) return null;
  const end = Buffer.from(photo).indexOf(PNG_END);
  if (end === -1) return null;
  return `data:image/png;base64,${Buffer.from(photo.subarray(0, end + 8)).toString('base64')}`;
}

/** What the screen may see of a held identity under `readId`: masked name and number, the photo if any. */
export function maskedIdentity(readId: string, identity: HeldIdentity, photo: string | null, now: Date): MaskedIdentity {
  const today = now.toISOString().slice(0, 10);
  return {
    readId,
    source: identity.source,
    documentType: identity.documentType,
    maskedName: identity.name === null ? null : maskName(identity.name),
    maskedNumber: maskIdNumber(identity.number),
    photo,
    validTo: identity.validTo,
    expired: identity.validTo !== null && identity.validTo !== 'long-term' && identity.validTo < today,
  };
}

export function createCurrentIdentity(clock: Clock, random: RandomSource): CurrentIdentity {
  let held: { readId: string; identity: HeldIdentity } | undefined;

  const accept = (identity: HeldIdentity, photo: string | null): Accepted => {
    const readId = Buffer.from(random.bytes(12)).toString('base64url');
    held = { readId, identity };
    return { ok: true, identity: maskedIdentity(readId, identity, photo, clock.now()) };
  };

  return {
    fromCard(card) {
      const parsed = parseDocumentNumber(card.idNumber, clock.now());
      if (!parsed.valid) return { ok: false, reason: parsed.reason };
      const { type, canonical, birthDate, sex, region } = parsed;
      const identity = {
        source: 'card',
        documentType: type,
        number: canonical,
        name: card.name,
        birthDate,
        sex,
        region,
        validTo: card.validTo,
      } as const;
      return accept(identity, photoDataUrl(card.photo));
    },
    fromTyped(typed, source) {
      const parsed = parseDocumentNumber(typed, clock.now());
      if (!parsed.valid) return { ok: false, reason: parsed.reason };
      const { type, canonical, birthDate, sex, region } = parsed;
      return accept({ source, documentType: type, number: canonical, name: null, birthDate, sex, region, validTo: null }, null);
    },
    get(readId) {
      return held?.readId === readId ? held.identity : undefined;
    },
    clear() {
      held = undefined;
    },
  };
}
