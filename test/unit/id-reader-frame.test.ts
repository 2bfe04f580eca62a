// SAM frames: the known find-card bytes, split reads, garbage, bad length, bad checksum, oversize — never a throw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame, FrameDecoder, MAX_LENGTH, PREAMBLE } from '../../electron/core/devices/id-reader/frame.js';
import { commands } from '../../electron/core/devices/id-reader/protocol.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('find card encodes to the bytes vendors document', () => {
  assert.equal(hex(encodeFrame(commands.findCard)), 'aaaaaa9669000320012' + '2');
});

test('a frame split into single bytes decodes once, with nothing held afterwards', () => {
  const frame = encodeFrame(Uint8Array.of(0x00, 0x00, 0x9f, 1, 2, 3));
  const decoder = new FrameDecoder();
  const events = [...frame].flatMap((b) => decoder.push(Uint8Array.of(b)));
  assert.deepEqual(events, [{ type: 'frame', payload: Uint8Array.of(0x00, 0x00, 0x9f, 1, 2, 3) }]);
  assert.equal(decoder.pending, 0);
});

test('garbage before the preamble is reported and skipped; a split preamble at the end is kept', () => {
  const decoder = new FrameDecoder();
  const frame = encodeFrame(Uint8Array.of(0, 0, 0x90));
  assert.deepEqual(decoder.push(Uint8Array.of(1, 2, 3, ...PREAMBLE.subarray(0, 3))), [{ type: 'error', code: 'garbage', bytes: 3 }]);
  assert.equal(decoder.pending, 3);
  assert.deepEqual(decoder.push(frame.subarray(3)), [{ type: 'frame', payload: Uint8Array.of(0, 0, 0x90) }]);
});

test('a bad checksum, a zero length and an oversize length are reported, and the next good frame still arrives', () => {
  const good = encodeFrame(Uint8Array.of(0, 0, 0x90));
  const corrupt = Uint8Array.from(good);
  corrupt[corrupt.length - 1]! ^= 0xff;
  const zero = Uint8Array.of(...PREAMBLE, 0, 0);
  const big = Uint8Array.of(...PREAMBLE, (MAX_LENGTH + 1) >> 8, (MAX_LENGTH + 1) & 0xff);
  const events = new FrameDecoder().push(Uint8Array.of(...corrupt, ...zero, ...big, ...good));
  const codes = events.map((e) => (e.type === 'frame' ? 'frame' : e.code));
  assert.ok(codes.includes('bad-checksum'));
  assert.ok(codes.includes('bad-length'));
  assert.ok(codes.includes('oversize'));
  assert.equal(codes.at(-1), 'frame');
});
