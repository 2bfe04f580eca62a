// The /v1 operations of docs/provincial-api.md: match a path, check the body against the contract, call the service.
import type { z } from 'zod';
import type { ProvinceErrorCode } from '../../electron/core/province/schema.js';
import type { Roster } from '../../electron/core/staff/schema.js';
import { DecisionSchema, LossReportSchema, SubmitApplicationSchema } from '../../electron/core/province/schema.js';
import type { Issuer } from './issuer.js';
import { CorrectionSchema, type Service } from './service.js';
import type { ProvincialStore } from './store.js';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const problem = (status: number, code: ProvinceErrorCode, message: string): Answer => ({
  status,
  body: { error: { code, message } },
});

/** "the message names the first bad field": a dotted path, plus the key itself for an unknown field. */
export function firstBadField(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'body: invalid';
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  return `${path.join('.') || 'body'}: ${issue.message}`;
}

export interface Route {
  method: 'GET' | 'POST';
  /** For logs: the path with ids replaced, so no application id (or anything else) of a person is written. */
  template: string;
  pattern: RegExp;
  /** Mutating: needs an idempotency-key, and its first answer is kept. */
  mutating: boolean;
}

export const routes: Route[] = [
  { method: 'POST', template: '/v1/applications', pattern: /^\/v1\/applications$/, mutating: true },
  { method: 'GET', template: '/v1/applications/:id', pattern: /^\/v1\/applications\/([^/]+)$/, mutating: false },
  { method: 'POST', template: '/v1/applications/:id/decisions', pattern: /^\/v1\/applications\/([^/]+)\/decisions$/, mutating: true },
  { method: 'POST', template: '/v1/applications/:id/corrections', pattern: /^\/v1\/applications\/([^/]+)\/corrections$/, mutating: true },
  { method: 'POST', template: '/v1/applications/:id/loss-report', pattern: /^\/v1\/applications\/([^/]+)\/loss-report$/, mutating: true },
  { method: 'GET', template: '/v1/changes', pattern: /^\/v1\/changes$/, mutating: false },
  { method: 'POST', template: '/v1/codes/verify', pattern: /^\/v1\/codes\/verify$/, mutating: false },
  { method: 'GET', template: '/v1/trust-list', pattern: /^\/v1\/trust-list$/, mutating: false },
  { method: 'GET', template: '/v1/revocations', pattern: /^\/v1\/revocations$/, mutating: false },
  { method: 'GET', template: '/v1/roster', pattern: /^\/v1\/roster$/, mutating: false },
];

export function matchRoute(method: string, pathname: string): { route: Route; id: string | undefined } | undefined {
  for (const route of routes) {
    const m = route.method === method ? route.pattern.exec(pathname) : null;
    if (m) return { route, id: m[1] && decodeURIComponent(m[1]) };
  }
  return undefined;
}

export interface RouteContext {
  route: Route;
  id: string | undefined;
  terminalId: string;
  query: URLSearchParams;
  /** Parsed JSON body (undefined for GET). */
  json: unknown;
  bodyHash: string;
  idempotencyKey: string | undefined;
  /** duplicate-delivery fault for this request. */
  duplicateDelivery: boolean;
}

const MAX_PAGE = 500;
const parseCount = (raw: string | null, fallback: number) => (raw === null ? fallback : /^\d{1,9}$/.test(raw) ? Number(raw) : NaN);

export function createRouteHandler(
  service: Service,
  issuer: Issuer,
  store: ProvincialStore,
  now: () => number,
  roster: () => Roster = () => ({ officers: [], updatedAt: new Date(now()).toISOString() }),
) {
  return (ctx: RouteContext): Answer => {
    switch (ctx.route.template) {
      case '/v1/applications': {
        const parsed = SubmitApplicationSchema.safeParse(ctx.json);
        if (!parsed.success) return problem(400, 'invalid-request', firstBadField(parsed.error));
        // The contract: a submission's idempotency key is its applicationId, so a retry can never file twice.
        if (ctx.idempotencyKey !== parsed.data.applicationId)
          return problem(400, 'invalid-request', 'idempotency-key: must equal applicationId');
        store.bump('submissions');
        const outcome = service.submit(ctx.terminalId, parsed.data, ctx.bodyHash);
        if (outcome.kind === 'conflict') return problem(422, 'idempotency-mismatch', 'applicationId already filed with another body');
        return outcome.kind === 'created' ? { status: 201, body: outcome.view } : { status: 200, body: outcome.view };
      }
      case '/v1/applications/:id': {
        const view = service.get(ctx.id ?? '');
        return view ? { status: 200, body: view } : problem(404, 'not-found', 'no such application');
      }
      case '/v1/applications/:id/decisions': {
        const parsed = DecisionSchema.safeParse(ctx.json);
        if (!parsed.success) return problem(400, 'invalid-request', firstBadField(parsed.error));
        const view = service.decide(ctx.id ?? '', parsed.data);
        return view ? { status: 200, body: view } : problem(404, 'not-found', 'no such application');
      }
      case '/v1/applications/:id/corrections': {
        const parsed = CorrectionSchema.safeParse(ctx.json);
        if (!parsed.success) return problem(400, 'invalid-request', firstBadField(parsed.error));
        const view = service.correct(ctx.id ?? '', parsed.data);
        return view ? { status: 200, body: view } : problem(404, 'not-found', 'no such application');
      }
      case '/v1/applications/:id/loss-report': {
        const parsed = LossReportSchema.safeParse(ctx.json);
        if (!parsed.success) return problem(400, 'invalid-request', firstBadField(parsed.error));
        const view = service.reportLoss(ctx.id ?? '', parsed.data);
        return view ? { status: 200, body: view } : problem(404, 'not-found', 'no such application');
      }
      case '/v1/changes': {
        const cursor = parseCount(ctx.query.get('cursor'), 0);
        const limit = parseCount(ctx.query.get('limit'), 100);
        if (!Number.isSafeInteger(cursor)) return problem(400, 'invalid-request', 'cursor: must be a non-negative integer');
        if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE)
          return problem(400, 'invalid-request', `limit: must be 1…${MAX_PAGE}`);
        // Simplification: every terminal sees every hall's changes (the contract says "for this terminal's hall").
        const page = service.changes(cursor, limit);
        if (ctx.duplicateDelivery) {
          // At-least-once delivery: replay up to two already-delivered changes, or repeat the first one of the page.
          const old = cursor > 0 ? store.changesUpTo(cursor, 2) : page.changes.slice(0, 1);
          return { status: 200, body: { changes: [...old, ...page.changes], nextCursor: page.nextCursor } };
        }
        return { status: 200, body: page };
      }
      case '/v1/codes/verify': {
        const json = ctx.json as { codeText?: unknown } | null;
        const keys = json && typeof json === 'object' ? Object.keys(json) : [];
        if (typeof json?.codeText !== 'string' || json.codeText.length > 1000)
          return problem(400, 'invalid-request', 'codeText: expected a string');
        if (keys.length !== 1) return problem(400, 'invalid-request', `${keys.find((k) => k !== 'codeText')}: unknown field`);
        return { status: 200, body: issuer.verify(json.codeText, new Date(now())) };
      }
      case '/v1/trust-list':
        return { status: 200, body: issuer.trustList(new Date(now())) };
      case '/v1/roster':
        return { status: 200, body: roster() };
      case '/v1/revocations': {
        const rows = store.revocations();
        const updatedAt = rows.at(-1)?.revoked_at ?? new Date(now()).toISOString();
        return { status: 200, body: { hashes: rows.map((r) => r.hash), updatedAt } };
      }
      default:
        return problem(404, 'not-found', 'no such operation');
    }
  };
}
