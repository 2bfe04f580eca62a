// The printer emulator's control panel: paper, cover, online, hang, one-shot job faults, tickets; in-process and HTTP.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { TicketRecord } from './ticket.js';
import { readBody } from '../http-body.js';

export const PrinterStateSchema = z
  .object({
    paper: z.enum(['ok', 'near-end', 'out']),
    cover: z.enum(['closed', 'open']),
    online: z.boolean(),
    /** Keep connections open but read and answer nothing until cleared. */
    hang: z.boolean(),
    /** The roll runs out after this many more printed lines (text line = its size, feed = its lines, image = ⌈dots/24⌉). */
    paperLinesLeft: z.number().int().min(0).max(1_000_000).nullable(),
  })
  .strict();
export type PrinterState = z.infer<typeof PrinterStateSchema>;
export const PrinterStatePatchSchema = PrinterStateSchema.partial().strict();

export const nextJobKinds = ['disconnect-mid-job', 'drop-before-ack'] as const;
export type NextJob = (typeof nextJobKinds)[number];
export const NextJobSchema = z.object({ nextJob: z.enum(nextJobKinds).nullable() }).strict();

export type PrinterStateView = PrinterState & { nextJob: NextJob | null };

const normal = (): PrinterState => ({ paper: 'ok', cover: 'closed', online: true, hang: false, paperLinesLeft: null });

export interface PrinterAdminDeps {
  /** Called after every state change (the emulator resumes hung connections when hang is cleared). */
  onChange: () => void;
  tickets: () => readonly TicketRecord[];
}

export function createPrinterAdmin(deps: PrinterAdminDeps) {
  let state = normal();
  let nextJob: NextJob | null = null;
  const view = (): PrinterStateView => ({ ...state, nextJob });
  return {
    state: view,
    /** A partial state; throws a ZodError for a bad field. */
    setState(patch: z.input<typeof PrinterStatePatchSchema>): PrinterStateView {
      state = { ...state, ...PrinterStatePatchSchema.parse(patch) };
      deps.onChange();
      return view();
    },
    /** One-shot: applies to the next job only, then clears itself. null disarms. */
    setNextJob(kind: NextJob | null): PrinterStateView {
      nextJob = NextJobSchema.parse({ nextJob: kind }).nextJob;
      deps.onChange();
      return view();
    },
    /** The emulator spends the one-shot when it fires; true if `kind` was armed. */
    takeNextJob(kind: NextJob): boolean {
      if (nextJob !== kind) return false;
      nextJob = null;
      return true;
    },
    /** Paper ok, cover closed, online, no hang, no paper limit, no one-shot. Recorded tickets stay. */
    reset(): PrinterStateView {
      state = normal();
      nextJob = null;
      deps.onChange();
      return view();
    },
    tickets: () =>
      deps.tickets().map((r) => ({ seq: r.seq, cut: r.ticket.cut, transcript: r.transcript, pngFile: r.pngFile, txtFile: r.txtFile })),
  };
}
export type PrinterAdmin = ReturnType<typeof createPrinterAdmin>;

interface Answer {
  status: number;
  body: unknown;
}
const problem = (status: number, code: string, message: string): Answer => ({ status, body: { error: { code, message } } });

/** "the message names the first bad field": dotted path, plus the key itself for an unknown field. */
function firstBadField(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'body: invalid';
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  return `${path.join('.') || 'body'}: ${issue.message}`;
}

export function handlePrinterAdmin(admin: PrinterAdmin, method: string, pathname: string, json: unknown): Answer {
  const parse = <T>(schema: z.ZodType<T>, run: (value: T) => unknown): Answer => {
    const parsed = schema.safeParse(json);
    return parsed.success ? { status: 200, body: run(parsed.data) } : problem(400, 'invalid-request', firstBadField(parsed.error));
  };
  switch (`${method} ${pathname}`) {
    case 'GET /admin/state':
      return { status: 200, body: admin.state() };
    case 'POST /admin/state':
      return parse(PrinterStatePatchSchema, (patch) => admin.setState(patch));
    case 'POST /admin/next-job':
      return parse(NextJobSchema, ({ nextJob }) => admin.setNextJob(nextJob));
    case 'POST /admin/reset':
      return { status: 200, body: admin.reset() };
    case 'GET /admin/tickets':
      return { status: 200, body: { tickets: admin.tickets() } };
    default:
      return problem(404, 'not-found', 'no such admin operation');
  }
}

const MAX_BODY = 16 * 1024;
const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);
const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

function send(res: ServerResponse, answer: Answer) {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The admin over HTTP (JSON). Unauthenticated, so it binds to loopback only and refuses anyone else. */
export async function listenPrinterAdmin(admin: PrinterAdmin, port = 0, host = '127.0.0.1') {
  if (!loopbackHosts.has(host)) throw new Error(`the printer admin listens on loopback only, not ${host}`);
  const server = createServer((req, res) => {
    void (async () => {
      if (!isLoopback(req.socket.remoteAddress)) return send(res, problem(403, 'forbidden', 'loopback only'));
      const method = req.method ?? 'GET';
      const { pathname } = new URL(req.url ?? '/', 'http://printer.invalid');
      let json: unknown = undefined;
      if (method === 'POST') {
        const raw = await readBody(req, MAX_BODY);
        if (raw === null) return send(res, problem(413, 'too-large', 'body over 16 KiB'));
        try {
          json = raw.trim() === '' ? {} : JSON.parse(raw);
        } catch {
          return send(res, problem(400, 'invalid-request', 'body: not JSON'));
        }
      }
      send(res, handlePrinterAdmin(admin, method, pathname, json));
    })().catch(() => send(res, problem(500, 'internal', 'admin failed')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
