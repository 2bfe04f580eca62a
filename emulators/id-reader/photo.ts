// The demo cards' photo: a tiny grey head-and-shoulders silhouette PNG, built at load time so no image file ships.
import { deflateSync } from 'node:zlib';
import { PHOTO_BYTES } from '../../electron/core/devices/id-reader/layout.js';

const WIDTH = 51;
const HEIGHT = 63;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** 8-bit greyscale: light background, a darker head (ellipse) and shoulders (half ellipse). */
function silhouettePng(): Uint8Array {
  const raw = Buffer.alloc(HEIGHT * (WIDTH + 1));
  for (let y = 0; y < HEIGHT; y++) {
    raw[y * (WIDTH + 1)] = 0; // filter: none
    for (let x = 0; x < WIDTH; x++) {
      const head = ((x - 25) / 11) ** 2 + ((y - 22) / 14) ** 2 <= 1;
      const shoulders = y >= 40 && ((x - 25) / 24) ** 2 + ((y - 63) / 22) ** 2 <= 1;
      raw[y * (WIDTH + 1) + 1 + x] = head || shoulders ? 0x70 : 0xd8;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, colour type 0 (grey), deflate, adaptive filters, no interlace
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

export const silhouette: Uint8Array = silhouettePng();
if (silhouette.length > PHOTO_BYTES) throw new Error(`demo photo is ${silhouette.length} bytes, more than the ${PHOTO_BYTES}-byte field`);

/** The 1024-byte photo field: the PNG, then zeros (image viewers stop at IEND). */
export function photoField(): Uint8Array {
  const field = new Uint8Array(PHOTO_BYTES);
  field.set(silhouette);
  return field;
}
