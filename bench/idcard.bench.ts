// Card reader: frames/s through decoder + card decode, and tap → 'card' event over a real socat pty at 115200 baud.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCardData, encodeCardData, encodeCardText } from '../electron/core/devices/id-reader/card.js';
import { encodeFrame, FrameDecoder, PREAMBLE } from '../electron/core/devices/id-reader/frame.js';
import { parseReply } from '../electron/core/devices/id-reader/protocol.js';
import { openSerialLink } from '../electron/core/devices/id-reader/serial-link.js';
import { createReaderSession, type ReaderEvent } from '../electron/core/devices/id-reader/session.js';
import { demoCards } from '../emulators/id-reader/demo-cards.js';
import { SamEmulator } from '../emulators/id-reader/emulator.js';
import { photoField } from '../emulators/id-reader/photo.js';
import { socatAvailable, startPtyPair } from '../emulators/id-reader/socat.js';
import { round, type Bench, type BenchRow } from './types.js';

const BAUD = 115200;
/** A read reply is 7 header + 3 status + 4 lengths + 256 text + 1024 photo + 1 checksum = 1295 bytes; 10 bits a byte on the line. */
const READ_REPLY_BYTES = 1295;
const serialFloorMs = (READ_REPLY_BYTES * 10 * 1000) / BAUD;

export const bench: Bench = async () => {
  const rows: BenchRow[] = [decodeThroughput()];
  rows.push(...(await tapToEvent()));
  return rows;
};

function decodeThroughput(): BenchRow {
  const frames = demoCards.map((c) =>
    encodeFrame(Uint8Array.of(0, 0, 0x90, ...encodeCardData(encodeCardText(c.fields, c.cardType), photoField()))),
  );
  const stream = Buffer.concat(Array.from({ length: 3000 }, (_, i) => frames[i % frames.length]!));
  const count = 3000;
  const chunk = 4096; // what a USB-serial driver typically hands over at once
  const timeIt = (fn: () => number): number => {
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const start = process.hrtime.bigint();
      if (fn() !== count) throw new Error('bench decoded the wrong number of frames');
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    }
    return count / best;
  };
  const decoded = timeIt(() => {
    const decoder = new FrameDecoder();
    let cards = 0;
    for (let at = 0; at < stream.length; at += chunk) {
      for (const event of decoder.push(stream.subarray(at, at + chunk))) {
        const reply = event.type === 'frame' ? parseReply(event.payload) : undefined;
        if (reply && decodeCardData(reply.data).ok) cards++;
      }
    }
    return cards;
  });
  // Baseline: just finding the preambles in the same bytes — the least any frame parser must do.
  const preamble = Buffer.from(PREAMBLE);
  const scanned = timeIt(() => {
    let n = 0;
    for (let at = stream.indexOf(preamble); at !== -1; at = stream.indexOf(preamble, at + READ_REPLY_BYTES)) n++;
    return n;
  });
  return {
    name: 'idcard.decode_frames_per_s',
    value: Math.round(decoded),
    unit: 'frames/s',
    baseline: Math.round(scanned),
    note: 'read replies (1295 B) in 4 KiB chunks → frame + card decode; baseline: Buffer.indexOf preamble scan',
  };
}

async function tapToEvent(): Promise<BenchRow[]> {
  const floor: BenchRow = {
    name: 'idcard.serial_floor_ms',
    value: round(serialFloorMs),
    unit: 'ms',
    note: '1295 B × 10 bit / 115200 baud: the read reply alone on a real line',
  };
  if (!socatAvailable()) return [floor];
  const dir = mkdtempSync(join(tmpdir(), 'idcard-bench-'));
  const pair = await startPtyPair(dir);
  const emulator = new SamEmulator();
  emulator.attach(await openSerialLink(pair.emulator, BAUD));
  let waiter: ((e: ReaderEvent) => void) | null = null;
  const session = createReaderSession({
    kind: 'serial',
    connect: () => openSerialLink(pair.kiosk, BAUD),
    pollMs: 5, // so the figure is mostly the exchange, not the wait for the next poll
    replyTimeoutMs: 1000,
    reconnectMs: 200,
    onEvent: (e) => waiter?.(e),
  });
  const next = (type: ReaderEvent['type'], state?: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event`)), 5000);
      waiter = (e) => {
        if (e.type === type && (!state || (e.type === 'status' && e.status.state === state))) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
  try {
    if (session.status().state !== 'ready') await next('status', 'ready');
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const card = next('card');
      const start = process.hrtime.bigint();
      emulator.tap(demoCards[i % demoCards.length]!.id);
      await card;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const removed = next('removed');
      emulator.remove();
      await removed;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    return [
      {
        name: 'idcard.card_to_event_ms',
        value: round(median),
        unit: 'ms',
        baseline: round(serialFloorMs),
        note: 'median of 25 taps, poll 5 ms, socat pty (a pty does not pace bytes at the baud rate: real lines add ~the floor)',
      },
      floor,
    ];
  } finally {
    await session.close();
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
