// Tests' signed client for the provincial emulator (node:http, so a dropped socket shows as ECONNRESET / socket hang up).
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { systemRandom, type Clock } from '../../electron/core/clock.js';
import { mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import type { SubmitApplication } from '../../electron/core/province/schema.js';
import { signRequest } from '../../electron/core/province/signing.js';
import { createProvincialEmulator, type ProvincialEmulatorOptions } from '../../emulators/provincial/emulator.js';
import { lowRiskDeclaration } from './sync-fixtures.js';
import { tempDir } from './temp.js';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  json: unknown;
}

export interface SendOptions {
  idempotencyKey?: string;
  /** Replace or drop (undefined) signature headers after signing, to tamper with a request. */
  headers?: Record<string, string | undefined>;
  /** Send this body instead of the one signed (a tampered body). */
  sentBody?: string;
  /** Use these signature headers instead of fresh ones (a replayed nonce). */
  reuseHeaders?: Record<string, string>;
  timeoutMs?: number;
}

/** One HTTP exchange; rejects with the socket's error (ECONNRESET, socket hang up) or 'timeout'. */
export function send(url: string, method: string, headers: Record<string, string>, body: string, timeoutMs = 5000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { ...headers, 'content-type': 'application/json' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? (JSON.parse(text) as unknown) : null });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export function createRawProvinceClient(baseUrl: string, credentials: { terminalId: string; secret: Uint8Array }, clock: Clock) {
  const lastHeaders: { value: Record<string, string> } = { value: {} };
  async function request(method: string, path: string, body?: unknown, options: SendOptions = {}): Promise<Reply> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const signed = options.reuseHeaders ?? signRequest({ method, path, body: text }, credentials, clock, systemRandom);
    lastHeaders.value = signed;
    const headers: Record<string, string> = { ...signed };
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    return send(baseUrl + path, method, headers, options.sentBody ?? text, options.timeoutMs);
  }
  return {
    request,
    /** The signature headers of the last request (to replay its nonce). */
    lastHeaders: () => lastHeaders.value,
    submit: (app: SubmitApplication, options: SendOptions = {}) =>
      request('POST', '/v1/applications', app, { idempotencyKey: app.applicationId, ...options }),
    get: (id: string, options?: SendOptions) => request('GET', `/v1/applications/${id}`, undefined, options),
    decide: (id: string, decision: 'approve' | 'refuse' | 'ask-info', ruleId: string | null = null) =>
      request(
        'POST',
        `/v1/applications/${id}/decisions`,
        { decision, officerStaffNo: '100234', ruleId, decidedAt: clock.now().toISOString() },
        { idempotencyKey: randomUUID() },
      ),
    changes: (cursor: number, limit: number, options?: SendOptions) =>
      request('GET', `/v1/changes?cursor=${cursor}&limit=${limit}`, undefined, options),
    trustList: () => request('GET', '/v1/trust-list'),
    revocations: () => request('GET', '/v1/revocations'),
    verify: (codeText: string) => request('POST', '/v1/codes/verify', { codeText }),
  };
}
export type RawProvinceClient = ReturnType<typeof createRawProvinceClient>;

/** Unsigned admin call. */
export const admin = (baseUrl: string, method: string, path: string, body?: unknown) =>
  send(baseUrl + path, method, {}, body === undefined ? '' : JSON.stringify(body));

/** An invented resident number with a valid MOD 11-2 check character (region 370102, given birth date, sequence). */
export function testIdNumber(birth = '19800101', sequence = 123): string {
  const body = `370102${birth}${String(sequence).padStart(3, '0')}`;
  return body + mod112CheckChar(body);
}

/** A low-risk submission; override parts of the declaration to make it risky. */
export function sampleApplication(
  clock: Clock,
  overrides: { channel?: 'offline' | 'online'; declaration?: Partial<SubmitApplication['declaration']>; idNumber?: string } = {},
): SubmitApplication {
  return {
    applicationId: randomUUID(),
    channel: overrides.channel ?? 'offline',
    submittedAt: clock.now().toISOString(),
    hallId: '370102001',
    applicant: { documentType: 'resident', idNumber: overrides.idNumber ?? testIdNumber(), name: '测试甲' },
    declaration: { ...lowRiskDeclaration, ...overrides.declaration },
    proxy: null,
  };
}

export const TERMINAL = { terminalId: 'T-0123456789ABCDEF', secret: new Uint8Array(32).fill(7) };

/** A province on 127.0.0.1:0 with admin, a controllable clock, and a client signing with the emulator's own time. */
export async function startProvince(t: TestContext, options: Partial<ProvincialEmulatorOptions> & { startAt?: string } = {}) {
  const base = Date.parse(options.startAt ?? '2026-11-27T02:00:00Z'); // Friday 10:00 in Shanghai
  const dbFile = options.dbFile ?? join(tempDir(t, 'province-'), 'province.sqlite');
  const emulator = createProvincialEmulator({
    dbFile,
    clock: { now: () => new Date(base) },
    terminals: new Map([[TERMINAL.terminalId, TERMINAL.secret]]),
    admin: true,
    ...options,
  });
  const listening = await emulator.listen(0);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await emulator.close();
  };
  t.after(close);
  const clock: Clock = { now: () => emulator.now() };
  return { emulator, url: listening.url, dbFile, clock, close, client: createRawProvinceClient(listening.url, TERMINAL, clock) };
}
