// Parses a typed or card-read document number into its canonical form and facts, or the one specific reason it is refused.
import { birthDate, birthDateNoCentury } from './birth-date.js';
import { icaoCheckDigit, mod112CheckChar } from './check-digit.js';
import { normaliseDocumentNumber } from './normalise.js';
import { mainlandProvince, permitRegions } from './regions.js';
import type { DocumentType, RejectReason } from './schema.js';

export interface ValidDocumentNumber {
  valid: true;
  type: DocumentType;
  /** The form that is stored and compared: ASCII, no spaces, capital letters; a 15-digit number upgraded to 18. */
  canonical: string;
  birthDate: string;
  /** Null only for the 2017 foreign permanent resident card, whose number does not say. */
  sex: 'M' | 'F' | null;
  /** Six digits: the GB/T 2260 code, a permit's 810000/820000/830000, or a foreign card's accepting province + 0000/00. */
  region: string;
}
export type ParsedDocumentNumber = ValidDocumentNumber | { valid: false; reason: RejectReason };

/**
 * Checks in this order, so the reason names the first thing wrong: `length` (neither 15 nor 18 characters),
 * `charset` (a character no document of that length has at that place), `type` (the characters fit but no
 * document is shaped so: a leading 0, or letters and digits mixed in a 15-character number's first three), then
 * `check-digit` (a typo most often lands here, and once it passes the rest is likely what is printed),
 * `region`, `birth-date`. `today` decides what a future birth date is.
 */
export function parseDocumentNumber(input: string, today: Date): ParsedDocumentNumber {
  const s = normaliseDocumentNumber(input);
  if (s.length === 18) return parse18(s, today);
  if (s.length === 15) return parse15(s, today);
  return refuse('length');
}

const refuse = (reason: RejectReason): ParsedDocumentNumber => ({ valid: false, reason });

/** Resident ID, HMT residence permit, 2023 foreign permanent resident card: 17 digits + MOD 11-2 check char. */
function parse18(s: string, today: Date): ParsedDocumentNumber {
  if (!/^\d{17}[\dX]$/.test(s)) return refuse('charset');
  // Resident and permit numbers start with a province digit 1–8 and foreign cards with 9; nothing starts with 0.
  if (s.startsWith('0')) return refuse('type');
  if (mod112CheckChar(s.slice(0, 17)) !== s[17]) return refuse('check-digit');
  const sex = sexOf(s.slice(14, 17));
  if (s.startsWith('9')) {
    // 2023 card: 9, accepting province (2), numeric nationality (3, ISO 3166-1; not checked against a table, the
    // check char already catches typos), birth date (8), sequence (3, odd = male), check char.
    if (!mainlandProvince(s.slice(1, 3))) return refuse('region');
    return withBirthDate('foreign-permanent', s, s.slice(6, 14), sex, `${s.slice(1, 3)}0000`, today);
  }
  const region = s.slice(0, 6);
  if (permitRegions.some((r) => r.code === region)) return withBirthDate('hmt-permit', s, s.slice(6, 14), sex, region, today);
  // Only the province prefix is checked: county codes change every year and old numbers keep their old codes.
  if (!mainlandProvince(s.slice(0, 2))) return refuse('region');
  return withBirthDate('resident', s, s.slice(6, 14), sex, region, today);
}

/** Legacy 15-digit resident number, or the 2017 foreign permanent resident card (3 letters + 12 digits). */
function parse15(s: string, today: Date): ParsedDocumentNumber {
  if (!/^[0-9A-Z]{3}\d{12}$/.test(s)) return refuse('charset');
  if (/^[A-Z]{3}/.test(s)) return parse2017Foreign(s, today);
  if (!/^\d{3}/.test(s) || s.startsWith('0')) return refuse('type');
  // GB 11643-1989: region (6), YYMMDD (6), sequence (3, odd = male), no check char. All such numbers were given to
  // people born in the 1900s, so the upgrade inserts "19" and computes the check char, as GB 11643-1999 does.
  if (!mainlandProvince(s.slice(0, 2))) return refuse('region');
  const body = `${s.slice(0, 6)}19${s.slice(6)}`;
  return withBirthDate('resident-legacy', body + mod112CheckChar(body), body.slice(6, 14), sexOf(s.slice(12, 15)), s.slice(0, 6), today);
}

/**
 * 2017 card layout, as third-party validators give it (no official spec found; the example KAZ110090123105 quoted
 * from the 2023 adaptation notes passes this check, which corroborates it): nationality ISO 3166-1 alpha-3 (3),
 * accepting authority province + city (4), YYMMDD (6), sequence (1), check digit (1) by ICAO 9303 weights 7 3 1
 * over the first 14. Nationality letters are not checked against a table (the check digit covers them). Sex: one
 * validator reads the sequence digit's parity, but no source says so, so null rather than a guess.
 */
function parse2017Foreign(s: string, today: Date): ParsedDocumentNumber {
  if (icaoCheckDigit(s.slice(0, 14)) !== s[14]) return refuse('check-digit');
  if (!mainlandProvince(s.slice(3, 5))) return refuse('region');
  const date = birthDateNoCentury(s.slice(7, 13), today);
  if (date === null) return refuse('birth-date');
  return { valid: true, type: 'foreign-permanent', canonical: s, birthDate: date, sex: null, region: `${s.slice(3, 7)}00` };
}

function withBirthDate(
  type: DocumentType,
  canonical: string,
  yyyymmdd: string,
  sex: 'M' | 'F' | null,
  region: string,
  today: Date,
): ParsedDocumentNumber {
  const date = birthDate(yyyymmdd, today);
  if (date === null) return refuse('birth-date');
  return { valid: true, type, canonical, birthDate: date, sex, region };
}

const sexOf = (sequence: string): 'M' | 'F' => (Number(sequence) % 2 === 1 ? 'M' : 'F');
