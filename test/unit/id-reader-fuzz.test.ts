// Fuzz: ≥ 1,000,000 mutated reader frames through FrameDecoder → parseReply → card decode: no throw, no slow push.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { performance } from 'node:perf_hooks';
import { decodeCardData, encodeCardData, encodeCardText } from '../../electron/core/devices/id-reader/card.js';
import { encodeFrame, FrameDecoder, MAX_LENGTH, PREAMBLE } from '../../electron/core/devices/id-reader/frame.js';
import { parseReply } from '../../electron/core/devices/id-reader/protocol.js';
import { demoCards } from '../../emulators/id-reader/demo-cards.js';
import { photoField } from '../../emulators/id-reader/photo.js';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 1_000_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : Math.floor(Math.random() * 2 ** 32);
console.log('fuzz seed', seed);

/** mulberry32: small, fast, and reproducible from the printed seed. */
function prng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = prng(seed);
const int = (n: number) => Math.floor(random() * n);

const readPayloads = demoCards.map((c) => Uint8Array.of(0, 0, 0x90, ...encodeCardData(encodeCardText(c.fields, c.cardType), photoField())));
const smallPayloads = [
  [0, 0, 0x9f, 0, 0, 0, 0],
  [0, 0, 0x80],
  [0, 0, 0x90, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0x41],
  [0, 0, 0x60],
  [0x20, 0x01],
].map((p) => Uint8Array.from(p));

// Framed once up front: the fuzz loop should spend its time in the decoder, not in building (and collecting) inputs.
const readFrames = readPayloads.map(encodeFrame);
const smallFrames = smallPayloads.map(encodeFrame);

/** One frame's worth of bytes, mutated one of several ways; `intactRead` when it is an untouched read reply. */
function mutatedFrame(): { bytes: Uint8Array; intactRead: boolean } {
  const isRead = random() < 0.2;
  const which = int(isRead ? readPayloads.length : smallPayloads.length);
  const payload = isRead ? readPayloads[which]! : smallPayloads[which]!;
  const frame = isRead ? readFrames[which]! : smallFrames[which]!;
  const kind = int(10);
  if (kind === 0) return { bytes: frame, intactRead: isRead };
  if (kind <= 3) {
    // Payload mutated, then framed with a correct checksum: this is what reaches parseReply and the card decoder.
    const p = Uint8Array.from(payload.subarray(0, random() < 0.2 ? int(payload.length + 1) : payload.length));
    const flips = 1 + int(4);
    for (let i = 0; i < flips && p.length > 0; i++) p[int(p.length)] = int(256);
    if (isRead && p.length > 7 && random() < 0.5) p.set([int(256), int(256), int(256), int(256)], 3); // random text/photo lengths
    if (isRead && p.length > 252 && random() < 0.3) p[3 + 4 + 248] = int(256); // random card-type char
    return { bytes: encodeFrame(p), intactRead: false };
  }
  switch (kind) {
    case 4: {
      const f = Uint8Array.from(frame);
      for (let i = 0, n = 1 + int(3); i < n; i++) f[int(f.length)]! ^= 1 << int(8);
      return { bytes: f, intactRead: false };
    }
    case 5:
      return { bytes: frame.subarray(0, int(frame.length)), intactRead: false };
    case 6: {
      const at = int(frame.length);
      const insert = random() < 0.5 ? PREAMBLE.subarray(0, 1 + int(5)) : Uint8Array.from({ length: 1 + int(16) }, () => int(256));
      const f = new Uint8Array(frame.length + insert.length);
      f.set(frame.subarray(0, at));
      f.set(insert, at);
      f.set(frame.subarray(at), at + insert.length);
      return { bytes: f, intactRead: false };
    }
    case 7: {
      const f = Uint8Array.from(frame);
      f[5] = int(256);
      f[6] = int(256);
      return { bytes: f, intactRead: false };
    }
    case 8:
      return { bytes: Uint8Array.from({ length: int(64) }, () => int(256)), intactRead: false };
    default: {
      // Two frames run together, the first cut short.
      const other = smallFrames[int(smallFrames.length)]!;
      const cut = frame.subarray(0, int(frame.length));
      const f = new Uint8Array(cut.length + other.length);
      f.set(cut);
      f.set(other, cut.length);
      return { bytes: f, intactRead: false };
    }
  }
}

type Tally = { frames: number; errors: number; cards: number; cardErrors: number; thrown: number; slowest: number; replays: number };

const SLOW_MS = 100;
/** The decoder's held bytes (test-only peek): with them a push can be replayed from the exact same state. */
const held = (decoder: FrameDecoder) => (decoder as unknown as { buffer: Buffer }).buffer;

/** Decode everything one push yields, counting outcomes; returns how long the push (with the decoding) took. */
function timedPush(decoder: FrameDecoder, chunk: Uint8Array, tally: Tally | null): number {
  const start = performance.now();
  for (const event of decoder.push(chunk)) {
    if (event.type === 'error') {
      if (tally) tally.errors++;
      continue;
    }
    const reply = parseReply(event.payload);
    const card = reply && reply.sw3 === 0x90 && reply.data.length >= 4 ? decodeCardData(reply.data) : null;
    if (!tally) continue;
    tally.frames++;
    if (card?.ok) tally.cards++;
    else if (card) tally.cardErrors++;
  }
  return performance.now() - start;
}

/**
 * Pushes the stream in random chunks (sometimes byte by byte). A push over SLOW_MS is replayed from the same state
 * three times and counts by its fastest run: on a shared 2-core machine a one-off stall is a GC pause or another
 * process; a decoder pathology (say, quadratic resync) is slow every time and still fails the test.
 */
function feed(decoder: FrameDecoder, stream: Uint8Array, tally: Tally): void {
  let offset = 0;
  const bytewise = random() < 0.02;
  while (offset < stream.length) {
    const size = bytewise ? 1 : 1 + int(random() < 0.5 ? 64 : 4096); // 4 KiB: the most a USB-serial driver hands over at once
    const chunk = stream.subarray(offset, offset + size);
    offset += size;
    const before = held(decoder);
    let took: number;
    try {
      took = timedPush(decoder, chunk, tally);
      if (took > SLOW_MS) {
        tally.replays++;
        for (let i = 0; i < 3; i++) {
          const replay = new FrameDecoder();
          replay.push(before);
          took = Math.min(took, timedPush(replay, chunk, null));
        }
      }
    } catch {
      tally.thrown++;
      took = 0;
    }
    tally.slowest = Math.max(tally.slowest, took);
  }
}

test(`fuzz: ${FRAMES.toLocaleString('en')} mutated frames — 0 exceptions, no push over 100 ms`, () => {
  const decoder = new FrameDecoder();
  const tally: Tally = { frames: 0, errors: 0, cards: 0, cardErrors: 0, thrown: 0, slowest: 0, replays: 0 };
  let intactReads = 0;
  let bytes = 0;
  const began = performance.now();
  for (let sent = 0; sent < FRAMES;) {
    // Many frames per batch: one concatenated stream, so chunk borders fall anywhere, including across frames.
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 64 && sent < FRAMES; i++, sent++) {
      const { bytes: b, intactRead } = mutatedFrame();
      if (intactRead) intactReads++;
      parts.push(b);
    }
    const stream = Buffer.concat(parts);
    bytes += stream.length;
    feed(decoder, stream, tally);
    assert.ok(decoder.pending <= MAX_LENGTH + 7, `decoder holds ${decoder.pending} bytes (seed ${seed})`);
  }
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `fuzz: ${FRAMES} frames, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s (${Math.round(FRAMES / seconds)} frames/s); ` +
      `decoded ${tally.frames}, frame errors ${tally.errors}, cards ${tally.cards}, card errors ${tally.cardErrors}, slowest push ${tally.slowest.toFixed(2)} ms (${tally.replays} stalls replayed)`,
  );
  assert.equal(tally.thrown, 0, `exceptions (seed ${seed})`);
  assert.ok(tally.slowest < SLOW_MS, `slowest push ${tally.slowest.toFixed(1)} ms (seed ${seed})`);
  // The fuzz must actually reach the card decoder, with both outcomes, or it proves nothing.
  assert.ok(tally.cards >= intactReads * 0.9, `only ${tally.cards} of ${intactReads} intact reads decoded (seed ${seed})`);
  assert.ok(tally.cardErrors > FRAMES / 100, `card decoder barely exercised (seed ${seed})`);
});

test('control: intact frames in random chunks all decode, every card exactly', () => {
  const decoder = new FrameDecoder();
  const tally: Tally = { frames: 0, errors: 0, cards: 0, cardErrors: 0, thrown: 0, slowest: 0, replays: 0 };
  const frames = Array.from({ length: 2000 }, (_, i) =>
    encodeFrame(i % 2 ? readPayloads[i % readPayloads.length]! : smallPayloads[i % smallPayloads.length]!),
  );
  feed(decoder, Buffer.concat(frames), tally);
  // The select reply (00 00 90 + 8 bytes) also reaches the card decoder, which must refuse it as bad lengths.
  const selects = frames.filter((_, i) => i % 2 === 0 && i % smallPayloads.length === 2).length;
  assert.deepEqual([tally.frames, tally.errors, tally.cards, tally.cardErrors, tally.thrown], [2000, 0, 1000, selects, 0]);
});
