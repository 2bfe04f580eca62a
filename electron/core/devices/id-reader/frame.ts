// SAM serial frames (GA 467): encode, and decode incrementally from any chunking without ever throwing.
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
const PREAMBLE_BUF = Buffer.from(PREAMBLE);
const HEADER = PREAMBLE.length + 2;
/** Longest length field we accept: a text + photo + fingerprint reply is 2,321; anything far beyond is line noise. */
export const MAX_LENGTH = 4096;

export type FrameErrorCode = 'garbage' | 'bad-length' | 'oversize' | 'bad-checksum';

export type FrameEvent = { type: 'frame'; payload: Uint8Array } | { type: 'error'; code: FrameErrorCode; bytes: number };

/** XOR over the length field and the payload, as the protocol defines it. */
export function checksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

/** preamble + 2-byte big-endian length (payload + checksum) + payload + checksum. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const length = payload.length + 1;
  if (length > MAX_LENGTH) throw new RangeError(`frame payload of ${payload.length} bytes exceeds ${MAX_LENGTH - 1}`);
  const out = new Uint8Array(HEADER + length);
  out.set(PREAMBLE, 0);
  out[5] = length >> 8;
  out[6] = length & 0xff;
  out.set(payload, HEADER);
  out[out.length - 1] = checksum(out, 5, out.length - 1);
  return out;
}

/**
 * Feed it whatever the serial port delivers; it returns the complete frames and the problems found, in order.
 * After a bad length or checksum it resynchronises one byte later, so a good frame behind a broken one still arrives.
 */
export class FrameDecoder {
  private buffer: Buffer = Buffer.alloc(0);

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): FrameEvent[] {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const events: FrameEvent[] = [];
    let offset = 0;
    for (;;) {
      const start = this.buffer.indexOf(PREAMBLE_BUF, offset);
      if (start === -1) {
        // Keep a tail that could be the beginning of a preamble split across reads; the rest is noise.
        const keep = preamblePrefixAtEnd(this.buffer, offset);
        const dropped = this.buffer.length - offset - keep;
        if (dropped > 0) events.push({ type: 'error', code: 'garbage', bytes: dropped });
        offset = this.buffer.length - keep;
        break;
      }
      if (start > offset) events.push({ type: 'error', code: 'garbage', bytes: start - offset });
      offset = start;
      if (this.buffer.length - offset < HEADER) break;
      const length = this.buffer.readUInt16BE(offset + 5);
      if (length < 2 || length > MAX_LENGTH) {
        events.push({ type: 'error', code: length < 2 ? 'bad-length' : 'oversize', bytes: 1 });
        offset += 1;
        continue;
      }
      const end = offset + HEADER + length;
      if (this.buffer.length < end) break;
      if (checksum(this.buffer, offset + 5, end - 1) !== this.buffer[end - 1]) {
        events.push({ type: 'error', code: 'bad-checksum', bytes: 1 });
        offset += 1;
        continue;
      }
      events.push({ type: 'frame', payload: Uint8Array.from(this.buffer.subarray(offset + HEADER, end - 1)) });
      offset = end;
    }
    this.buffer = offset >= this.buffer.length ? Buffer.alloc(0) : Buffer.from(this.buffer.subarray(offset));
    return events;
  }
}

/** Length of the longest end of buffer[from..] that is a beginning of the preamble (at most 4 bytes). */
function preamblePrefixAtEnd(buffer: Buffer, from: number): number {
  for (let k = Math.min(PREAMBLE.length - 1, buffer.length - from); k > 0; k--) {
    let match = true;
    for (let i = 0; i < k && match; i++) match = buffer[buffer.length - k + i] === PREAMBLE[i];
    if (match) return k;
  }
  return 0;
}
