// What the emulated printer put on paper: a Ticket (ordered elements up to a cut) and its plain-text transcript.
import jsQRModule from 'jsqr';
import { paperSpecs, type Paper } from '../../electron/core/printing/slip.js';

// jsqr is a CommonJS bundle; NodeNext types its default import as the module, whose `default` is the function.
const jsQR = jsQRModule.default;

export type Align = 'left' | 'center' | 'right';
export type QrEcc = 'L' | 'M' | 'Q' | 'H';

export interface TextElement {
  kind: 'text';
  /** One printed line, as decoded (GB18030 in Chinese mode, ASCII otherwise); '' for an empty LF. */
  text: string;
  align: Align;
  /** Width multiplier of GS ! (1..8); the renderer uses it for the height too. */
  size: number;
  bold: boolean;
}

export interface QrElement {
  kind: 'qr';
  /** The stored symbol data (GS ( k fn 0x50), read as UTF-8. */
  data: string;
  moduleDots: number;
  ecc: QrEcc;
  /** ESC a at the moment the symbol was printed (beyond the brief's shape: the printer honours it for symbols). */
  align: Align;
}

export interface RasterElement {
  kind: 'raster';
  widthDots: number;
  height: number;
  /** Row-major, (widthDots / 8) bytes per row, most significant bit = leftmost dot, 1 = black. */
  bits: Uint8Array;
  align: Align;
}

export interface FeedElement {
  kind: 'feed';
  lines: number;
}

export type TicketElement = TextElement | QrElement | RasterElement | FeedElement;

export interface Ticket {
  elements: TicketElement[];
  /** false: the job ended (connection closed, paper out, cover open…) before a cut. */
  cut: boolean;
  paper: Paper;
}

/** A ticket the emulator recorded, numbered from 1 in the order it came off the printer; files when it writes any. */
export interface TicketRecord {
  seq: number;
  ticket: Ticket;
  /** transcript(ticket), made once (reading a raster QR back is not free). */
  transcript: string;
  pngFile?: string;
  txtFile?: string;
}

/** Print columns of a character in the 12×24 font: ASCII one, anything else (CJK in Chinese mode) two. */
export function charColumns(char: string): number {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

/** Print columns of a string at size 1. */
export function textColumns(text: string): number {
  let columns = 0;
  for (const char of text) columns += charColumns(char);
  return columns;
}

/** Leading columns that put a line of `columns` (already multiplied by size) at its alignment on the roll. */
export function alignOffset(align: Align, used: number, available: number): number {
  const free = Math.max(0, available - used);
  return align === 'left' ? 0 : align === 'center' ? Math.floor(free / 2) : free;
}

/** The QR a raster image carries, if jsqr can read one (a quiet zone is added around it first). */
export function readRasterQr(element: RasterElement): string | null {
  const quiet = 16;
  const width = element.widthDots + 2 * quiet;
  const height = element.height + 2 * quiet;
  if (element.widthDots === 0 || element.height === 0 || width * height > 4_000_000) return null;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const rowBytes = element.widthDots / 8;
  for (let y = 0; y < element.height; y++)
    for (let x = 0; x < element.widthDots; x++) {
      const byte = element.bits[y * rowBytes + (x >> 3)] ?? 0;
      if (byte & (0x80 >> (x & 7))) rgba.fill(0, ((y + quiet) * width + x + quiet) * 4, ((y + quiet) * width + x + quiet) * 4 + 3);
    }
  try {
    return jsQR(rgba, width, height)?.data ?? null;
  } catch {
    return null;
  }
}

/**
 * The ticket as lines of text: text lines padded with spaces to their alignment on the roll's columns (CJK two
 * columns, a size-n character n times as wide), `[QR ecc=Q module=6] <data>`, `[IMAGE WxH]` (plus ` qr=<data>` when
 * the image is a readable QR), `[FEED n]`, and `[CUT]` last when the paper was cut. Trailing spaces are dropped.
 */
export function transcript(ticket: Ticket): string {
  const { columns } = paperSpecs[ticket.paper];
  const lines: string[] = [];
  for (const element of ticket.elements) {
    switch (element.kind) {
      case 'text': {
        const pad = alignOffset(element.align, textColumns(element.text) * element.size, columns);
        lines.push((' '.repeat(pad) + element.text).trimEnd());
        break;
      }
      case 'qr':
        lines.push(`[QR ecc=${element.ecc} module=${element.moduleDots}] ${element.data}`);
        break;
      case 'raster': {
        const qr = readRasterQr(element);
        lines.push(`[IMAGE ${element.widthDots}x${element.height}]${qr === null ? '' : ` qr=${qr}`}`);
        break;
      }
      case 'feed':
        lines.push(`[FEED ${element.lines}]`);
        break;
    }
  }
  if (ticket.cut) lines.push('[CUT]');
  return lines.join('\n') + '\n';
}
