// The kiosk's HTTP client for the provincial API v1: signed calls whose every answer is a typed outcome, never a throw.
import { RevocationListSchema, TrustListSchema } from '../codes/schema.js';
import { RosterSchema, type Roster } from '../staff/schema.js';
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import type { Clock, RandomSource } from '../clock.js';
import {
  API_VERSION,
  ApplicationViewSchema,
  ChangeSchema,
  IssuedCodeSchema,
  ProvinceErrorSchema,
  type ApplicationView,
  type LossReport,
  type ProvinceErrorCode,
  type SubmitApplication,
} from './schema.js';
import { SIGNATURE_HEADERS, signRequest } from './signing.js';

/** Why a call did not give an answer; short codes, safe for logs and `outbox.last_error`. */
export type FailureReason = 'connect-failed' | 'unavailable' | 'rate-limited' | 'timeout' | 'reset' | 'server-error' | 'bad-answer';

export type ProvinceOutcome<T> =
  | { kind: 'ok'; value: T; replay: boolean }
  /** The province answered no (4xx): retrying the same call cannot help. */
  | { kind: 'refused'; code: ProvinceErrorCode; status: number }
  /** Nothing reached the province (could not connect, 503, 429): safe to send again later. */
  | { kind: 'retry'; retryAfterMs?: number; reason: FailureReason }
  /** The request was sent, then the answer was lost or was a 5xx: it may have happened; find out before assuming. */
  | { kind: 'ambiguous'; reason: FailureReason };

// The contract says a terminal ignores answer fields it does not know, so answers are parsed with non-strict copies.
const View = z.object({ ...ApplicationViewSchema.shape, code: z.object(IssuedCodeSchema.shape).nullable() });
const Change = z.object({ ...ChangeSchema.shape, code: z.object(IssuedCodeSchema.shape).nullable() });
const Feed = z.object({ changes: z.array(Change), nextCursor: z.number().int().nonnegative() });
export type Change = z.infer<typeof Change>;
export type ChangeFeed = z.infer<typeof Feed>;

const TrustList = z.object(TrustListSchema.shape);
const Revocations = z.object(RevocationListSchema.shape);

export interface ProvinceClientOptions {
  baseUrl: string;
  terminalId: string;
  secret: Uint8Array;
  clock: Clock;
  random: RandomSource;
  timeoutMs?: number;
}

/** Per call: a screen waiting for an answer gives up sooner than the background loops do. */
export interface CallOptions {
  timeoutMs?: number;
}

export interface ProvinceClient {
  submitApplication(body: SubmitApplication): Promise<ProvinceOutcome<ApplicationView>>;
  getApplication(applicationId: string, options?: CallOptions): Promise<ProvinceOutcome<ApplicationView>>;
  sendDecision(applicationId: string, body: unknown, idempotencyKey?: string): Promise<ProvinceOutcome<ApplicationView>>;
  /** 挂失: revokes the current code and answers the view with its replacement (the same key on every resend). */
  reportLoss(applicationId: string, body: LossReport, idempotencyKey: string): Promise<ProvinceOutcome<ApplicationView>>;
  changes(cursor: number, limit: number): Promise<ProvinceOutcome<ChangeFeed>>;
  trustList(): Promise<ProvinceOutcome<z.infer<typeof TrustList>>>;
  revocations(): Promise<ProvinceOutcome<z.infer<typeof Revocations>>>;
  /** The hall's staff roster (staff/roster.ts applies it). */
  roster(): Promise<ProvinceOutcome<Roster>>;
}

/** A larger answer is not the province talking; stop reading rather than fill memory. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

type Raw =
  | { kind: 'answer'; status: number; headers: http.IncomingHttpHeaders; text: string }
  | { kind: 'not-sent'; reason: FailureReason }
  | { kind: 'lost'; reason: FailureReason };

/**
 * One HTTP exchange. The line between "could not connect" and "sent, then failed" is the socket's connect event
 * (secureConnect for TLS): before it nothing can have reached the province; after it the request may have been read.
 * A fresh connection per call (agent: false) so a stale kept-alive socket never turns a clean retry into an ambiguity.
 */
function exchange(url: URL, method: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Raw> {
  return new Promise((resolve) => {
    const tls = url.protocol === 'https:';
    let connected = false;
    let timedOut = false;
    let settled = false;
    const settle = (raw: Raw) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(raw);
    };
    const fail = () => {
      const reason: FailureReason = timedOut ? 'timeout' : connected ? 'reset' : 'connect-failed';
      settle(connected ? { kind: 'lost', reason } : { kind: 'not-sent', reason });
    };
    const request = (tls ? https : http).request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) request.destroy(new Error('answer too large'));
        else chunks.push(chunk);
      });
      response.on('end', () =>
        settle({
          kind: 'answer',
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('aborted', fail);
      response.on('error', fail);
    });
    request.on('socket', (socket) => socket.once(tls ? 'secureConnect' : 'connect', () => (connected = true)));
    request.on('error', fail);
    // One deadline for the whole exchange, not an idle timer: a province that trickles bytes still times out.
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy(new Error('timeout'));
    }, timeoutMs);
    request.end(body);
  });
}

/** Retry-After is seconds or an HTTP date (RFC 9110); anything else is ignored. */
export function parseRetryAfter(value: string | string[] | undefined, now: Date): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

const fallbackCode = (status: number): ProvinceErrorCode =>
  status === 401
    ? 'bad-signature'
    : status === 404
      ? 'not-found'
      : status === 409 || status === 422
        ? 'idempotency-mismatch'
        : 'invalid-request';

function interpret<T>(raw: Extract<Raw, { kind: 'answer' }>, schema: z.ZodType<T>, now: Date): ProvinceOutcome<T> {
  const { status } = raw;
  const json = (() => {
    try {
      return JSON.parse(raw.text) as unknown;
    } catch {
      return undefined;
    }
  })();
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(json);
    // A 2xx we cannot read may still mean the call happened: treat it like a lost answer and look it up.
    if (!parsed.success) return { kind: 'ambiguous', reason: 'bad-answer' };
    return { kind: 'ok', value: parsed.data, replay: raw.headers['idempotent-replay'] === 'true' };
  }
  if (status === 503 || status === 429) {
    const retryAfterMs = parseRetryAfter(raw.headers['retry-after'], now);
    const reason: FailureReason = status === 503 ? 'unavailable' : 'rate-limited';
    return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', retryAfterMs, reason };
  }
  if (status >= 400 && status < 500) {
    const error = ProvinceErrorSchema.safeParse(json);
    return { kind: 'refused', code: error.success ? error.data.error.code : fallbackCode(status), status };
  }
  return { kind: 'ambiguous', reason: status >= 500 ? 'server-error' : 'bad-answer' };
}

/** A stale clock or a nonce collision says nothing about the call itself: sign afresh and try again, a few times. */
const RESIGN_CODES: readonly ProvinceErrorCode[] = ['stale-timestamp', 'nonce-reused'];
const MAX_RESIGNS = 2;

export function createProvinceClient(options: ProvinceClientOptions): ProvinceClient {
  const { terminalId, secret, clock, random, timeoutMs = 10_000 } = options;
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    idempotencyKey?: string,
    callTimeoutMs = timeoutMs,
  ) {
    try {
      const url = new URL(`${prefix}/${API_VERSION}${path}`, base);
      const text = body === undefined ? '' : JSON.stringify(body);
      for (let resign = 0; ; resign++) {
        const headers: Record<string, string> = {
          ...signRequest({ method, path: url.pathname + url.search, body: text }, { terminalId, secret }, clock, random),
          accept: 'application/json',
          'content-length': String(Buffer.byteLength(text)),
        };
        if (body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
        if (idempotencyKey !== undefined) headers[SIGNATURE_HEADERS.idempotencyKey] = idempotencyKey;
        const raw = await exchange(url, method, headers, text, callTimeoutMs);
        if (raw.kind === 'not-sent') return { kind: 'retry', reason: raw.reason } satisfies ProvinceOutcome<T>;
        if (raw.kind === 'lost') return { kind: 'ambiguous', reason: raw.reason } satisfies ProvinceOutcome<T>;
        const outcome = interpret(raw, schema, clock.now());
        if (outcome.kind === 'refused' && RESIGN_CODES.includes(outcome.code) && resign < MAX_RESIGNS) continue;
        return outcome;
      }
    } catch {
      // Never throw to the dispatcher; an unexpected failure here may have come after sending, so assume the worst.
      return { kind: 'ambiguous', reason: 'bad-answer' } satisfies ProvinceOutcome<T>;
    }
  }

  const id = (applicationId: string) => encodeURIComponent(applicationId);
  return {
    submitApplication: (body) => call('POST', '/applications', View, body, body.applicationId),
    getApplication: (applicationId, callOptions) =>
      call('GET', `/applications/${id(applicationId)}`, View, undefined, undefined, callOptions?.timeoutMs),
    sendDecision: (applicationId, body, idempotencyKey) =>
      call('POST', `/applications/${id(applicationId)}/decisions`, View, body, idempotencyKey ?? decisionKey(applicationId, body)),
    reportLoss: (applicationId, body, idempotencyKey) =>
      call('POST', `/applications/${id(applicationId)}/loss-report`, View, body, idempotencyKey),
    changes: (cursor, limit) => call('GET', `/changes?cursor=${cursor}&limit=${limit}`, Feed),
    trustList: () => call('GET', '/trust-list', TrustList),
    revocations: () => call('GET', '/revocations', Revocations),
    roster: () => call('GET', '/roster', RosterSchema),
  };
}

/** The same decision on the same application always gets the same key, so a resend can never decide twice. */
export function decisionKey(applicationId: string, body: unknown): string {
  return `decision-${createHash('sha256')
    .update(`${applicationId}\n${JSON.stringify(body)}`)
    .digest('hex')
    .slice(0, 48)}`;
}
