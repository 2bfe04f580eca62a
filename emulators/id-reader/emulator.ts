// A SAM card reader in software: answers the host's frames over a ByteLink, holds demo cards, injects faults on demand.
import { encodeCardData, encodeCardText } from '../../electron/core/devices/id-reader/card.js';
import { encodeFrame, FrameDecoder } from '../../electron/core/devices/id-reader/frame.js';
import type { ByteLink } from '../../electron/core/devices/id-reader/link.js';
import { status } from '../../electron/core/devices/id-reader/protocol.js';
import type { DemoCard, ReaderFault } from '../../electron/core/devices/id-reader/schema.js';
import { demoCards, publicDemoCard, type DemoCardData } from './demo-cards.js';
import { photoField } from './photo.js';

export class SamEmulator {
  private readonly byId: Map<string, DemoCardData>;
  private link: ByteLink | null = null;
  private detachLink: (() => void) | null = null;
  private decoder = new FrameDecoder();
  private onReader: DemoCardData | null = null;
  private selected = false;
  private currentFault: ReaderFault = 'none';
  /** Commands answered so far, for tests that check the host's behaviour (e.g. no read while a card stays). */
  readonly counts = { find: 0, select: 0, read: 0, other: 0 };

  constructor(cards: readonly DemoCardData[] = demoCards) {
    this.byId = new Map(cards.map((c) => [c.id, c]));
  }

  /** Serve this link (the reader's side of the line); a previous one is let go. */
  attach(link: ByteLink): void {
    this.detachLink?.();
    this.link = link;
    this.decoder = new FrameDecoder();
    const offData = link.onData((bytes) => this.onBytes(link, bytes));
    const offClose = link.onClose(() => {
      if (this.link === link) this.link = null;
    });
    this.detachLink = () => {
      offData();
      offClose();
    };
  }

  cards(): DemoCard[] {
    return [...this.byId.values()].map(publicDemoCard);
  }

  /** Put a card on the reader (replacing any other); false for an unknown id. */
  tap(cardId: string): boolean {
    const card = this.byId.get(cardId);
    if (!card) return false;
    this.onReader = card;
    this.selected = false;
    return true;
  }

  remove(): void {
    this.onReader = null;
    this.selected = false;
  }

  get activeFault(): ReaderFault {
    return this.currentFault;
  }

  /** 'disconnect' acts at once (closes the line) and leaves no lasting fault; the others last until 'none'. */
  fault(fault: ReaderFault): void {
    if (fault === 'disconnect') {
      this.currentFault = 'none';
      const link = this.link;
      this.link = null;
      void link?.close().catch(() => undefined);
      return;
    }
    this.currentFault = fault;
  }

  private onBytes(link: ByteLink, bytes: Uint8Array): void {
    for (const event of this.decoder.push(bytes)) {
      if (this.currentFault === 'silence') continue;
      if (event.type === 'error') {
        if (event.code === 'bad-checksum') this.send(link, Uint8Array.of(0, 0, status.checksumError));
        continue;
      }
      this.send(link, this.answer(event.payload));
    }
  }

  /** The reply payload (SW1 SW2 SW3 + data) for one host command. */
  private answer(command: Uint8Array): Uint8Array {
    const ok = (sw3: number, data: Uint8Array = new Uint8Array()) => Uint8Array.of(0, 0, sw3, ...data);
    const [cmd, para] = [command[0], command[1]];
    const key = command.length === 2 ? `${cmd}:${para}` : 'bad';
    const samBroken = this.currentFault === 'sam-fault';
    switch (key) {
      case '16:255': // 10 FF reset SAM
      case '1:255': // 01 FF, as DOMAIN.md writes it: some hosts may send this
        this.counts.other++;
        return ok(samBroken ? status.samSelfTestFailed : status.ok);
      case '17:255': // 11 FF SAM status
        this.counts.other++;
        return ok(samBroken ? status.samSelfTestFailed : status.ok);
      case '32:1': // 20 01 find
        this.counts.find++;
        if (samBroken) return ok(status.samSelfTestFailed);
        if (!this.onReader || this.currentFault === 'no-card') return ok(status.noCard);
        return ok(status.findOk, new Uint8Array(4));
      case '32:2': // 20 02 select
        this.counts.select++;
        if (samBroken) return ok(status.samSelfTestFailed);
        if (!this.onReader || this.currentFault === 'no-card') return ok(status.selectFailed);
        this.selected = true;
        return ok(status.ok, new Uint8Array(8));
      case '48:1': // 30 01 read text + photo
        this.counts.read++;
        if (samBroken) return ok(status.samSelfTestFailed);
        if (this.currentFault === 'remove-mid-read' && this.onReader) {
          this.remove(); // The person pulled the card away during the read.
          return ok(status.readFailed);
        }
        if (!this.onReader || !this.selected) return ok(status.readFailed);
        return Uint8Array.from([0, 0, status.ok, ...this.cardData(this.onReader)]);
      default:
        this.counts.other++;
        return ok(status.commandError);
    }
  }

  private cardData(card: DemoCardData): Uint8Array {
    return encodeCardData(encodeCardText(card.fields, card.cardType), photoField());
  }

  private send(link: ByteLink, payload: Uint8Array): void {
    const frame = encodeFrame(payload);
    // Flip a byte in the middle of the payload: the checksum no longer matches, as with line noise.
    if (this.currentFault === 'corrupt-frames') frame[7 + (payload.length >> 1)]! ^= 0x5a;
    link.write(frame).catch(() => undefined);
  }
}
