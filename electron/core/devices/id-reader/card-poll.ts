// One poll of the reader (find → select → read → decode) and the card-presence rule that makes each tap read once.
import { decodeCardData, type CardIdentity } from './card.js';
import type { Exchange } from './channel.js';
import { commands, meaningOf, status } from './protocol.js';
import type { CardProblem } from './schema.js';

/** 'ok' keeps polling; the others hand control back to the session (re-initialise, or reconnect). */
export type PollOutcome = 'ok' | 'sam-fault' | 'line-fault' | 'closed';

export interface PollHost {
  request(command: Uint8Array): Promise<Exchange>;
  card(card: CardIdentity): void;
  problem(problem: CardProblem): void;
  removed(): void;
  /** A reply that did not come, or came broken: returns true once too many came in a row (the session re-initialises). */
  lineFault(kind: 'timeout' | 'bad-frame' | 'unexpected-status'): boolean;
  /** A good reply arrived: the line works. */
  lineOk(): void;
}

/**
 * Presence rule: after a card was read (or refused with a problem), it counts as present until `find` answers
 * "no card" (80) twice in a row; only then is 'removed' emitted and the next read allowed. Twice, because one missed
 * answer from a card at the edge of the field must not turn into a second read. While present we never select or read
 * again, so an ordinary reader that keeps answering 9F and a reader that answers 80 for an already-read card both give
 * exactly one 'card' per presence (the latter may report 'removed' before the card is lifted; it cannot be re-found
 * until it is, so no double read either). A failed or broken reply counts neither way.
 */
export class CardPoller {
  private present = false;
  private absentStreak = 0;

  constructor(private readonly host: PollHost) {}

  get cardPresent(): boolean {
    return this.present;
  }

  /** The link went away: whatever lay on the reader, its next read is a new presence. */
  forget(): void {
    if (this.present) this.host.removed();
    this.present = false;
    this.absentStreak = 0;
  }

  async tick(): Promise<PollOutcome> {
    const found = await this.host.request(commands.findCard);
    if (found.kind !== 'reply') return this.failed(found);
    const sw3 = found.reply.sw3;
    switch (meaningOf(sw3)) {
      case 'ok':
        this.host.lineOk();
        this.absentStreak = 0;
        return this.present ? 'ok' : this.read();
      case 'no-card':
      case 'card-removed':
        this.host.lineOk();
        if (this.present && ++this.absentStreak >= 2) {
          this.present = false;
          this.absentStreak = 0;
          this.host.removed();
        }
        return 'ok';
      case 'card-unreadable':
        this.host.lineOk();
        return this.refuse(sw3);
      case 'sam-fault':
        return 'sam-fault';
      default:
        return this.host.lineFault('unexpected-status') ? 'line-fault' : 'ok';
    }
  }

  private async read(): Promise<PollOutcome> {
    const selected = await this.host.request(commands.selectCard);
    if (selected.kind !== 'reply') return this.failed(selected);
    switch (meaningOf(selected.reply.sw3)) {
      case 'ok':
        break;
      case 'no-card':
      case 'card-removed':
        return 'ok'; // Gone between find and select: nothing was started, nothing to report.
      case 'card-unreadable':
        return this.refuse(selected.reply.sw3);
      case 'sam-fault':
        return 'sam-fault';
      default:
        return this.host.lineFault('unexpected-status') ? 'line-fault' : 'ok';
    }
    const read = await this.host.request(commands.readTextAndPhoto);
    if (read.kind === 'timeout') {
      // A reader that stops answering mid-read has usually lost the card; say so now, and count it against the line.
      this.host.problem('removed-early');
      return this.host.lineFault('timeout') ? 'line-fault' : 'ok';
    }
    if (read.kind !== 'reply') return this.failed(read);
    this.host.lineOk();
    switch (meaningOf(read.reply.sw3)) {
      case 'ok': {
        const decoded = decodeCardData(read.reply.data);
        this.present = true;
        if (decoded.ok) this.host.card(decoded.card);
        else this.host.problem(decoded.error === 'unknown-card-type' ? 'unsupported' : 'unreadable');
        return 'ok';
      }
      case 'no-card':
      case 'card-removed':
        this.host.problem('removed-early');
        return 'ok';
      case 'card-unreadable':
        return this.refuse(read.reply.sw3);
      case 'sam-fault':
        return 'sam-fault';
      default:
        return this.host.lineFault('unexpected-status') ? 'line-fault' : 'ok';
    }
  }

  /** The card answered but cannot be read: report once for this presence. */
  private refuse(sw3: number): PollOutcome {
    if (!this.present) this.host.problem(sw3 === status.unknownCardType ? 'unsupported' : 'unreadable');
    this.present = true;
    this.absentStreak = 0;
    return 'ok';
  }

  private failed(exchange: Exclude<Exchange, { kind: 'reply' }>): PollOutcome {
    if (exchange.kind === 'closed') return 'closed';
    return this.host.lineFault(exchange.kind) ? 'line-fault' : 'ok';
  }
}
