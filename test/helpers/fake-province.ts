// A small fake provincial service on real HTTP (127.0.0.1:0) whose faults each test scripts; counts filings per key.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import type { Clock } from '../../electron/core/clock.js';
import type { ApplicationView } from '../../electron/core/province/schema.js';
import { createRequestVerifier } from '../../electron/core/province/signing.js';
import { TERMINAL } from './sync-fixtures.js';

/**
 * What the fake does with one request. "before" faults never commit; "after" faults commit, then lose the answer.
 * 'nonce-reused' is a 401 the client must re-sign and retry; 'refuse' is a permanent 400.
 */
export type Fault =
  | 'ok'
  | 'unavailable'
  | 'reset-before'
  | 'hang'
  | 'error-500'
  | 'nonce-reused'
  | 'commit-then-drop'
  | 'commit-then-500'
  | 'hang-after-commit'
  | 'refuse';
export const transientFaults: Fault[] = [
  'unavailable',
  'reset-before',
  'hang',
  'error-500',
  'nonce-reused',
  'commit-then-drop',
  'commit-then-500',
  'hang-after-commit',
];

export interface FakeOptions {
  clock: Clock;
  /** false: the fake ignores idempotency keys and files every POST anew (to prove the chaos test bites). */
  honourKeys?: boolean;
  fault?: (request: { method: string; path: string; n: number; body: string }) => Fault;
  retryAfterSeconds?: number;
}

interface Stored {
  bodyHash: string;
  view: ApplicationView;
}

export async function startFakeProvince(t: TestContext, options: FakeOptions) {
  const { clock, honourKeys = true, retryAfterSeconds = 1 } = options;
  const verify = createRequestVerifier({ secretOf: (id) => (id === TERMINAL.terminalId ? TERMINAL.secret : undefined), clock });
  const byKey = new Map<string, Stored>();
  const views = new Map<string, ApplicationView>();
  /** Every filing the fake made, in order: duplicates show as the same applicationId twice. */
  const filings: string[] = [];
  const feed: Array<ApplicationView & { seq: number }> = [];
  const log: Array<{ method: string; path: string; fault: Fault }> = [];
  let n = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, headers: Record<string, string> = {}) =>
    send(res, status, { error: { code, message: `fake: ${code}` } }, headers);

  const viewFor = (applicationId: string): ApplicationView => ({
    applicationId,
    status: 'GREEN',
    reasonCode: null,
    statusAsOf: clock.now().toISOString(),
    reviewDueAt: null,
    code: {
      codeText: `HC1:${applicationId.replace(/-/g, '')}`,
      codeId: `C-${applicationId.slice(0, 8)}`,
      validUntil: '2026-11-28T16:00:00.000Z',
    },
  });

  /** Commits the call and says what the answer would be; the fault then decides whether the answer arrives. */
  function handle(
    method: string,
    path: string,
    key: string | undefined,
    text: string,
  ): { status: number; body: unknown; headers?: Record<string, string> } {
    if (method === 'POST' && path === '/v1/applications') {
      const body = JSON.parse(text) as { applicationId: string };
      const bodyHash = createHash('sha256').update(text).digest('hex');
      const stored = key && honourKeys ? byKey.get(key) : undefined;
      if (stored && stored.bodyHash !== bodyHash) return { status: 422, body: { error: { code: 'idempotency-mismatch', message: 'x' } } };
      if (stored) return { status: 200, body: stored.view, headers: { 'idempotent-replay': 'true' } };
      const view = viewFor(body.applicationId);
      filings.push(body.applicationId);
      views.set(body.applicationId, view);
      if (key) byKey.set(key, { bodyHash, view });
      return { status: 201, body: view };
    }
    const get = /^\/v1\/applications\/([0-9a-f-]{36})$/.exec(path);
    if (method === 'GET' && get) {
      const view = views.get(get[1]!);
      return view ? { status: 200, body: view } : { status: 404, body: { error: { code: 'not-found', message: 'x' } } };
    }
    if (method === 'GET' && path.startsWith('/v1/changes')) {
      const query = new URL(path, 'http://x').searchParams;
      const cursor = Number(query.get('cursor') ?? 0);
      const page = feed.filter((c) => c.seq > cursor).slice(0, Number(query.get('limit') ?? 100));
      return { status: 200, body: { changes: page, nextCursor: page.at(-1)?.seq ?? cursor } };
    }
    return { status: 400, body: { error: { code: 'invalid-request', message: 'x' } } };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const checked = verify({ method, path, body: text }, req.headers);
    if (!checked.ok) return error(res, 401, checked.problem);
    const fault = options.fault?.({ method, path, n: n++, body: text }) ?? 'ok';
    log.push({ method, path, fault });
    if (fault === 'reset-before') return req.socket.destroy();
    if (fault === 'hang') return;
    if (fault === 'unavailable') return error(res, 503, 'unavailable', { 'retry-after': String(retryAfterSeconds) });
    if (fault === 'error-500') return error(res, 500, 'internal');
    if (fault === 'nonce-reused') return error(res, 401, 'nonce-reused');
    if (fault === 'refuse') return error(res, 400, 'invalid-request');
    const key = req.headers['idempotency-key'];
    const answer = handle(method, path, typeof key === 'string' ? key : undefined, text);
    if (fault === 'commit-then-drop') return req.socket.destroy();
    if (fault === 'hang-after-commit') return;
    if (fault === 'commit-then-500') return error(res, 500, 'internal');
    send(res, answer.status, answer.body, answer.headers);
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  t.after(close);

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    filings,
    feed,
    log,
    views,
    distinct: () => new Set(filings).size,
    duplicates: () => filings.length - new Set(filings).size,
    close,
  };
}
