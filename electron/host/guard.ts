// Who may talk to the loopback host: our own origin, the loopback host names, and the per-launch token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Guard {
  origin: string;
  /** Checks Host (against DNS rebinding) and Origin (against other pages in the same browser). */
  sameOrigin(req: IncomingMessage): boolean;
  tokenMatches(candidate: string | undefined): boolean;
}

export function createGuard(port: number, token: string): Guard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const expected = Buffer.from(token);
  return {
    origin: `http://127.0.0.1:${port}`,
    sameOrigin(req) {
      if (!hosts.has(req.headers.host ?? '')) return false;
      const origin = req.headers.origin;
      return origin === undefined || origins.has(origin);
    },
    tokenMatches(candidate) {
      if (!candidate) return false;
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export const bearerToken = (req: IncomingMessage): string | undefined => {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
};
