// The slip model every printed paper passes through: templates produce it, the ESC/POS encoder and the preview
// consume it. Width-independent blocks in, laid-out rows (layout.ts) out, so bytes and preview cannot disagree.
import { z } from 'zod';

/** Roll widths: print columns of the 12×24 font (a CJK character takes two) and dots per line at 203 dpi. */
export const paperSpecs = {
  '58mm': { columns: 32, dots: 384 },
  '80mm': { columns: 48, dots: 576 },
} as const;
export const PaperSchema = z.enum(['58mm', '80mm']);
export type Paper = z.infer<typeof PaperSchema>;

export type Align = 'left' | 'center' | 'right';
/** Character magnification (GS !): 1 normal, 2 double width and height, 3 triple. A size-n character is n× as wide. */
export type TextSize = 1 | 2 | 3;
export type QrEcc = 'L' | 'M' | 'Q' | 'H';

export type SlipBlock =
  /** Text wrapped to the roll's columns at its size (CJK counts two columns per character). */
  | { kind: 'text'; text: string; align: Align; size: TextSize; bold: boolean }
  /** Label at the left, value at the right of one line; wraps the value to the next line when both do not fit. */
  | { kind: 'pair'; left: string; right: string; bold: boolean }
  /** A QR symbol, centred. `data` is what a scanner reads back (ASCII: Base45 for paper codes). */
  | { kind: 'qr'; data: string; moduleDots: number; ecc: QrEcc }
  /** A full-width line of '-'. */
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface Slip {
  paper: Paper;
  blocks: SlipBlock[];
}

/** How a QR reaches the paper: the printer's own `GS ( k` (compact) or a raster image (`GS v 0`) for printers without it. */
export type QrMode = 'native' | 'raster';

/** Shapes beside status words: thermal paper is black and white, so never colour alone (UX.md). All are in GB2312. */
export const statusShapes = { GREEN: '●', YELLOW: '▲', RED: '■', PENDING: '◇' } as const;
