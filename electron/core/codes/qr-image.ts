// Reads the text of a QR code out of a PNG image (a photo or scan of a slip, or a rendered code), for the CLI.
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is a CommonJS bundle whose exports object is the function and also carries it as `default`; TypeScript (NodeNext)
// types the default import as the module, so the function is taken from `default`, which works either way.
const jsQR = jsQRModule.default;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start with the 8-byte PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return PNG_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * The text of the first QR code found in the PNG, or null when the bytes are not a PNG or no code is found. jsQR does
 * the grey-scale thresholding itself, and also tries the inverted image (a light code on a dark background).
 */
export function decodeQrPng(png: Uint8Array): string | null {
  if (!isPng(png)) return null;
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } catch {
    return null;
  }
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const found = jsQR(pixels, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return found === null ? null : found.data;
}
