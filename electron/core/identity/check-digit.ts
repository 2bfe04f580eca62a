// Check characters of document numbers: MOD 11-2 (GB 11643-1999, ISO 7064) and the ICAO 9303 7-3-1 digit.

const mod112Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const mod112Chars = '10X98765432';

/** The check character for the 17-digit body of an 18-character number (resident, permit, 2023 foreign card). */
export function mod112CheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('MOD 11-2 body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * mod112Weights[i]!;
  return mod112Chars[sum % 11]!;
}

/**
 * The ICAO 9303 check digit (weights 7 3 1 repeating, A=10 … Z=35, sum mod 10), as on passport machine-readable
 * zones. The 2017 foreign permanent resident card ends with this digit over its first 14 characters.
 */
export function icaoCheckDigit(body: string): string {
  if (!/^[0-9A-Z]*$/.test(body)) throw new RangeError('ICAO body must be digits and capital letters');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55; // '0'..'9' → 0..9, 'A'..'Z' → 10..35
    sum += value * [7, 3, 1][i % 3]!;
  }
  return String(sum % 10);
}
