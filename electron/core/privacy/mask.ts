// THE masking rules for screens and paper (GB/T 35273-2020): names, document numbers, phone numbers. Nothing else masks.

/** Two-character surnames kept whole, so 欧阳娜娜 shows as 欧阳** and not 欧***. */
const compoundSurnames = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯',
  '端木', '百里', '呼延', '独孤', '澹台', '轩辕', '西门', '南宫', '申屠', '太史', '钟离', '闻人', '万俟', '单于',
]); // prettier-ignore

const han = /\p{Script=Han}/u;

/**
 * Chinese name: the surname, then one `*` per remaining character (张三丰 → 张**). A compound surname is kept only
 * when a given name follows it (司马 alone is more likely surname 司 + given name 马). Latin name (the family name
 * comes first, as on Chinese permits: "SMITH JOHN"): its first letter, every other character `*`, spaces kept
 * (→ "S**** ****"). A one-character name is all `*`: showing it would show all of it. At most MAX_MASKED_NAME
 * characters come out, so a long foreign name (up to 60) still fits a slip's name field and one 58 mm line.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim()); // code points: rare surnames lie outside the BMP
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.some((c) => han.test(c))) {
    const keep = chars.length >= 3 && compoundSurnames.has(chars[0]! + chars[1]!) ? 2 : 1;
    return capped([...chars.slice(0, keep), ...'*'.repeat(chars.length - keep)]);
  }
  return capped(chars.map((c, i) => (i === 0 || /\s/.test(c) ? c : '*')));
}

/**
 * The longest masked name, in code points. Past it the stars only tell the name's length, and the slip refuses a
 * masked name over 40 characters (slip-data.ts): a 60-letter foreign name would otherwise get no paper at all. 20
 * prints in 21 columns at most (a CJK surname is two), beside a label on a 32-column 58 mm line.
 */
export const MAX_MASKED_NAME = 20;

/** Cut on a code point, never inside a surrogate pair, and without a trailing space. */
const capped = (masked: string[]): string => masked.slice(0, MAX_MASKED_NAME).join('').trimEnd();

/**
 * First 2 and last 2 characters shown, the rest `*`, same length (11010519491231002X → 11**************2X). Below
 * 8 characters everything is masked: four shown characters would then be half the number or more.
 */
export function maskIdNumber(number: string): string {
  return keepEnds(number.trim(), 8, 2, 2);
}

/**
 * Mobile numbers show the carrier prefix and last 4 (13812345678 → 138****5678). Shorter numbers show only the
 * last 4 from 8 characters up, and nothing below that, so at least half is always hidden.
 */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length >= 11) return keepEnds(phone.trim(), 11, 3, 4);
  return keepEnds(phone.trim(), 8, 0, 4);
}

function keepEnds(value: string, minLength: number, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length < minLength) return '*'.repeat(chars.length);
  const middle = chars.length - head - tail;
  return chars.slice(0, head).join('') + '*'.repeat(middle) + chars.slice(chars.length - tail).join('');
}
