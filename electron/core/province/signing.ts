// Request signing for the provincial service: HMAC-SHA256 over method, path, time, nonce and body hash (both sides).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock, RandomSource } from '../clock.js';

export const SIGNATURE_HEADERS = {
  terminal: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
  idempotencyKey: 'idempotency-key',
} as const;

/** Requests whose timestamp is further than this from the province's clock are refused (GB/T 38963 practice). */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

export type SignatureProblem = 'missing-headers' | 'unknown-terminal' | 'stale-timestamp' | 'nonce-reused' | 'bad-signature';

export interface RequestToSign {
  method: string;
  /** Path with its query string, exactly as sent. */
  path: string;
  body: string;
}

export function canonicalRequest(request: RequestToSign, timestamp: string, nonce: string): string {
  const bodyHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
  return [request.method.toUpperCase(), request.path, timestamp, nonce, bodyHash].join('\n');
}

const mac = (secret: Uint8Array, text: string) => createHmac('sha256', secret).update(text, 'utf8').digest();

export function signRequest(
  request: RequestToSign,
  credentials: { terminalId: string; secret: Uint8Array },
  clock: Clock,
  random: RandomSource,
): Record<string, string> {
  const timestamp = String(clock.now().getTime());
  const nonce = Buffer.from(random.bytes(16)).toString('base64url');
  return {
    [SIGNATURE_HEADERS.terminal]: credentials.terminalId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: mac(credentials.secret, canonicalRequest(request, timestamp, nonce)).toString('base64url'),
  };
}

export interface VerifierOptions {
  /** The shared secret of a terminal, or undefined for a terminal the province does not know. */
  secretOf: (terminalId: string) => Uint8Array | undefined;
  clock: Clock;
  windowMs?: number;
}

export type Verification = { ok: true; terminalId: string } | { ok: false; problem: SignatureProblem };

/**
 * The province's side. Nonces are remembered for twice the window, which covers every timestamp the window still
 * accepts, so a replay inside the window is caught and one outside it is stale anyway.
 */
export function createRequestVerifier({ secretOf, clock, windowMs = SIGNATURE_WINDOW_MS }: VerifierOptions) {
  const seen = new Map<string, number>();

  const forget = (now: number) => {
    for (const [key, expires] of seen) if (expires <= now) seen.delete(key);
  };

  return (request: RequestToSign, headers: Record<string, string | string[] | undefined>): Verification => {
    const header = (name: string) => {
      const value = headers[name];
      return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : undefined;
    };
    const terminalId = header(SIGNATURE_HEADERS.terminal);
    const timestamp = header(SIGNATURE_HEADERS.timestamp);
    const nonce = header(SIGNATURE_HEADERS.nonce);
    const signature = header(SIGNATURE_HEADERS.signature);
    if (!terminalId || !timestamp || !nonce || !signature || !/^\d{1,16}$/.test(timestamp))
      return { ok: false, problem: 'missing-headers' };
    const secret = secretOf(terminalId);
    if (!secret) return { ok: false, problem: 'unknown-terminal' };
    const given = Buffer.from(signature, 'base64url');
    const expected = mac(secret, canonicalRequest(request, timestamp, nonce));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'bad-signature' };
    const now = clock.now().getTime();
    if (Math.abs(now - Number(timestamp)) > windowMs) return { ok: false, problem: 'stale-timestamp' };
    forget(now);
    const key = `${terminalId}\n${nonce}`;
    if (seen.has(key)) return { ok: false, problem: 'nonce-reused' };
    seen.set(key, now + 2 * windowMs);
    return { ok: true, terminalId };
  };
}
