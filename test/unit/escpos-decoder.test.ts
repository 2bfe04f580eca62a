// The printer emulator's ESC/POS decoder, command by command from the contract's subset; split bytes; unknown bytes; fuzz.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import QRCode from 'qrcode';
import { createEscPosDecoder, decodeEscPos, type DecoderOutput } from '../../emulators/printer/decoder.js';
import { transcript, type RasterElement, type Ticket, type TicketElement } from '../../emulators/printer/ticket.js';

type Part = number | string | Uint8Array | number[];
/** Bytes from numbers, arrays, Uint8Arrays and ASCII strings, in order. */
const bytes = (...parts: Part[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : [...p])));

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;
const INIT = [ESC, 0x40];
const CHINESE_ON = [FS, 0x26];
const CHINESE_OFF = [FS, 0x2e];
const CUT = [GS, 0x56, 0x00];
const ACK = [GS, 0x72, 0x01];
// GB18030 by hand: 张 D5C5, 三 C8FD (2-byte), U+20000 𠀀 95 32 82 36 (4-byte).
const ZHANG_SAN = [0xd5, 0xc5, 0xc8, 0xfd];
const EXT_B = [0x95, 0x32, 0x82, 0x36];

const qrStore = (data: string) => {
  const d = Buffer.from(data, 'utf8');
  return [GS, 0x28, 0x6b, (d.length + 3) & 0xff, (d.length + 3) >> 8, 0x31, 0x50, 0x30, ...d];
};
const QR_MODEL2 = [GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00];
const qrModule = (n: number) => [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, n];
const qrEcc = (n: number) => [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, n];
const QR_PRINT = [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30];
const raster = (widthBytes: number, rows: number, data: number[]) => [
  GS,
  0x76,
  0x30,
  0x00,
  widthBytes & 0xff,
  widthBytes >> 8,
  rows & 0xff,
  rows >> 8,
  ...data,
];

const onlyTicket = (input: Uint8Array): Ticket => {
  const tickets = decodeEscPos(input);
  assert.equal(tickets.length, 1, 'exactly one ticket');
  return tickets[0] as Ticket;
};
const textOf = (t: Ticket) => t.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));

test('ESC @ resets size, alignment, bold and Chinese mode; style comes from the start of each line', () => {
  const t = onlyTicket(bytes(CHINESE_ON, [GS, 0x21, 0x11], [ESC, 0x61, 1], [ESC, 0x45, 1], 'big', LF, INIT, ZHANG_SAN, LF, CUT));
  assert.deepEqual(t.elements, [
    { kind: 'text', text: 'big', align: 'center', size: 2, bold: true },
    { kind: 'text', text: '????', align: 'left', size: 1, bold: false },
  ]);
  assert.equal(t.cut, true);
  assert.equal(t.paper, '58mm');
});

test("GB18030 text in Chinese mode: '张三' (2-byte) and '𠀀' (4-byte); FS . returns to ASCII on the same line", () => {
  const t = onlyTicket(bytes(INIT, CHINESE_ON, ZHANG_SAN, EXT_B, CHINESE_OFF, ' ok', LF, CUT));
  assert.deepEqual(textOf(t), ['张三𠀀 ok']);
  // Without FS & the same bytes are not Chinese: the printer would show code-page glyphs, we show '?'.
  assert.deepEqual(textOf(onlyTicket(bytes(INIT, ZHANG_SAN, LF, CUT))), ['????']);
});

test('ESC a n: 0/48 left, 1/49 centre, 2/50 right, for text, QR and raster; other values leave it unchanged', () => {
  const t = onlyTicket(
    bytes(
      [ESC, 0x61, 48],
      'a',
      LF,
      [ESC, 0x61, 49],
      'b',
      LF,
      [ESC, 0x61, 2],
      'c',
      LF,
      [ESC, 0x61, 7],
      'd',
      LF,
      [ESC, 0x61, 1],
      qrStore('X'),
      QR_PRINT,
      [ESC, 0x61, 50],
      raster(1, 1, [0xff]),
      CUT,
    ),
  );
  assert.deepEqual(
    t.elements.map((e) => (e.kind === 'feed' ? 'feed' : e.align)),
    ['left', 'center', 'right', 'right', 'center', 'right'],
  );
});

test('ESC E n: bold when n & 1; GS ! n: width multiplier from the high nibble (0x00, 0x11, 0x22, 0x70 → 1, 2, 3, 8)', () => {
  const t = onlyTicket(
    bytes(
      [ESC, 0x45, 1],
      'b',
      LF,
      [ESC, 0x45, 2],
      'n',
      LF,
      [ESC, 0x45, 3],
      [GS, 0x21, 0x11],
      'x',
      LF,
      [GS, 0x21, 0x22],
      'y',
      LF,
      [GS, 0x21, 0x70],
      'z',
      LF,
      CUT,
    ),
  );
  assert.deepEqual(
    t.elements.map((e) => (e.kind === 'text' ? [e.text, e.bold, e.size] : null)),
    [
      ['b', true, 1],
      ['n', false, 1],
      ['x', true, 2],
      ['y', true, 3],
      ['z', true, 8],
    ],
  );
});

test('LF prints the line (an empty one too); ESC d n feeds n lines in all, the printed line being the first', () => {
  const t = onlyTicket(bytes('one', LF, LF, [ESC, 0x64, 3], 'two', [ESC, 0x64, 3], 'three', [ESC, 0x64, 1], CUT));
  assert.deepEqual(
    t.elements.map((e) => (e.kind === 'text' ? `text:${e.text}` : e.kind === 'feed' ? `feed:${e.lines}` : e.kind)),
    ['text:one', 'text:', 'feed:3', 'text:two', 'feed:2', 'text:three'],
  );
});

test('GS ( k: model, module size, ECC, store by byte length (non-ASCII too), print; the stored symbol can print again', () => {
  const data = 'HC1:码 ✓';
  const t = onlyTicket(bytes(QR_MODEL2, qrModule(6), qrEcc(50), qrStore(data), QR_PRINT, qrModule(4), qrEcc(51), QR_PRINT, CUT));
  assert.deepEqual(t.elements, [
    { kind: 'qr', data, moduleDots: 6, ecc: 'Q', align: 'left' },
    { kind: 'qr', data, moduleDots: 4, ecc: 'H', align: 'left' },
  ]);
  // ECC 48/49 → L/M; an out-of-range module size is ignored; print with nothing stored prints nothing.
  const u = onlyTicket(bytes(QR_PRINT, qrEcc(48), qrModule(17), qrStore('a'), QR_PRINT, qrEcc(49), QR_PRINT, CUT));
  assert.deepEqual(
    u.elements.map((e) => (e.kind === 'qr' ? `${e.ecc}${e.moduleDots}` : e.kind)),
    ['L3', 'M3'],
  );
});

test('a QR or raster command after unfinished text prints that text first', () => {
  const t = onlyTicket(bytes('label', qrStore('Q'), QR_PRINT, 'more', raster(1, 1, [0x80]), CUT));
  assert.deepEqual(
    t.elements.map((e) => e.kind),
    ['text', 'qr', 'text', 'raster'],
  );
});

test('GS v 0: (xL + 256·xH) bytes per row, (yL + 256·yH) rows, kept bit for bit (data bytes that look like commands too)', () => {
  const data = Array.from({ length: 2 * 3 }, (_, i) => [0x0a, 0x1d, 0x56, 0x1b, 0x40, 0xa5][i] ?? 0);
  const t = onlyTicket(bytes(raster(2, 3, data), CUT));
  const image = t.elements[0] as RasterElement;
  assert.equal(image.kind, 'raster');
  assert.equal(image.widthDots, 16);
  assert.equal(image.height, 3);
  assert.deepEqual([...image.bits], data);
  assert.equal(t.elements.length, 1);
});

test('GS V 0/48/1/49 cut; GS V 65/66 n feed n lines, then cut; every cut ends a ticket', () => {
  const tickets = decodeEscPos(
    bytes('a', LF, CUT, 'b', LF, [GS, 0x56, 48], 'c', LF, [GS, 0x56, 1], 'd', LF, [GS, 0x56, 49], 'e', LF, [GS, 0x56, 65, 3], 'f', LF, [
      GS,
      0x56,
      66,
      0,
    ]),
  );
  assert.deepEqual(
    tickets.map((t) => [
      t.cut,
      t.elements.map((e) => (e.kind === 'text' ? e.text : `${e.kind}${e.kind === 'feed' ? e.lines : ''}`)).join(','),
    ]),
    [
      [true, 'a'],
      [true, 'b'],
      [true, 'c'],
      [true, 'd'],
      [true, 'e,feed3'],
      [true, 'f'],
    ],
  );
});

test('DLE EOT n (1–4) and GS r 1 / GS r 49 come out in byte order between tickets; DLE EOT does not break a line', () => {
  const decoder = createEscPosDecoder();
  const outputs = decoder.push(
    bytes(
      [0x10, 0x04, 4],
      'ab',
      [0x10, 0x04, 1],
      'cd',
      LF,
      CUT,
      ACK,
      [0x10, 0x04, 2],
      [0x10, 0x04, 3],
      [0x10, 0x04, 5],
      [GS, 0x72, 0x31],
      [GS, 0x72, 2],
    ),
  );
  assert.deepEqual(
    outputs.map((o) => (o.kind === 'status-request' ? `eot${o.n}` : o.kind === 'ticket' ? `ticket:${textOf(o.ticket).join('|')}` : 'ack')),
    ['eot4', 'eot1', 'ticket:abcd', 'ack', 'eot2', 'eot3', 'ack'],
  );
});

test('commands outside the subset are skipped by their known length, so their parameters never print', () => {
  const t = onlyTicket(
    bytes(
      'A',
      [ESC, 0x33, 0x0a], // line spacing 10 (its parameter is an LF byte)
      [ESC, 0x2a, 0x00, 0x03, 0x00, 0x0a, 0x41, 0x42], // 8-dot bit image, 3 columns
      [GS, 0x4c, 0x0a, 0x00], // left margin
      [GS, 0x28, 0x4c, 0x04, 0x00, 0x30, 0x0a, 0x1d, 0x56], // graphics function, 4 bytes
      [GS, 0x6b, 0x04, 0x31, 0x32, 0x0a, 0x00], // CODE39 barcode up to NUL
      [GS, 0x6b, 0x49, 0x03, 0x7b, 0x42, 0x0a], // CODE128 with a length
      [ESC, 0x44, 0x08, 0x10, 0x00], // tab stops up to NUL
      [ESC, 0x26, 0x03, 0x41, 0x42, 0x02, 1, 2, 3, 4, 5, 6, 0x01, 0x0a, 0x0a, 0x0a], // two user characters
      [0x10, 0x14, 0x01, 0x00, 0x01], // real-time pulse
      [ESC, 0x58], // unknown ESC X: just the two bytes
      0x0d, // CR: nothing
      'B',
      LF,
      CUT,
    ),
  );
  assert.deepEqual(t.elements, [{ kind: 'text', text: 'AB', align: 'left', size: 1, bold: false }]);
});

test('a line wider than the roll wraps as the printer does: 32 columns on 58 mm, 48 on 80 mm, CJK two, size multiplies', () => {
  const ascii = 'x'.repeat(40);
  assert.deepEqual(
    textOf(onlyTicket(bytes(ascii, LF, CUT))).map((s) => s.length),
    [32, 8],
  );
  assert.deepEqual(textOf(decodeEscPos(bytes(ascii, LF, CUT), { paper: '80mm' })[0] as Ticket), [ascii]);
  const cjk = Array.from({ length: 20 }, () => ZHANG_SAN.slice(0, 2)).flat();
  assert.deepEqual(
    textOf(onlyTicket(bytes(CHINESE_ON, cjk, LF, CUT))).map((s) => s.length),
    [16, 4],
  );
  assert.deepEqual(
    textOf(onlyTicket(bytes([GS, 0x21, 0x11], ascii, LF, CUT))).map((s) => s.length),
    [16, 16, 8],
  );
});

test('flushPartial returns the uncut rest (with an unfinished line) and starts clean; decodeEscPos puts it last', () => {
  const decoder = createEscPosDecoder();
  assert.equal(decoder.flushPartial(), null);
  decoder.push(bytes('done', LF, CUT, 'half', LF, 'no LF'));
  const partial = decoder.flushPartial();
  assert.deepEqual(partial && [partial.cut, textOf(partial)], [false, ['half', 'no LF']]);
  assert.equal(decoder.flushPartial(), null);
  assert.equal(decoder.idle(), true);

  const tickets = decodeEscPos(bytes('a', LF, CUT, 'b', LF));
  assert.deepEqual(
    tickets.map((t) => [t.cut, textOf(t)]),
    [
      [true, ['a']],
      [false, ['b']],
    ],
  );
});

test('accept() refusing an element closes what was printed as a partial ticket and drops the rest, cut included', () => {
  let allowed = 2;
  const decoder = createEscPosDecoder({ accept: (item) => item.kind !== 'cut' && allowed-- > 0 });
  const outputs = decoder.push(bytes('1', LF, '2', LF, '3', LF, '4', LF, CUT, ACK));
  assert.deepEqual(
    outputs.map((o) => (o.kind === 'ticket' ? [o.ticket.cut, textOf(o.ticket)] : o.kind)),
    [[false, ['1', '2']], 'ack-request'],
  );
  assert.equal(decoder.flushPartial(), null);
});

test('fork() copies modes, stored QR and the open ticket; the two decoders then go their own ways', () => {
  const decoder = createEscPosDecoder();
  decoder.push(bytes(CHINESE_ON, qrStore('KEEP'), 'first', LF, [GS, 0x76]));
  const copy = decoder.fork();
  const a = decoder.push(bytes(0x30, 0, 1, 0, 1, 0, 0xff, ZHANG_SAN, LF, CUT));
  const b = copy.push(bytes(0x30, 0, 1, 0, 1, 0, 0x00, QR_PRINT, CUT));
  const kinds = (o: DecoderOutput[]) =>
    o[0]?.kind === 'ticket' ? o[0].ticket.elements.map((e) => (e.kind === 'text' ? e.text : e.kind)) : [];
  assert.deepEqual(kinds(a), ['first', 'raster', '张三']);
  assert.deepEqual(kinds(b), ['first', 'raster', 'qr']);
});

const sampleJob = () => {
  const qr = QRCode.create('RASTER', { errorCorrectionLevel: 'M' }).modules;
  const widthBytes = Math.ceil(qr.size / 8);
  const rows: number[] = [];
  for (let y = 0; y < qr.size; y++)
    for (let xb = 0; xb < widthBytes; xb++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) if (xb * 8 + bit < qr.size && qr.get(y, xb * 8 + bit)) byte |= 0x80 >> bit;
      rows.push(byte);
    }
  return bytes(
    [0x10, 0x04, 4],
    INIT,
    CHINESE_ON,
    [ESC, 0x61, 1],
    [GS, 0x21, 0x11],
    [ESC, 0x45, 1],
    ZHANG_SAN,
    LF,
    [GS, 0x21, 0x00],
    [ESC, 0x45, 0],
    [ESC, 0x61, 0],
    EXT_B,
    'ID 37**12',
    LF,
    QR_MODEL2,
    qrModule(6),
    qrEcc(50),
    qrStore('HC1:ABC'),
    QR_PRINT,
    raster(widthBytes, qr.size, rows),
    [ESC, 0x64, 2],
    [GS, 0x56, 66, 3],
    ACK,
  );
};

test('a job split in two at every offset, and fed one byte at a time, decodes exactly as in one push', () => {
  const job = sampleJob();
  const whole = createEscPosDecoder().push(job);
  assert.deepEqual(
    whole.map((o) => o.kind),
    ['status-request', 'ticket', 'ack-request'],
  );
  for (let k = 0; k <= job.length; k++) {
    const decoder = createEscPosDecoder();
    const split = [...decoder.push(job.subarray(0, k)), ...decoder.push(job.subarray(k))];
    assert.deepEqual(split, whole, `split at ${k}`);
  }
  const decoder = createEscPosDecoder();
  const oneByOne = [...job].flatMap((b) => decoder.push(Uint8Array.of(b)));
  assert.deepEqual(oneByOne, whole);
});

test('transcript: aligned text (CJK two columns, size multiplies), QR line, image with the QR jsqr reads, feeds, cut', () => {
  const [ticket] = decodeEscPos(sampleJob());
  assert.ok(ticket);
  assert.equal(
    transcript(ticket),
    ['            张三', '𠀀ID 37**12', '[QR ecc=Q module=6] HC1:ABC', '[IMAGE 24x21] qr=RASTER', '[FEED 2]', '[FEED 3]', '[CUT]', ''].join(
      '\n',
    ),
  );
  const right: Ticket = { paper: '80mm', cut: false, elements: [{ kind: 'text', text: 'end', align: 'right', size: 1, bold: false }] };
  assert.equal(transcript(right), `${' '.repeat(45)}end\n`);
});

test('fuzz: random bytes in random chunks never throw, and every element is well formed', () => {
  const elementOk = (e: TicketElement) =>
    e.kind === 'raster' ? e.bits.length === (e.widthDots / 8) * e.height : e.kind === 'text' ? e.size >= 1 && e.size <= 8 : true;
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 24 }), (chunks) => {
      const decoder = createEscPosDecoder();
      for (const chunk of chunks)
        for (const o of decoder.push(chunk)) if (o.kind === 'ticket') assert.ok(o.ticket.elements.every(elementOk));
      decoder.flushPartial();
    }),
    { numRuns: 3000 },
  );
});

test('fuzz: command-shaped noise (ESC/GS/FS/DLE heads with random parameters, lengths and payloads) never throws', () => {
  const heads = [ESC, GS, FS, 0x10, LF];
  const piece = fc.oneof(
    fc
      .tuple(fc.constantFrom(...heads), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 12 }))
      .map(([h, c, rest]) => bytes(h, c, rest)),
    fc
      .tuple(fc.constantFrom(0x28, 0x76, 0x6b, 0x38), fc.uint8Array({ minLength: 5, maxLength: 40 }))
      .map(([c, rest]) => bytes(GS, c, rest)),
    fc.uint8Array({ maxLength: 16 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 17 }), (pieces, chunkSize) => {
      const all = bytes(...pieces);
      const decoder = createEscPosDecoder({ paper: '80mm' });
      for (let i = 0; i < all.length; i += chunkSize) decoder.push(all.subarray(i, i + chunkSize));
      decoder.flushPartial();
      decoder.fork().push(bytes(LF, CUT));
    }),
    { numRuns: 3000 },
  );
});

test('a huge declared raster length (4 GB) is skipped as it streams, not allocated up front', () => {
  const decoder = createEscPosDecoder();
  const before = process.memoryUsage().arrayBuffers;
  assert.deepEqual(decoder.push(bytes([GS, 0x76, 0x30, 0, 0xff, 0xff, 0xff, 0xff], 'payload', LF, CUT)), []);
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024);
  assert.equal(decoder.idle(), false, 'still inside the image');
});
