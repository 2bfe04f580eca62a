// A QR symbol as a 1-bit raster (for `GS v 0`), for printers whose own QR command is missing or broken.
import QRCode from 'qrcode';
import type { QrEcc } from './slip.js';

/** Quiet zone on every side, in modules (ISO/IEC 18004 asks for 4). */
export const QR_QUIET_MODULES = 4;

export interface QrRaster {
  /** Bytes per raster row (each byte is 8 dots, most significant bit leftmost). */
  widthBytes: number;
  /** Rows, one dot each. */
  height: number;
  /** widthBytes × height bytes, row after row; 1 = black. */
  bits: Uint8Array;
}

/** The module matrix as qrcode builds it: `size` × `size`, row-major, 1 = dark. */
export function qrModules(data: string, ecc: QrEcc): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: ecc });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * The symbol with its quiet zone at `moduleDots` dots per module. The square is (size + 8) × moduleDots dots; the row
 * is rounded up to whole bytes and the spare dots (fewer than 8) are split between left and right so it stays centred.
 */
export function qrRaster(data: string, ecc: QrEcc, moduleDots: number): QrRaster {
  const { size, dark } = qrModules(data, ecc);
  const dots = (size + 2 * QR_QUIET_MODULES) * moduleDots;
  const widthBytes = Math.ceil(dots / 8);
  const offset = Math.floor((widthBytes * 8 - dots) / 2);
  const bits = new Uint8Array(widthBytes * dots);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!dark(row, col)) continue;
      const top = (row + QR_QUIET_MODULES) * moduleDots;
      const left = offset + (col + QR_QUIET_MODULES) * moduleDots;
      for (let y = top; y < top + moduleDots; y++) {
        for (let x = left; x < left + moduleDots; x++) {
          const at = y * widthBytes + (x >> 3);
          bits[at] = bits[at]! | (0x80 >> (x & 7));
        }
      }
    }
  }
  return { widthBytes, height: dots, bits };
}
