// A ticket as a PNG, one pixel per printer dot: text in the 12×24 grid, QR redrawn from its data, images dot for dot.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import QRCode from 'qrcode';
import { paperSpecs } from '../../electron/core/printing/slip.js';
import { alignOffset, charColumns, type QrElement, type RasterElement, type TextElement, type Ticket } from './ticket.js';

const MARGIN = 8;
/** Dots per line of the 12×24 font at size 1 (a feed line too), and per column. */
const LINE_DOTS = 24;
const COLUMN_DOTS = 12;
const QUIET_MODULES = 4;
const FONT_FAMILY = 'Noto Sans CJK SC';
/** Debian's fonts-noto-cjk: loading just these is about twice as fast as scanning every system font. */
const NOTO_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Drawn {
  height: number;
  svg: string;
}

/**
 * Runs of ASCII and of wide characters, each squeezed or stretched to its grid cells, so columns line up as on
 * paper even though the font's Latin letters are proportional.
 */
function drawText(element: TextElement, top: number, dots: number): Drawn {
  const height = LINE_DOTS * element.size;
  const cell = COLUMN_DOTS * element.size;
  let used = 0;
  for (const char of element.text) used += charColumns(char) * cell;
  let x = MARGIN + alignOffset(element.align, used, dots);
  const baseline = top + Math.round(height * 0.86);
  const weight = element.bold ? ' font-weight="bold"' : '';
  const runs: string[] = [];
  const chars = [...element.text];
  for (let k = 0; k < chars.length;) {
    const wide = charColumns(chars[k] ?? ' ') === 2;
    let end = k;
    while (end < chars.length && (charColumns(chars[end] ?? ' ') === 2) === wide) end++;
    const run = chars.slice(k, end).join('');
    const width = (end - k) * cell * (wide ? 2 : 1);
    if (run.trim() !== '')
      runs.push(
        `<text x="${x}" y="${baseline}" font-size="${height}"${weight} textLength="${width}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">${escapeXml(run)}</text>`,
      );
    x += width;
    k = end;
  }
  return { height, svg: runs.join('') };
}

/** Dark cells as one path of unit squares scaled up: crisp edges, any QR reader can scan it. */
function squaresPath(cells: Array<[number, number, number]>, x0: number, y0: number, scale: number): string {
  if (cells.length === 0) return '';
  const d = cells.map(([cx, cy, run]) => `M${x0 + cx * scale} ${y0 + cy * scale}h${run * scale}v${scale}h${-run * scale}z`).join('');
  return `<path d="${d}" fill="#000" shape-rendering="crispEdges"/>`;
}

function drawQr(element: QrElement, top: number, dots: number): Drawn {
  let symbol: ReturnType<typeof QRCode.create>;
  try {
    symbol = QRCode.create(element.data, { errorCorrectionLevel: element.ecc });
  } catch {
    return drawText({ kind: 'text', text: '[QR: data does not fit a symbol]', align: 'left', size: 1, bold: false }, top, dots);
  }
  const { size } = symbol.modules;
  const m = element.moduleDots;
  const block = (size + 2 * QUIET_MODULES) * m;
  const x0 = MARGIN + alignOffset(element.align, block, dots) + QUIET_MODULES * m;
  const y0 = top + QUIET_MODULES * m;
  const runs: Array<[number, number, number]> = [];
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size;) {
      if (!symbol.modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < size && symbol.modules.get(row, end)) end++;
      runs.push([col, row, end - col]);
      col = end;
    }
  return { height: block, svg: squaresPath(runs, x0, y0, m) };
}

function drawRaster(element: RasterElement, top: number, dots: number): Drawn {
  const x0 = MARGIN + alignOffset(element.align, element.widthDots, dots);
  const rowBytes = element.widthDots / 8;
  const dark = (x: number, y: number) => ((element.bits[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
  const runs: Array<[number, number, number]> = [];
  for (let y = 0; y < element.height; y++)
    for (let x = 0; x < element.widthDots;) {
      if (!dark(x, y)) {
        x++;
        continue;
      }
      let end = x;
      while (end < element.widthDots && dark(end, y)) end++;
      runs.push([x, y, end - x]);
      x = end;
    }
  return { height: element.height, svg: squaresPath(runs, x0, top, 1) };
}

/** The ticket as SVG (exported for debugging and for a preview; renderTicketPng rasterises it). */
export function ticketSvg(ticket: Ticket): string {
  const { dots } = paperSpecs[ticket.paper];
  const parts: string[] = [];
  let y = MARGIN;
  for (const element of ticket.elements) {
    const drawn =
      element.kind === 'text'
        ? drawText(element, y, dots)
        : element.kind === 'qr'
          ? drawQr(element, y, dots)
          : element.kind === 'raster'
            ? drawRaster(element, y, dots)
            : { height: LINE_DOTS * element.lines, svg: '' };
    parts.push(drawn.svg);
    y += drawn.height;
  }
  // The end of the paper: a dashed cut line, or a note that the job stopped before its cut.
  y += MARGIN;
  const width = dots + 2 * MARGIN;
  parts.push(
    ticket.cut
      ? `<line x1="0" y1="${y + 4}" x2="${width}" y2="${y + 4}" stroke="#888" stroke-width="2" stroke-dasharray="8 6"/>`
      : `<text x="${MARGIN}" y="${y + 14}" font-size="14" fill="#888">(no cut: partial ticket)</text>`,
  );
  const height = y + 20;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` font-family="${FONT_FAMILY}" fill="#000"><rect width="${width}" height="${height}" fill="#fff"/>${parts.join('')}</svg>`
  );
}

const fontOptions = () => {
  const files = NOTO_FILES.filter((file) => existsSync(file));
  return files.length === NOTO_FILES.length
    ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: FONT_FAMILY }
    : { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY };
};

export function renderTicketPng(ticket: Ticket): Buffer {
  return new Resvg(ticketSvg(ticket), { font: fontOptions() }).render().asPng();
}
