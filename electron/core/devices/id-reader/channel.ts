// One command, one reply: sends a frame over a ByteLink and waits for the answer, a bad frame, a timeout or the close.
import { encodeFrame, FrameDecoder } from './frame.js';
import type { ByteLink } from './link.js';
import { parseReply, type Reply } from './protocol.js';

export type Exchange =
  | { kind: 'reply'; reply: Reply }
  /** A frame that failed its checksum or length, or a payload too short to hold a status. */
  | { kind: 'bad-frame' }
  | { kind: 'timeout' }
  | { kind: 'closed' };

export class ReplyChannel {
  private readonly decoder = new FrameDecoder();
  private settle: ((exchange: Exchange) => void) | null = null;
  private isClosed = false;
  private readonly unsubscribe: Array<() => void>;
  /** Resolves when the link goes away (far end, unplug, or dispose). */
  readonly closed: Promise<void>;
  private markClosed!: () => void;

  constructor(
    private readonly link: ByteLink,
    private readonly timeoutMs: number,
  ) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    this.unsubscribe = [link.onData((bytes) => this.onBytes(bytes)), link.onClose(() => this.onClose())];
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  /** Never rejects. Only one request at a time: the protocol has no sequence numbers to pair replies otherwise. */
  request(command: Uint8Array): Promise<Exchange> {
    if (this.isClosed) return Promise.resolve({ kind: 'closed' });
    // Bytes still held from an earlier broken or late reply would be taken for this one's answer.
    this.decoder.reset();
    return new Promise<Exchange>((resolve) => {
      const timer = setTimeout(() => this.finish({ kind: 'timeout' }), this.timeoutMs);
      this.settle = (exchange) => {
        clearTimeout(timer);
        this.settle = null;
        resolve(exchange);
      };
      this.link.write(encodeFrame(command)).catch(() => {
        // A failed write on a port that stays open is a line fault: let the timeout report it as one.
      });
    });
  }

  /** Stop listening; the link itself is closed by its owner. */
  dispose(): void {
    for (const off of this.unsubscribe) off();
    this.onClose();
  }

  private finish(exchange: Exchange): void {
    this.settle?.(exchange);
  }

  private onBytes(bytes: Uint8Array): void {
    let events;
    try {
      events = this.decoder.push(bytes);
    } catch {
      // The decoder is written never to throw; if it ever did, treat it as a broken frame rather than crash the reader.
      this.decoder.reset();
      this.finish({ kind: 'bad-frame' });
      return;
    }
    for (const event of events) {
      if (!this.settle) return; // Unsolicited or late bytes: nobody is waiting, nothing to pair them with.
      if (event.type === 'frame') {
        const reply = parseReply(event.payload);
        this.finish(reply ? { kind: 'reply', reply } : { kind: 'bad-frame' });
      } else if (event.code !== 'garbage') {
        // Noise before a preamble is harmless; a broken frame means this reply is lost.
        this.finish({ kind: 'bad-frame' });
      }
    }
  }

  private onClose(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.markClosed();
    this.finish({ kind: 'closed' });
  }
}
