// HTTP plumbing of the emulator: body, faults, signature check, idempotency, routing, answer; logs carry no personal data.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../electron/core/canonical-json.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Verification } from '../../electron/core/province/signing.js';
import { SIGNATURE_HEADERS, type RequestToSign } from '../../electron/core/province/signing.js';
import { handleAdmin, type ProvincialAdmin } from './admin.js';
import type { FaultInjector, FaultPlan } from './faults.js';
import { matchRoute, problem, type Answer, type RouteContext } from './routes.js';
import type { ProvincialStore } from './store.js';
import { readBody } from '../http-body.js';

const MAX_BODY = 64 * 1024;
const MAX_KEY = 128;

export interface ServerDeps {
  store: ProvincialStore;
  faults: FaultInjector;
  admin: ProvincialAdmin | null;
  /** Checks the signature with the clock skewed by `skewMs` (the clock-skew fault; 0 otherwise). */
  verify: (request: RequestToSign, headers: IncomingMessage['headers'], skewMs: number) => Verification;
  handle: (ctx: RouteContext) => Answer;
  /** Lazy auto-default, run before every signed request is answered. */
  tick: () => void;
  now: () => number;
  log: (line: string) => void;
  /** false: no stored answer is looked up or kept, so every resend is processed as new (see emulator options). */
  honourKeys: boolean;
}

// canonicalJson (sorted keys): a retry that serialises the same object in another key order is still "the same body".
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpServer(deps: ServerDeps): { server: Server; hung: Set<Socket> } {
  const hung = new Set<Socket>();

  function send(res: ServerResponse, answer: Answer) {
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...answer.headers,
    });
    res.end(text);
  }

  /** Everything after the faults that fire before processing: verify, then route with idempotency. */
  function process(req: IncomingMessage, raw: string, plan: FaultPlan): { answer: Answer; template: string } {
    const url = new URL(req.url ?? '/', 'http://province.invalid');
    const method = req.method ?? 'GET';
    const verdict = deps.verify({ method, path: req.url ?? '/', body: raw }, req.headers, plan['clock-skew']?.ms ?? 0);
    // Signature first: an unsigned request learns nothing else, not even whether the path exists.
    if (!verdict.ok)
      return { answer: problem(401, verdict.problem, verdict.problem), template: url.pathname.startsWith('/v1/') ? '/v1/…' : '…' };
    const match = matchRoute(method, url.pathname);
    if (!match) return { answer: problem(404, 'not-found', 'no such operation'), template: '(unknown)' };
    const { route } = match;
    deps.tick();

    let json: unknown = undefined;
    if (method !== 'GET') {
      try {
        json = JSON.parse(raw);
      } catch {
        return { answer: problem(400, 'invalid-request', 'body: not JSON'), template: route.template };
      }
    }
    const bodyHash = createHash('sha256')
      .update(canonicalJson(json ?? null))
      .digest('hex');
    const keyHeader = req.headers[SIGNATURE_HEADERS.idempotencyKey];
    const idempotencyKey = typeof keyHeader === 'string' && keyHeader.length > 0 && keyHeader.length <= MAX_KEY ? keyHeader : undefined;
    const ctx: RouteContext = {
      route,
      id: match.id,
      terminalId: verdict.terminalId,
      query: url.searchParams,
      json,
      bodyHash,
      idempotencyKey,
      duplicateDelivery: plan['duplicate-delivery'] !== undefined,
    };
    if (!route.mutating) return { answer: deps.handle(ctx), template: route.template };
    if (!idempotencyKey) return { answer: problem(400, 'invalid-request', 'idempotency-key: required'), template: route.template };

    // The key covers the operation too: the same key on another path is another request, so a mismatch.
    const requestHash = createHash('sha256').update(`${method}\n${url.pathname}\n${bodyHash}`).digest('hex');
    // better-sqlite3 is synchronous, so lookup, processing and storing the answer happen with no other request between.
    const answer = deps.store.transaction((): Answer => {
      const stored = deps.honourKeys ? deps.store.answer(verdict.terminalId, idempotencyKey) : undefined;
      if (stored) {
        if (stored.requestHash !== requestHash) return problem(422, 'idempotency-mismatch', 'idempotency-key reused with another request');
        if (route.template === '/v1/applications') deps.store.bump('replays');
        return { status: 200, body: stored.answer, headers: { 'idempotent-replay': 'true' } };
      }
      const fresh = deps.handle(ctx);
      // Only successes are kept: a refused body may be corrected and sent again under the same key.
      if (fresh.status < 300 && deps.honourKeys)
        deps.store.putAnswer(
          verdict.terminalId,
          idempotencyKey,
          { requestHash, status: fresh.status, answer: fresh.body },
          new Date(deps.now()).toISOString(),
        );
      return fresh;
    });
    return { answer, template: route.template };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const pathname = new URL(req.url ?? '/', 'http://province.invalid').pathname;
    const raw = await readBody(req, MAX_BODY);
    const log = (template: string, outcome: string | number) => deps.log(`${method} ${template} ${outcome} ${Date.now() - started}ms`);
    if (raw === null) {
      send(res, problem(400, 'invalid-request', 'body: too large'));
      return log(pathname.startsWith('/admin/') ? pathname : '…', 400);
    }

    if (pathname.startsWith('/admin/')) {
      if (!deps.admin) {
        send(res, problem(404, 'not-found', 'no such operation'));
        return log('/admin/…', 404);
      }
      let json: unknown = undefined;
      try {
        json = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        send(res, problem(400, 'invalid-request', 'body: not JSON'));
        return log(pathname, 400);
      }
      const answer = handleAdmin(deps.admin, method, pathname, json);
      send(res, answer);
      return log(pathname, answer.status);
    }

    // Faults stand for the network and the province's servers, so they come before anything the province does.
    const plan = deps.faults.plan(pathname);
    if (plan.latency?.ms) await sleep(Math.max(0, plan.latency.ms));
    if (plan.reset) {
      req.socket.destroy();
      return log('(fault)', 'reset');
    }
    if (plan.hang) {
      // Never answered; the client gives up (its timeout) or close() destroys the socket.
      hung.add(req.socket);
      req.socket.once('close', () => hung.delete(req.socket));
      return log('(fault)', 'hang');
    }
    const fault5xx = plan['error-5xx'];
    if (fault5xx) {
      const answer =
        fault5xx.status === 503
          ? { ...problem(503, 'unavailable', 'try again later'), headers: { 'retry-after': String(fault5xx.retryAfterSeconds) } }
          : { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
      send(res, answer);
      return log('(fault)', answer.status);
    }

    let result: { answer: Answer; template: string };
    try {
      result = process(req, raw, plan);
    } catch (error) {
      deps.log(`${method} (error) 500 ${(error as Error).name}`);
      result = { answer: { status: 500, body: { error: { code: 'internal', message: 'internal error' } } }, template: '(error)' };
    }
    if (plan['lost-after-commit']) {
      // Committed, then the answer is lost: the ambiguous case a terminal must settle by querying.
      req.socket.destroy();
      return log(result.template, `${result.answer.status} lost`);
    }
    send(res, result.answer);
    log(result.template, result.answer.status);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, body: { error: { code: 'internal', message: 'internal error' } } });
    });
  });
  return { server, hung };
}
