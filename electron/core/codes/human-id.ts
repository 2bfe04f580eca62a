// The code id as people read it: printed under the QR and read aloud on a phone check when a scan fails.
//
// Crockford base32 (no I, L, O, U, so nothing looks like 1 or 0) of the 8-byte id as one 64-bit number: 13 symbols,
// the first only 0–F. Then Crockford's check symbol: the number mod 37, written 0–9 A–Z less I L O U, then * ~ $ = U
// for 32–36. 37 is prime and no power of 32 is a multiple of it, so any single wrong symbol changes the remainder,
// and so does swapping two adjacent different symbols (that changes the sum by (a−b)·31·32^k). Printed in groups
// of four with hyphens, e.g. `3ZK7-M1QD-8W2C-4=`; hyphens and spaces are ignored when typed back.

const symbols = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const checkSymbols = `${symbols}*~$=U`;
/** Crockford's decoding: case-insensitive, and O, I and L are read as the digits they look like. */
const aliases: Record<string, string> = { O: '0', I: '1', L: '1' };

export type HumanIdProblem = 'length' | 'charset' | 'range' | 'check';
export type ParsedHumanId = { ok: true; codeId: string } | { ok: false; problem: HumanIdProblem };

/** `codeId` (16 hex digits) → `XXXX-XXXX-XXXX-XC`: 13 data symbols and the check symbol, 14 in all. */
export function humanCodeId(codeId: string): string {
  if (!/^[0-9a-f]{16}$/.test(codeId)) throw new RangeError('code id must be 16 lowercase hex digits');
  let n = BigInt(`0x${codeId}`);
  const check = checkSymbols[Number(n % 37n)]!;
  let data = '';
  for (let i = 0; i < 13; i++) {
    data = symbols[Number(n & 31n)]! + data;
    n >>= 5n;
  }
  return (data + check).match(/.{1,4}/g)!.join('-');
}

/** What someone typed or read back → the code id, or the first problem: length, an unknown symbol, above 64 bits, check. */
export function parseHumanCodeId(typed: string): ParsedHumanId {
  const s = typed.replace(/[\s-]+/g, '').toUpperCase();
  if (s.length !== 14) return { ok: false, problem: 'length' };
  let n = 0n;
  for (const c of s.slice(0, 13)) {
    const value = symbols.indexOf(aliases[c] ?? c);
    if (value === -1) return { ok: false, problem: 'charset' };
    n = (n << 5n) | BigInt(value);
  }
  const check = checkSymbols.indexOf(aliases[s[13]!] ?? s[13]!);
  if (check === -1) return { ok: false, problem: 'charset' };
  if (n >= 1n << 64n) return { ok: false, problem: 'range' };
  if (BigInt(check) !== n % 37n) return { ok: false, problem: 'check' };
  return { ok: true, codeId: n.toString(16).padStart(16, '0') };
}
