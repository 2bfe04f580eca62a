// Slip blocks → printed rows at the roll's column width: wrapping (English at spaces, Chinese anywhere, simple
// kinsoku), label/value pairs and rules. The ESC/POS encoder and the preview both draw from these rows.
import { isPrintableAscii, printableText, printColumns } from './columns.js';
import { paperSpecs, type Align, type QrEcc, type Slip, type TextSize } from './slip.js';

export type SlipRow =
  | { kind: 'text'; text: string; align: Align; size: TextSize; bold: boolean }
  | { kind: 'qr'; data: string; moduleDots: number; ecc: QrEcc }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

/** Chinese closing punctuation that must not start a line (kinsoku shori, the simple version). */
const closingPunctuation = new Set([...'，。、；：？！）」』》】〕〉’”']);

export function layoutSlip(slip: Slip): SlipRow[] {
  const { columns } = paperSpecs[slip.paper];
  const rows: SlipRow[] = [];
  for (const block of slip.blocks) {
    switch (block.kind) {
      case 'text': {
        const width = Math.floor(columns / block.size);
        for (const text of wrapText(printableText(block.text), width)) {
          rows.push({ kind: 'text', text, align: block.align, size: block.size, bold: block.bold });
        }
        break;
      }
      case 'pair':
        rows.push(...layoutPair(printableText(block.left).trim(), printableText(block.right).trim(), block.bold, columns));
        break;
      case 'qr':
        if (!Number.isInteger(block.moduleDots) || block.moduleDots < 1 || block.moduleDots > 16) {
          throw new RangeError(`QR module size must be 1–16 dots, got ${block.moduleDots}`);
        }
        rows.push({ kind: 'qr', data: block.data, moduleDots: block.moduleDots, ecc: block.ecc });
        break;
      case 'rule':
        rows.push({ kind: 'text', text: '-'.repeat(columns), align: 'left', size: 1, bold: false });
        break;
      case 'feed':
        if (!Number.isInteger(block.lines) || block.lines < 0) throw new RangeError(`feed lines must be a whole number ≥ 0`);
        rows.push({ kind: 'feed', lines: block.lines });
        break;
      case 'cut':
        rows.push({ kind: 'cut' });
        break;
    }
  }
  return rows;
}

/**
 * Left and right on one line, padded with spaces to exactly the width, when both fit with at least one space
 * between them; otherwise the left on its own line(s) and the right aligned right on the next.
 */
function layoutPair(left: string, right: string, bold: boolean, columns: number): SlipRow[] {
  const row = (text: string, align: Align): SlipRow => ({ kind: 'text', text, align, size: 1, bold });
  const gap = columns - printColumns(left) - printColumns(right);
  if (left === '' || right === '') {
    if (left === '' && right === '') return [row('', 'left')];
    return left === '' ? wrapText(right, columns).map((t) => row(t, 'right')) : wrapText(left, columns).map((t) => row(t, 'left'));
  }
  if (gap >= 1) return [row(left + ' '.repeat(gap) + right, 'left')];
  return [...wrapText(left, columns).map((t) => row(t, 'left')), ...wrapText(right, columns).map((t) => row(t, 'right'))];
}

/**
 * Greedy line filling over code points. A line may break at a space (the space is dropped) or next to any non-ASCII
 * character, never before closing punctuation; a piece with no allowed break that is longer than a line is split where
 * the line is full. Trailing spaces are dropped (they would shift a centred or right-aligned line), and the spaces at a
 * break are dropped with them. Always at least one line, so an empty text block still prints an empty line.
 */
export function wrapText(text: string, width: number): string[] {
  const chars = Array.from(text);
  const widthOf = (c: string) => (isPrintableAscii(c) ? 1 : 2);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    if (lines.length > 0) while (chars[start] === ' ') start++; // spaces at a break belong to neither line
    if (start >= chars.length) break;
    let used = 0;
    let end = start;
    let lastBreak = -1;
    while (end < chars.length && used + widthOf(chars[end]!) <= width) {
      used += widthOf(chars[end]!);
      end++;
      if (end < chars.length && canBreakBefore(chars, end)) lastBreak = end;
    }
    if (end < chars.length && !canBreakBefore(chars, end)) {
      if (lastBreak > start) end = lastBreak;
      // Split a long word one character earlier, so the mark does not start the next line alone.
      else if (end - 1 > start && closingPunctuation.has(chars[end]!) && !closingPunctuation.has(chars[end - 1]!)) end--;
    }
    if (end === start) end = start + 1; // a character wider than the line: only if width < 2, which no paper has
    lines.push(chars.slice(start, end).join('').trimEnd());
    start = end;
  }
  return lines.length > 0 ? lines : [''];
}

function canBreakBefore(chars: string[], i: number): boolean {
  const before = chars[i - 1]!;
  const after = chars[i]!;
  if (closingPunctuation.has(after)) return false;
  if (before === ' ' || after === ' ') return true;
  return !isPrintableAscii(before) || !isPrintableAscii(after);
}
