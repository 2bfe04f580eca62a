// Where each field sits in the 256-byte text block (UCS-2LE), per card type; the decoder and the emulator share it.

/** Sizes in bytes (two per UCS-2 character). */
export type FieldSpec = readonly [name: string, bytes: number];

/** The card-type character sits at byte 248 for every layout: blank on a resident card, 'I' or 'J' otherwise. */
export const CARD_TYPE_OFFSET = 248;
export const TEXT_BYTES = 256;
export const PHOTO_BYTES = 1024;

export const cardTypeChars = { resident: ' ', 'foreign-permanent': 'I', 'hmt-permit': 'J' } as const;
export type CardType = keyof typeof cardTypeChars;

export const layouts: Record<CardType, readonly FieldSpec[]> = {
  resident: [
    ['name', 30],
    ['sex', 2],
    ['ethnicity', 4],
    ['birthDate', 16],
    ['address', 70],
    ['idNumber', 36],
    ['issuer', 30],
    ['validFrom', 16],
    ['validTo', 16],
    ['reserved', 36],
  ],
  'foreign-permanent': [
    ['englishName', 120],
    ['sex', 2],
    ['idNumber', 30],
    ['nationality', 6],
    ['name', 30],
    ['validFrom', 16],
    ['validTo', 16],
    ['birthDate', 16],
    ['cardVersion', 4],
    ['issuerCode', 8],
    ['cardType', 2],
    ['reserved', 6],
  ],
  'hmt-permit': [
    ['name', 30],
    ['sex', 2],
    ['reserved1', 4],
    ['birthDate', 16],
    ['address', 70],
    ['idNumber', 36],
    ['issuer', 30],
    ['validFrom', 16],
    ['validTo', 16],
    ['passNumber', 18],
    ['issueCount', 4],
    ['reserved2', 6],
    ['cardType', 2],
    ['reserved3', 6],
  ],
};

/** Byte offset of each field, computed once from the sizes so the layouts cannot drift from their totals. */
export function fieldOffsets(type: CardType): Map<string, { offset: number; bytes: number }> {
  const map = new Map<string, { offset: number; bytes: number }>();
  let offset = 0;
  for (const [name, bytes] of layouts[type]) {
    map.set(name, { offset, bytes });
    offset += bytes;
  }
  return map;
}
