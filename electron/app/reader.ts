// The ID card reader for one terminal: the emulator in demo mode, the configured serial port otherwise, or none.
import { KioskError } from '../core/errors.js';
import type { CurrentIdentity } from '../core/identity/current.js';
import { memoryLinkPair } from '../core/devices/id-reader/link.js';
import type { DemoCard, ReaderFault, ReaderStatus } from '../core/devices/id-reader/schema.js';
import { openSerialLink } from '../core/devices/id-reader/serial-link.js';
import { createReaderSession, type ReaderEvent, type ReaderSession } from '../core/devices/id-reader/session.js';
import { isDemo, type Settings } from '../core/settings/schema.js';
import { SamEmulator } from '../../emulators/id-reader/emulator.js';
import type { EventHub } from './events.js';

export interface DemoReader {
  cards(): DemoCard[];
  tap(cardId: string): void;
  remove(): void;
  fault(fault: ReaderFault): void;
}

export interface ReaderService {
  status(): ReaderStatus;
  /** The trainer's controls; throws `forbidden` outside demo mode. */
  demo(): DemoReader;
  close(): Promise<void>;
}

const notConfigured: ReaderStatus = { state: 'not-configured', kind: 'none', cardPresent: false, lastError: null };

export function startReader(settings: Settings, events: EventHub, current: CurrentIdentity): ReaderService {
  const onEvent = (event: ReaderEvent) => {
    switch (event.type) {
      case 'card': {
        const result = current.fromCard(event.card);
        if (result.ok) events.emit('card.read', result.identity);
        else events.emit('card.problem', { problem: 'invalid-number' });
        return;
      }
      case 'problem':
        return events.emit('card.problem', { problem: event.problem });
      case 'removed':
        return events.emit('card.removed', {});
      case 'status':
        return events.emit('reader.status', event.status);
    }
  };

  let session: ReaderSession | undefined;
  let emulator: SamEmulator | undefined;
  if (isDemo(settings) && settings.reader.port === undefined) {
    const sam = new SamEmulator();
    emulator = sam;
    // Each (re)connection is a fresh in-process line, as if the reader's cable were plugged in again.
    const connect = async () => {
      const [kioskSide, readerSide] = memoryLinkPair();
      sam.attach(readerSide);
      return kioskSide;
    };
    session = createReaderSession({ connect, kind: 'emulator', onEvent });
  } else if (settings.reader.port !== undefined) {
    const { port, baudRate } = settings.reader;
    session = createReaderSession({ connect: () => openSerialLink(port, baudRate), kind: 'serial', onEvent });
  }

  return {
    status: () => session?.status() ?? notConfigured,
    demo() {
      const sam = emulator;
      if (!sam) throw new KioskError('forbidden', 'errors.demoOnly');
      return {
        cards: () => sam.cards(),
        tap(cardId) {
          if (!sam.tap(cardId)) throw new KioskError('not-found', 'errors.notFound');
        },
        remove: () => sam.remove(),
        fault: (fault) => sam.fault(fault),
      };
    },
    close: async () => {
      await session?.close();
    },
  };
}
