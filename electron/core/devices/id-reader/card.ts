// A read reply's data → CardIdentity (or a typed error, never a throw), and the inverse text encoder for emulator and tests.
import { ethnicityName } from './ethnicity.js';
import { CARD_TYPE_OFFSET, cardTypeChars, fieldOffsets, PHOTO_BYTES, TEXT_BYTES, type CardType } from './layout.js';

export interface CardIdentity {
  cardType: CardType;
  name: string;
  englishName: string | null;
  sex: 'M' | 'F' | null;
  ethnicity: { code: string; name: string } | null;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string | null;
  idNumber: string;
  issuer: string | null;
  validFrom: string;
  validTo: string | 'long-term';
  nationality: string | null;
  /** Vendor WLT (or, from the emulator, PNG) bytes: shown at most, never stored or logged. */
  photo: Uint8Array;
}

export type CardDecodeError = 'short-data' | 'bad-lengths' | 'unknown-card-type' | 'bad-field';
export type CardDecodeResult = { ok: true; card: CardIdentity } | { ok: false; error: CardDecodeError; field?: string };

/** Fields the text block carries; HMT permits also hold a pass number and issue count that the identity does not need. */
export type CardTextFields = Omit<CardIdentity, 'cardType' | 'photo'> & { passNumber?: string; issueCount?: string };

const offsets = {
  resident: fieldOffsets('resident'),
  'foreign-permanent': fieldOffsets('foreign-permanent'),
  'hmt-permit': fieldOffsets('hmt-permit'),
} as const;

const LONG_TERM = '长期';
const utf16 = new TextDecoder('utf-16le');

/** Data after SW1-3: text length (2, BE), photo length (2, BE), text, photo. Extra fingerprint data is not expected. */
export function decodeCardData(data: Uint8Array): CardDecodeResult {
  if (data.length < 4) return { ok: false, error: 'short-data' };
  const textLength = (data[0]! << 8) | data[1]!;
  const photoLength = (data[2]! << 8) | data[3]!;
  if (textLength !== TEXT_BYTES || photoLength > PHOTO_BYTES || data.length !== 4 + textLength + photoLength) {
    return { ok: false, error: 'bad-lengths' };
  }
  return decodeCardText(data.subarray(4, 4 + TEXT_BYTES), data.subarray(4 + TEXT_BYTES));
}

/** The 256-byte text block plus the photo bytes (copied, so the caller's buffer can be reused). */
export function decodeCardText(text: Uint8Array, photo: Uint8Array): CardDecodeResult {
  if (text.length !== TEXT_BYTES) return { ok: false, error: 'bad-lengths' };
  const cardType = cardTypeOf(text);
  if (!cardType) return { ok: false, error: 'unknown-card-type' };
  const map = offsets[cardType];
  const field = (name: string): string => {
    const spec = map.get(name);
    return spec ? trimPadding(utf16.decode(text.subarray(spec.offset, spec.offset + spec.bytes))) : '';
  };
  const bad = (name: string): CardDecodeResult => ({ ok: false, error: 'bad-field', field: name });

  const name = field('name');
  if (!name || hasControl(name)) return bad('name');
  const sex = sexOf(field('sex'));
  if (sex === undefined) return bad('sex');
  let ethnicity: CardIdentity['ethnicity'] = null;
  if (cardType === 'resident') {
    const code = field('ethnicity');
    const ethnicityLabel = ethnicityName(code);
    if (!ethnicityLabel) return bad('ethnicity');
    ethnicity = { code, name: ethnicityLabel };
  }
  const birthDate = isoDate(field('birthDate'));
  if (!birthDate) return bad('birthDate');
  const idNumber = field('idNumber') + (cardType === 'foreign-permanent' ? numberExtension(field('reserved')) : '');
  // Format only: the check digit and region are the identity module's checks ('invalid-number' is its problem to report).
  if (!/^[0-9A-Z]{15,18}$/.test(idNumber)) return bad('idNumber');
  const validFrom = isoDate(field('validFrom'));
  if (!validFrom) return bad('validFrom');
  const rawTo = field('validTo');
  const validTo = rawTo === LONG_TERM ? 'long-term' : isoDate(rawTo);
  if (!validTo) return bad('validTo');

  const foreign = cardType === 'foreign-permanent';
  const englishName = foreign ? field('englishName') || null : null;
  const nationality = foreign ? field('nationality') || null : null;
  if (nationality !== null && !/^[A-Z]{3}$/.test(nationality)) return bad('nationality');
  const address = foreign ? null : field('address') || null;
  const issuer = (foreign ? field('issuerCode') : field('issuer')) || null;
  for (const [label, value] of [
    ['englishName', englishName],
    ['address', address],
    ['issuer', issuer],
  ] as const) {
    if (value !== null && hasControl(value)) return bad(label);
  }
  return {
    ok: true,
    card: {
      cardType,
      name,
      englishName,
      sex,
      ethnicity,
      birthDate,
      address,
      idNumber,
      issuer,
      validFrom,
      validTo,
      nationality,
      photo: Uint8Array.from(photo),
    },
  };
}

/** The 256-byte UCS-2LE text block for these fields, every field padded with UCS-2 spaces (over-long values are cut). */
export function encodeCardText(fields: CardTextFields, cardType: CardType): Uint8Array {
  const out = new Uint8Array(TEXT_BYTES);
  for (let i = 0; i < TEXT_BYTES; i += 2) out[i] = 0x20;
  const put = (name: string, value: string | null | undefined) => {
    const spec = offsets[cardType].get(name);
    if (!spec || !value) return;
    for (let i = 0; i < Math.min(value.length, spec.bytes / 2); i++) {
      const unit = value.charCodeAt(i);
      out[spec.offset + 2 * i] = unit & 0xff;
      out[spec.offset + 2 * i + 1] = unit >> 8;
    }
  };
  const compact = (iso: string) => iso.replaceAll('-', '');
  put('name', fields.name);
  put('englishName', fields.englishName);
  put('sex', fields.sex === 'M' ? '1' : fields.sex === 'F' ? '2' : '0');
  put('ethnicity', fields.ethnicity?.code);
  put('birthDate', compact(fields.birthDate));
  put('address', fields.address);
  put('idNumber', fields.idNumber);
  if (cardType === 'foreign-permanent') put('reserved', fields.idNumber.slice(15));
  put(cardType === 'foreign-permanent' ? 'issuerCode' : 'issuer', fields.issuer);
  put('validFrom', compact(fields.validFrom));
  put('validTo', fields.validTo === 'long-term' ? LONG_TERM : compact(fields.validTo));
  put('nationality', fields.nationality);
  put('passNumber', fields.passNumber);
  put('issueCount', fields.issueCount);
  put('cardType', cardTypeChars[cardType]);
  return out;
}

/** The read reply's data: the two big-endian lengths, the text block, and the photo (as given, up to 1024 bytes). */
export function encodeCardData(text: Uint8Array, photo: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + text.length + photo.length);
  out.set([text.length >> 8, text.length & 0xff, photo.length >> 8, photo.length & 0xff], 0);
  out.set(text, 4);
  out.set(photo, 4 + text.length);
  return out;
}

/**
 * The 2017 foreign-permanent layout has room for a 15-character number; the 2023 cards carry 18 digits (starting 9).
 * ASSUMPTION, to check against GA 2023 / a vendor manual: the last three digits sit in the 3-character reserved field
 * after the card-type char. A 2017 card leaves that field blank, so its 15-character number is unchanged.
 */
function numberExtension(reserved: string): string {
  return /^[0-9X]{3}$/.test(reserved) ? reserved : '';
}

function cardTypeOf(text: Uint8Array): CardType | undefined {
  const unit = text[CARD_TYPE_OFFSET]! | (text[CARD_TYPE_OFFSET + 1]! << 8);
  if (unit === 0x20 || unit === 0) return 'resident';
  if (unit === 0x49) return 'foreign-permanent';
  if (unit === 0x4a) return 'hmt-permit';
  return undefined;
}

/** Cards pad with UCS-2 spaces; some readers leave NULs instead. */
function trimPadding(value: string): string {
  return value.replace(/^[ \0]+|[ \0]+$/g, '');
}

/** Control characters in a text field mean the block is garbage, not a name or an address. */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

/** '1' male, '2' female, '0'/'9' not known; anything else is a bad field (undefined). */
function sexOf(code: string): CardIdentity['sex'] | undefined {
  if (code === '1') return 'M';
  if (code === '2') return 'F';
  if (code === '0' || code === '9') return null;
  return undefined;
}

/** YYYYMMDD → YYYY-MM-DD when it names a real calendar day, else undefined. */
export function isoDate(compact: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1800 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
