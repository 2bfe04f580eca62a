// Browser-side transport to the loopback host: calls as HTTP POST, pushed events over one WebSocket.
import type { Transport } from './bridge.js';

export const HOST_API = {
  invokePath: (channel: string) => `/api/invoke/${encodeURIComponent(channel)}`,
  eventsPath: '/api/events',
  /** The token travels as a WebSocket subprotocol because browsers cannot set headers on a WebSocket. */
  tokenProtocol: (token: string) => `kiosk-token.${token}`,
  tokenProtocolPrefix: 'kiosk-token.',
  eventsProtocol: 'kiosk-events.v1',
} as const;

export interface HttpTransportOptions {
  origin: string;
  token: string;
  /** Reconnect delay bounds for the event socket, in ms. */
  reconnect?: { minMs: number; maxMs: number };
}

export function createHttpTransport({ origin, token, reconnect = { minMs: 500, maxMs: 10_000 } }: HttpTransportOptions): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | undefined;
  let delay = reconnect.minMs;

  const connect = () => {
    const url = new URL(HOST_API.eventsPath, origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url, [HOST_API.eventsProtocol, HOST_API.tokenProtocol(token)]);
    socket.onopen = () => {
      delay = reconnect.minMs;
    };
    socket.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof data !== 'object' || data === null || !('event' in data)) return;
      const { event, payload } = data as { event: unknown; payload: unknown };
      if (typeof event === 'string') listeners.get(event)?.forEach((l) => l(payload));
    };
    socket.onclose = () => {
      socket = undefined;
      if (listeners.size === 0) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, reconnect.maxMs);
    };
  };

  return {
    async invoke(channel, input) {
      const response = await fetch(new URL(HOST_API.invokePath(channel), origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return response.json();
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      if (!socket) connect();
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(event);
        if (listeners.size === 0) socket?.close();
      };
    },
  };
}
