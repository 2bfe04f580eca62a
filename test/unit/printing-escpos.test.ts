// ESC/POS encoding against hand-written bytes from the command list, the QR store length in bytes, GB18030 text,
// no command injection through printed text, and the raster QR read back with jsqr.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { encodeSlip } from '../../electron/core/printing/escpos.js';
import { qrRaster } from '../../electron/core/printing/raster-qr.js';
import type { Paper, Slip } from '../../electron/core/printing/slip.js';

// jsqr's CommonJS exports object is the function and carries it as `default` too; NodeNext types only the latter.
const jsQR = jsQRModule.default;

const bytes = (...parts: (number | string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const includes = (haystack: Uint8Array, needle: number[]) => Buffer.from(haystack).includes(Buffer.from(needle));

const everyBlock = (paper: Paper): Slip => ({
  paper,
  blocks: [
    { kind: 'text', text: 'Hi', align: 'center', size: 2, bold: true },
    { kind: 'text', text: '中文', align: 'left', size: 1, bold: false },
    { kind: 'pair', left: 'A', right: 'B', bold: false },
    { kind: 'rule' },
    { kind: 'qr', data: 'AB', moduleDots: 4, ecc: 'M' },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ],
});

/** The expected stream, written out from the command list rather than from the encoder's own tables. */
function expectedEveryBlock(columns: number): Uint8Array {
  return bytes(
    [0x1b, 0x40], // ESC @
    [0x1b, 0x61, 0x01, 0x1d, 0x21, 0x11, 0x1b, 0x45, 0x01], // centre, double size, bold on
    'Hi',
    0x0a,
    [0x1b, 0x61, 0x00, 0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00], // left, size 1, bold off
    [0x1c, 0x26, 0xd6, 0xd0, 0xce, 0xc4, 0x1c, 0x2e], // FS & 中文 (GB18030) FS .
    0x0a,
    `A${' '.repeat(columns - 2)}B`,
    0x0a,
    '-'.repeat(columns),
    0x0a,
    [0x1b, 0x61, 0x01], // a QR is centred
    [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00], // model 2
    [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x04], // 4 dots per module
    [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31], // ECC M = 49
    [0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42], // store "AB": 2 bytes + 3
    [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], // print
    [0x1b, 0x64, 0x02], // ESC d 2
    [0x1d, 0x56, 0x42, 0x03], // GS V 66 3
  );
}

test('a slip with every block kind encodes to the exact expected bytes (58 mm)', () => {
  assert.equal(hex(encodeSlip(everyBlock('58mm'), { qrMode: 'native' })), hex(expectedEveryBlock(32)));
});

test('a slip with every block kind encodes to the exact expected bytes (80 mm)', () => {
  assert.equal(hex(encodeSlip(everyBlock('80mm'), { qrMode: 'native' })), hex(expectedEveryBlock(48)));
});

test('ESC a, GS ! and ESC E are sent only when they change', () => {
  const slip: Slip = {
    paper: '58mm',
    blocks: [
      { kind: 'text', text: 'one', align: 'right', size: 3, bold: true },
      { kind: 'text', text: 'two', align: 'right', size: 3, bold: true },
      { kind: 'text', text: 'three', align: 'right', size: 3, bold: false },
    ],
  };
  assert.equal(
    hex(encodeSlip(slip, { qrMode: 'native' })),
    hex(
      bytes(
        [0x1b, 0x40, 0x1b, 0x61, 0x02, 0x1d, 0x21, 0x22, 0x1b, 0x45, 0x01],
        'one',
        0x0a,
        'two',
        0x0a,
        [0x1b, 0x45, 0x00],
        'three',
        0x0a,
      ),
    ),
  );
});

test('non-ASCII lines go as GB18030 inside FS & … FS ., four-byte characters included', () => {
  const text = '补打 1 · 𠀀€';
  const out = encodeSlip({ paper: '58mm', blocks: [{ kind: 'text', text, align: 'left', size: 1, bold: false }] }, { qrMode: 'native' });
  const gb = iconv.encode(text, 'gb18030');
  assert.ok(includes(gb, [0x95, 0x32, 0x82, 0x36]), '𠀀 is a four-byte GB18030 sequence');
  assert.equal(hex(out), hex(bytes([0x1b, 0x40, 0x1c, 0x26], [...gb], [0x1c, 0x2e, 0x0a])));
  assert.equal(iconv.decode(Buffer.from(out.subarray(4, -3)), 'gb18030'), text);
});

test('the QR store command counts BYTES: a payload whose byte length differs from its string length', () => {
  const data = `é${'Z'.repeat(300)}`; // 301 characters, 302 UTF-8 bytes
  const out = encodeSlip({ paper: '80mm', blocks: [{ kind: 'qr', data, moduleDots: 3, ecc: 'L' }] }, { qrMode: 'native' });
  const length = 302 + 3;
  const store = [0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30, 0xc3, 0xa9, 0x5a];
  assert.ok(includes(out, store), 'pL pH = 0x31 0x01 and the UTF-8 bytes of é follow');
  assert.ok(includes(out, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x30]), 'ECC L = 48');
  assert.ok(!includes(out, [0x1d, 0x28, 0x6b, 304 & 0xff, 304 >> 8, 0x31, 0x50]), 'not the string length');
});

test('a long feed is split into ESC d commands of at most 255 lines', () => {
  const out = encodeSlip({ paper: '58mm', blocks: [{ kind: 'feed', lines: 300 }] }, { qrMode: 'native' });
  assert.equal(hex(out), hex(bytes([0x1b, 0x40, 0x1b, 0x64, 0xff, 0x1b, 0x64, 45])));
});

test('a name carrying "\\x1b@" or "\\x1dV" produces no such bytes', () => {
  const name = '张\x1b@三\x1dV\x1b\x64\x09王\u202e';
  const slip: Slip = {
    paper: '58mm',
    blocks: [
      { kind: 'text', text: name, align: 'left', size: 1, bold: false },
      { kind: 'pair', left: 'Name', right: name, bold: false },
    ],
  };
  const out = encodeSlip(slip, { qrMode: 'native' });
  assert.ok(!includes(out.subarray(2), [0x1b, 0x40]), 'no ESC @ after the first');
  assert.ok(!includes(out, [0x1d, 0x56]), 'no GS V');
  assert.ok(!includes(out, [0x1b, 0x64]), 'no ESC d');
  assert.ok(!out.includes(0x1b, 2) && !out.includes(0x1d), 'no ESC or GS at all after ESC @');
});

test('property: printed text never yields a control byte outside the encoder’s own commands', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 80 });
  fc.assert(
    fc.property(anyText, fc.constantFrom<Paper>('58mm', '80mm'), (text, paper) => {
      const out = encodeSlip({ paper, blocks: [{ kind: 'text', text, align: 'left', size: 1, bold: false }] }, { qrMode: 'native' });
      // Strip exactly what the encoder may add around text; every byte left must be printable (≥ 0x20).
      let rest = Buffer.from(out.subarray(2)).toString('latin1');
      rest = rest.replaceAll('\x1c&', '').replaceAll('\x1c.', '').replaceAll('\n', '');
      for (const ch of rest) assert.ok(ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f, `byte 0x${ch.charCodeAt(0).toString(16)}`);
    }),
    { numRuns: 1_000 },
  );
});

/** 1-bit raster → RGBA for jsqr, with `margin` white dots around it. */
function rasterToRgba(raster: { widthBytes: number; height: number; bits: Uint8Array }, margin = 8) {
  const width = raster.widthBytes * 8 + 2 * margin;
  const height = raster.height + 2 * margin;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.widthBytes * 8; x++) {
      if (raster.bits[y * raster.widthBytes + (x >> 3)]! & (0x80 >> (x & 7))) {
        const at = ((y + margin) * width + x + margin) * 4;
        rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
      }
    }
  }
  return { rgba, width, height };
}

const base45Sample =
  'J6036W BS0H7B0G1V3C%8.803SJ.80IRJ.803RO: O-942JPJVG860Y521FIHWEDR8$BN3FFU2LUGP:+T/EIJ*8+.EJV48$TSLE0EW-IRT2L6QE1IIB.7.Q8/LR6AJSDT-8UC252YFCNL*5NJMC:3TF5120';

test('raster QR: the bitmap decodes back to the data with jsqr', () => {
  for (const [data, ecc, moduleDots] of [
    [base45Sample, 'Q', 6],
    ['HELLO 12345', 'H', 3],
    ['https://example.org/é?q=1', 'M', 2],
  ] as const) {
    const raster = qrRaster(data, ecc, moduleDots);
    const { rgba, width, height } = rasterToRgba(raster);
    assert.equal(jsQR(rgba, width, height)?.data, data);
  }
});

test('raster QR: size from the module count with a 4-module quiet zone, MSB leftmost, centred in its bytes', () => {
  const size = QRCode.create(base45Sample, { errorCorrectionLevel: 'Q' }).modules.size;
  assert.equal(size, 49, 'version 8');
  const raster = qrRaster(base45Sample, 'Q', 6);
  assert.equal(raster.height, (49 + 8) * 6);
  assert.equal(raster.widthBytes, Math.ceil(342 / 8));
  assert.equal(raster.bits.length, raster.widthBytes * raster.height);
  const dark = (x: number, y: number) => (raster.bits[y * raster.widthBytes + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
  const offset = (raster.widthBytes * 8 - 342) / 2; // 344 − 342 = 2 spare dots: one each side
  assert.equal(offset, 1);
  const finderLeft = offset + 4 * 6;
  assert.ok(dark(finderLeft, 24) && !dark(finderLeft - 1, 24), 'the finder pattern starts right after the quiet zone');
  assert.ok(dark(finderLeft + 7 * 6 - 1, 24) && !dark(finderLeft + 7 * 6, 24), 'and is 7 modules wide');
  for (let y = 0; y < 24; y++) for (let x = 0; x < raster.widthBytes * 8; x++) assert.ok(!dark(x, y), 'top quiet zone is white');
});

test('raster mode: a centred GS v 0 with the raster’s own size and bits', () => {
  for (const paper of ['58mm', '80mm'] as const) {
    const slip: Slip = { paper, blocks: [{ kind: 'qr', data: base45Sample, moduleDots: 6, ecc: 'Q' }, { kind: 'cut' }] };
    const raster = qrRaster(base45Sample, 'Q', 6);
    const header = [0x1d, 0x76, 0x30, 0x00, raster.widthBytes & 0xff, raster.widthBytes >> 8, raster.height & 0xff, raster.height >> 8];
    assert.equal(
      hex(encodeSlip(slip, { qrMode: 'raster' })),
      hex(bytes([0x1b, 0x40, 0x1b, 0x61, 0x01], header, [...raster.bits], [0x1d, 0x56, 0x42, 0x03])),
    );
  }
  const native = encodeSlip({ paper: '58mm', blocks: [{ kind: 'qr', data: base45Sample, moduleDots: 6, ecc: 'Q' }] }, { qrMode: 'native' });
  assert.ok(native.length < 220, `native QR of 155 characters is ${native.length} bytes`);
});

test('raster mode refuses a QR wider than the paper rather than letting the printer clip it', () => {
  const slip: Slip = { paper: '58mm', blocks: [{ kind: 'qr', data: base45Sample, moduleDots: 7, ecc: 'Q' }] };
  assert.throws(() => encodeSlip(slip, { qrMode: 'raster' }), RangeError); // (49 + 8) × 7 = 399 > 384
  assert.doesNotThrow(() => encodeSlip({ ...slip, paper: '80mm' }, { qrMode: 'raster' }));
});
