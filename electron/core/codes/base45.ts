// Base45 (RFC 9285): binary to the QR alphanumeric alphabet, strict on the way back so a damaged scan is refused, not guessed.
//
// Written here rather than taken from npm: in late 2026 the packages on offer (base45 3.0.0, base45-js 1.0.2,
// @digitalbazaar/base45 1.0.0) each accept some invalid text silently (unknown characters, a dangling single
// character, triples above 65535, or characters above U+00FF), and one ignores a Uint8Array's byteOffset.

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const values = new Map([...alphabet].map((c, i) => [c, i]));

/** Each 2 bytes (big-endian) become 3 characters, least significant first; a last odd byte becomes 2. */
export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = bytes[i]! * 256 + bytes[i + 1]!;
    out += alphabet[n % 45]! + alphabet[Math.floor(n / 45) % 45]! + alphabet[Math.floor(n / 2025)]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += alphabet[n % 45]! + alphabet[Math.floor(n / 45)]!;
  }
  return out;
}

/**
 * The bytes, or null when the text is not Base45: a character outside the alphabet (lowercase included), a length
 * of 3k+1, a triple above 65535 or a final pair above 255 (RFC 9285 §4.2 says such input MUST be rejected).
 */
export function base45Decode(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 3 === 1) return null;
  const digits: number[] = [];
  for (const c of text) {
    const value = values.get(c);
    if (value === undefined) return null;
    digits.push(value);
  }
  const out = new Uint8Array(Math.floor(digits.length / 3) * 2 + (digits.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < digits.length; i += 3) {
    if (i + 2 < digits.length) {
      const n = digits[i]! + digits[i + 1]! * 45 + digits[i + 2]! * 2025;
      if (n > 0xffff) return null;
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = digits[i]! + digits[i + 1]! * 45;
      if (n > 0xff) return null;
      out[o++] = n;
    }
  }
  return out;
}
