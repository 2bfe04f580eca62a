// One bridge factory: the same `window.kiosk` API over Electron IPC (preload) or over HTTP/WebSocket (browser host).
import {
  channels,
  events,
  isChannel,
  isEventName,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from './contract.js';
import { envelopeSchema, fail, type Envelope } from './envelope.js';

/** The raw pipe a bridge runs over; it knows nothing about schemas. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export interface KioskApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

declare global {
  interface Window {
    kiosk?: KioskApi;
  }
}

export function createBridge(transport: Transport): KioskApi {
  return {
    async invoke(channel, input) {
      if (!isChannel(channel)) return fail({ code: 'unknown-channel', key: 'errors.unknownChannel' });
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, input);
      } catch {
        return fail({ code: 'unavailable', key: 'errors.unavailable' });
      }
      const parsed = envelopeSchema(channels[channel].output).safeParse(raw);
      if (!parsed.success) return fail({ code: 'internal', key: 'errors.internal' });
      return parsed.data as Envelope<ChannelOutput<typeof channel>>;
    },
    on(event, listener) {
      if (!isEventName(event)) return () => {};
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}
