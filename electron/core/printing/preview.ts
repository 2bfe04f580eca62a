// The slip as the screen shows it: an SVG drawn from the same rows as the ESC/POS bytes, one unit per printer dot,
// and a PNG of it (resvg, system fonts) for places that want a bitmap.
import { Resvg } from '@resvg/resvg-js';
import { isPrintableAscii, printColumns } from './columns.js';
import { CUT_FEED_LINES } from './escpos.js';
import { layoutSlip, type SlipRow } from './layout.js';
import { QR_QUIET_MODULES, qrModules } from './raster-qr.js';
import { paperSpecs, type Slip } from './slip.js';

/** The 12×24 font: an ASCII cell is 12 dots wide, a CJK cell 24, both 24 high, times the size. */
export const CELL_DOTS = 12;
export const LINE_DOTS = 24;
/** Gap under each text line, so a line advances 30 dots: the ESC/POS default of about 1/6 inch. */
export const LINE_GAP_DOTS = 6;
/** `ESC d n` and the cut's own feed advance this many dots per line. */
export const FEED_LINE_DOTS = 30;

const fontFamily = "'Noto Sans CJK SC', sans-serif";
/** Noto Sans CJK's ascent is 0.88 em: the baseline that puts a glyph's top at the top of its 24-dot cell. */
const BASELINE = 0.88;

/** Paper a row moves through the printer, in dots: the printed length model the preview and the bench share. */
export function rowHeightDots(row: SlipRow): number {
  switch (row.kind) {
    case 'text':
      return LINE_DOTS * row.size + LINE_GAP_DOTS;
    case 'qr':
      return (qrModules(row.data, row.ecc).size + 2 * QR_QUIET_MODULES) * row.moduleDots;
    case 'feed':
      return row.lines * FEED_LINE_DOTS;
    case 'cut':
      return CUT_FEED_LINES * FEED_LINE_DOTS;
  }
}

/** Width = the paper's dots. Text is placed cell by cell, as the printer places it, so padded pairs line up. */
export function previewSvg(slip: Slip): string {
  const paperDots = paperSpecs[slip.paper].dots;
  const body: string[] = [];
  let y = 0;
  for (const row of layoutSlip(slip)) {
    let height: number;
    if (row.kind === 'qr') {
      const qr = qrSvg(row, y, paperDots); // builds the matrix once for both the drawing and the height
      body.push(qr.svg);
      height = qr.height;
    } else {
      height = rowHeightDots(row);
      if (row.kind === 'text') body.push(textSvg(row, y, paperDots));
    }
    if (row.kind === 'cut') {
      const at = y + height - 0.5;
      body.push(`<path d="M0 ${at}H${paperDots}" stroke="#888" stroke-width="1" stroke-dasharray="8 6"/>`);
    }
    y += height;
  }
  const height = Math.max(y, 1);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${paperDots}" height="${height}" viewBox="0 0 ${paperDots} ${height}">` +
    `<rect width="${paperDots}" height="${height}" fill="#fff"/>` +
    `<g font-family="${fontFamily}" fill="#000">${body.join('')}</g></svg>`
  );
}

/** The SVG rendered at one pixel per dot, with the system's fonts (Noto Sans CJK SC where installed). */
export function previewPng(slip: Slip): Buffer {
  const resvg = new Resvg(previewSvg(slip), {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return resvg.render().asPng();
}

/** One glyph per cell, centred in it (a proportional font's Latin is narrower than 12 dots); spaces draw nothing. */
function textSvg(row: Extract<SlipRow, { kind: 'text' }>, top: number, paperDots: number): string {
  const cell = CELL_DOTS * row.size;
  const lineWidth = printColumns(row.text) * cell;
  let x = row.align === 'left' ? 0 : row.align === 'center' ? Math.floor((paperDots - lineWidth) / 2) : paperDots - lineWidth;
  const xs: number[] = [];
  let glyphs = '';
  for (const c of row.text) {
    const width = isPrintableAscii(c) ? cell : 2 * cell;
    if (c !== ' ') {
      xs.push(x + width / 2);
      glyphs += escapeXml(c);
    }
    x += width;
  }
  if (glyphs === '') return '';
  const fontSize = LINE_DOTS * row.size;
  const weight = row.bold ? ' font-weight="bold"' : '';
  return `<text x="${xs.join(' ')}" y="${round2(top + BASELINE * fontSize)}" font-size="${fontSize}"${weight} text-anchor="middle">${glyphs}</text>`;
}

/** Dark modules as one path of horizontal runs, centred with the quiet zone like the printed symbol. */
function qrSvg(row: Extract<SlipRow, { kind: 'qr' }>, top: number, paperDots: number): { svg: string; height: number } {
  const { size, dark } = qrModules(row.data, row.ecc);
  const md = row.moduleDots;
  const width = (size + 2 * QR_QUIET_MODULES) * md;
  if (width > paperDots) throw new RangeError(`QR is ${width} dots wide with its quiet zone; the paper has ${paperDots}`);
  const left = Math.floor((paperDots - width) / 2) + QR_QUIET_MODULES * md;
  let d = '';
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size;) {
      if (!dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && dark(r, c)) c++;
      d += `M${left + start * md} ${top + (r + QR_QUIET_MODULES) * md}h${(c - start) * md}v${md}h-${(c - start) * md}z`;
    }
  }
  return { svg: `<path d="${d}" fill="#000" shape-rendering="crispEdges"/>`, height: width };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => xmlEntities[c]!);
}
