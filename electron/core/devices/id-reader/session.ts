// The reader session: connect, initialise the SAM, poll for cards, report cards/problems/status, reconnect on unplug.
import type { CardIdentity } from './card.js';
import { CardPoller, type PollOutcome } from './card-poll.js';
import { ReplyChannel } from './channel.js';
import type { ByteLink } from './link.js';
import { commands, meaningOf } from './protocol.js';
import type { CardProblem, ReaderStatus } from './schema.js';

export type ReaderEvent =
  | { type: 'card'; card: CardIdentity }
  | { type: 'problem'; problem: CardProblem }
  | { type: 'removed' }
  | { type: 'status'; status: ReaderStatus };

export interface ReaderSessionOptions {
  connect: () => Promise<ByteLink>;
  kind: 'emulator' | 'serial';
  pollMs?: number;
  replyTimeoutMs?: number;
  reconnectMs?: number;
  onEvent: (event: ReaderEvent) => void;
}

export interface ReaderSession {
  status(): ReaderStatus;
  /** Stops polling, closes the link and clears every timer; no events after it resolves. */
  close(): Promise<void>;
}

/** Consecutive missing or broken replies tolerated before the reader is reported at fault and re-initialised. */
export const MAX_LINE_FAULTS = 3;

export function createReaderSession(options: ReaderSessionOptions): ReaderSession {
  const session = new Session(options);
  return { status: () => ({ ...session.current }), close: () => session.close() };
}

class Session {
  current: ReaderStatus;
  private closing = false;
  private channel: ReplyChannel | null = null;
  private wake: (() => void) | null = null;
  private readonly stopped: Promise<void>;
  private signalClose!: () => void;
  private readonly closeSignal = new Promise<void>((resolve) => (this.signalClose = resolve));
  private lineFaults = 0;
  /** One 'reader-fault' problem per fault episode, not one per retry. */
  private faultReported = false;
  private readonly poller = new CardPoller({
    request: (command) => this.channel?.request(command) ?? Promise.resolve({ kind: 'closed' as const }),
    card: (card) => this.emit({ type: 'card', card }),
    problem: (problem) => this.emit({ type: 'problem', problem }),
    removed: () => this.emit({ type: 'removed' }),
    lineFault: (kind) => this.lineFault(kind),
    lineOk: () => void (this.lineFaults = 0),
  });

  constructor(private readonly options: ReaderSessionOptions) {
    this.current = { state: 'connecting', kind: options.kind, cardPresent: false, lastError: null };
    this.stopped = this.run().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.signalClose();
    this.wake?.();
    this.channel?.dispose();
    await this.stopped;
  }

  private async run(): Promise<void> {
    while (!this.closing) {
      // Stay 'disconnected' while retrying: only a link that opens moves the state on (no flicker every retry).
      const link = await Promise.race([this.options.connect().catch(() => null), this.closeSignal.then(() => 'closing' as const)]);
      if (link === 'closing') break;
      if (!link) {
        this.setStatus({ state: 'disconnected', lastError: 'connect-failed' });
        await this.pause(this.options.reconnectMs ?? 1000);
        continue;
      }
      this.setStatus({ state: 'connecting' });
      const channel = (this.channel = new ReplyChannel(link, this.options.replyTimeoutMs ?? 1000));
      try {
        if (!this.closing) await this.serve(channel);
      } finally {
        this.channel = null;
        channel.dispose();
        await link.close().catch(() => undefined);
      }
      if (this.closing) break;
      this.poller.forget();
      this.setStatus({ state: 'disconnected', cardPresent: false, lastError: 'link-closed' });
      await this.pause(this.options.reconnectMs ?? 1000);
    }
  }

  /** Initialise, poll until something goes wrong, and start over on the same link until it closes. */
  private async serve(channel: ReplyChannel): Promise<void> {
    while (!this.closing && channel.isOpen) {
      let outcome = await this.initialise(channel);
      if (outcome === 'ok') {
        this.faultReported = false;
        this.lineFaults = 0;
        this.setStatus({ state: 'ready', lastError: null });
        while (outcome === 'ok' && !this.closing) {
          outcome = await this.poller.tick();
          this.setStatus({ cardPresent: this.poller.cardPresent });
          if (outcome === 'ok') await this.pause(this.options.pollMs ?? 300);
        }
      }
      if (outcome === 'sam-fault') this.samFault();
      if (outcome === 'closed' || this.closing) return;
      await this.pause(this.options.reconnectMs ?? 1000);
    }
  }

  /** Reset the SAM (10 FF), then ask its status (11 FF): 90 means ready, 60/66 a SAM that failed its self-test. */
  private async initialise(channel: ReplyChannel): Promise<PollOutcome> {
    for (const command of [commands.resetSam, commands.samStatus]) {
      const exchange = await channel.request(command);
      if (exchange.kind === 'closed') return 'closed';
      if (exchange.kind !== 'reply') {
        this.lineFault(exchange.kind);
        return 'line-fault';
      }
      const meaning = meaningOf(exchange.reply.sw3);
      if (meaning === 'sam-fault') return 'sam-fault';
      // Some readers answer the reset with a bare status other than 90; only the status query must say 90.
      if (command === commands.samStatus && meaning !== 'ok') {
        this.lineFault('unexpected-status');
        return 'line-fault';
      }
    }
    return 'ok';
  }

  private samFault(): void {
    this.setStatus({ state: 'sam-fault', lastError: 'sam-fault' });
    this.reportFault();
  }

  private lineFault(kind: 'timeout' | 'bad-frame' | 'unexpected-status'): boolean {
    if (++this.lineFaults < MAX_LINE_FAULTS) return false;
    this.setStatus({ state: 'connecting', lastError: kind === 'timeout' ? 'no-reply' : kind === 'bad-frame' ? 'bad-frames' : kind });
    this.reportFault();
    return true;
  }

  private reportFault(): void {
    if (this.faultReported) return;
    this.faultReported = true;
    this.emit({ type: 'problem', problem: 'reader-fault' });
  }

  private setStatus(change: Partial<ReaderStatus>): void {
    const next = { ...this.current, ...change };
    const same = (Object.keys(next) as Array<keyof ReaderStatus>).every((key) => next[key] === this.current[key]);
    if (same) return;
    this.current = next;
    this.emit({ type: 'status', status: { ...next } });
  }

  private emit(event: ReaderEvent): void {
    if (this.closing) return;
    try {
      this.options.onEvent(event);
    } catch {
      // The listener's failure is not the reader's: keep polling.
    }
  }

  /** A timer the session can cut short on close, so close() never waits out a poll or reconnect interval. */
  private pause(ms: number): Promise<void> {
    if (this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
