// Slip → ESC/POS bytes, in the small command subset the printer emulator (emulators/printer) also decodes. Built by
// hand rather than with node-thermal-printer: its QR length and its CJK encoding and padding are wrong (STACK.md).
import iconv from 'iconv-lite';
import { layoutSlip, type SlipRow } from './layout.js';
import { qrRaster } from './raster-qr.js';
import { paperSpecs, type Align, type QrEcc, type QrMode, type Slip, type TextSize } from './slip.js';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

const alignByte: Record<Align, number> = { left: 0, center: 1, right: 2 };
/** GS ! : high nibble width − 1, low nibble height − 1; the kiosk always scales both. */
const sizeByte: Record<TextSize, number> = { 1: 0x00, 2: 0x11, 3: 0x22 };
const eccByte: Record<QrEcc, number> = { L: 48, M: 49, Q: 50, H: 51 };
/** `ESC d n` takes one byte. */
const MAX_FEED = 255;
/** `GS V 66 n`: feed this many lines past the last printed line, then cut partially (leaving a tab to tear). */
export const CUT_FEED_LINES = 3;

export interface EncodeOptions {
  qrMode: QrMode;
}

/** The whole slip as one ESC/POS stream, starting with `ESC @`. The job's `GS r 1` acknowledgement is the caller's. */
export function encodeSlip(slip: Slip, options: EncodeOptions): Uint8Array {
  const out = new ByteSink();
  out.push(ESC, 0x40); // after ESC @: left, size 1, bold off, Chinese mode off
  const state = { align: 'left' as Align, size: 1 as TextSize, bold: false };
  const setAlign = (align: Align) => {
    if (align !== state.align) out.push(ESC, 0x61, alignByte[align]);
    state.align = align;
  };
  for (const row of layoutSlip(slip)) {
    switch (row.kind) {
      case 'text':
        setAlign(row.align);
        if (row.size !== state.size) out.push(GS, 0x21, sizeByte[row.size]);
        if (row.bold !== state.bold) out.push(ESC, 0x45, row.bold ? 1 : 0);
        state.size = row.size;
        state.bold = row.bold;
        encodeText(out, row.text);
        break;
      case 'qr':
        setAlign('center');
        if (options.qrMode === 'native') encodeNativeQr(out, row);
        else encodeRasterQr(out, row, paperSpecs[slip.paper].dots);
        break;
      case 'feed':
        for (let left = row.lines; left > 0; left -= MAX_FEED) out.push(ESC, 0x64, Math.min(left, MAX_FEED));
        break;
      case 'cut':
        out.push(GS, 0x56, 66, CUT_FEED_LINES);
        break;
    }
  }
  return out.bytes();
}

/**
 * One line and its LF. ASCII goes as ASCII; a line with anything else goes as GB18030 inside `FS &` … `FS .`. The
 * text went through printableText, so no byte below 0x20 can come out of it: GB18030 multi-byte sequences use only
 * bytes ≥ 0x30.
 */
function encodeText(out: ByteSink, text: string): void {
  if (/^[\x20-\x7e]*$/.test(text)) {
    out.append(Buffer.from(text, 'latin1'));
  } else {
    out.push(FS, 0x26);
    out.append(iconv.encode(text, 'gb18030'));
    out.push(FS, 0x2e);
  }
  out.push(LF);
}

/** `GS ( k`, model 2: select model, module size, ECC, store (length in BYTES, + 3 for cn fn m), print. */
function encodeNativeQr(out: ByteSink, row: Extract<SlipRow, { kind: 'qr' }>): void {
  const data = Buffer.from(row.data, 'utf8');
  const length = data.length + 3;
  if (length > 0xffff) throw new RangeError(`QR data of ${data.length} bytes does not fit one GS ( k store command`);
  out.push(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00);
  out.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, row.moduleDots);
  out.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, eccByte[row.ecc]);
  out.push(GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30);
  out.append(data);
  out.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30);
}

/** `GS v 0` of the symbol with its quiet zone; refused when wider than the paper, since the printer would clip it. */
function encodeRasterQr(out: ByteSink, row: Extract<SlipRow, { kind: 'qr' }>, paperDots: number): void {
  const { widthBytes, height, bits } = qrRaster(row.data, row.ecc, row.moduleDots);
  if (height > paperDots) throw new RangeError(`QR is ${height} dots wide with its quiet zone; the paper has ${paperDots}`);
  out.push(GS, 0x76, 0x30, 0, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8);
  out.append(bits);
}

/** Collects small commands and big payloads, copying once at the end. */
class ByteSink {
  private readonly parts: Uint8Array[] = [];
  private length = 0;
  push(...bytes: number[]): void {
    this.append(Uint8Array.from(bytes));
  }
  append(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
