// The browser host: the built renderer and the contract on 127.0.0.1, behind a per-launch token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { securityHeaders } from '../app/csp.js';
import type { EventHub } from '../app/events.js';
import { locateRendererFile } from '../app/renderer-files.js';
import { isChannel } from '../ipc/contract.js';
import { createDispatcher, type DispatchLog, type Handlers } from '../ipc/dispatch.js';
import { fail, type Envelope } from '../ipc/envelope.js';
import { HOST_API } from '../ipc/transport-http.js';
import { bearerToken, createGuard } from './guard.js';
import { sendStaticFile } from './static.js';

const MAX_BODY_BYTES = 256 * 1024;
const INVOKE_PREFIX = HOST_API.invokePath('');

export interface HostOptions {
  handlers: Handlers;
  events: EventHub;
  rendererDir: string;
  token: string;
  port: number;
  log?: DispatchLog;
}

export interface RunningHost {
  port: number;
  origin: string;
  /** The address to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { handlers, events, rendererDir, token, log } = options;
  const dispatch = createDispatcher(handlers, log);
  // Idle connections stay open well past a client's own keep-alive (undici: 4 s): with Node's 5 s the two timers race
  // on a loaded machine, and a request sent on a socket the server is closing fails with ECONNRESET.
  const server = createServer({ keepAliveTimeout: 30_000 });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  // The guard needs the port the OS gave us, so requests are wired only once it is known.
  const g = createGuard(port, token);
  // The page's own event socket is the one connection it may open besides 'self'.
  const pageHeaders = securityHeaders([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail({ code: 'internal', key: 'errors.internal' }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!g.sameOrigin(req)) return sendJson(res, 403, fail({ code: 'forbidden', key: 'errors.forbidden' }));
    const path = new URL(req.url ?? '/', g.origin).pathname;

    if (path.startsWith(INVOKE_PREFIX)) {
      if (req.method !== 'POST') return sendJson(res, 405, fail({ code: 'invalid-input', key: 'errors.invalidInput' }));
      if (!g.tokenMatches(bearerToken(req))) return sendJson(res, 401, fail({ code: 'unauthorized', key: 'errors.unauthorized' }));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, fail({ code: 'invalid-input', key: 'errors.invalidInput' }));
      }
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 400, fail({ code: 'invalid-input', key: 'errors.invalidInput' }));
      const channel = decodeURIComponent(path.slice(INVOKE_PREFIX.length));
      const answer = await dispatch(channel, body.value, { transport: 'http' });
      return sendJson(res, isChannel(channel) ? 200 : 404, answer);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, fail({ code: 'invalid-input', key: 'errors.invalidInput' }));
    const file = await locateRendererFile(rendererDir, path);
    if (!file) return sendJson(res, 404, fail({ code: 'not-found', key: 'errors.notFound' }));
    sendStaticFile(res, file, pageHeaders, req.method === 'HEAD');
  }

  const sockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(HOST_API.eventsProtocol) ? HOST_API.eventsProtocol : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const token = offered.find((p) => p.startsWith(HOST_API.tokenProtocolPrefix))?.slice(HOST_API.tokenProtocolPrefix.length);
    const path = new URL(req.url ?? '/', g.origin).pathname;
    if (path !== HOST_API.eventsPath || !g.sameOrigin(req) || !g.tokenMatches(token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => forwardEvents(ws, events));
  });

  return {
    port,
    origin: g.origin,
    url: `${g.origin}/#token=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((done) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function forwardEvents(ws: WebSocket, events: EventHub): void {
  const unsubscribe = events.subscribe((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
