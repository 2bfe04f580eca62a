// Serves the built renderer (dist/renderer) as app://kiosk/…, never a byte from outside that folder.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { protocol } from 'electron';
import { contentTypeOf, locateRendererFile, mapPathToFile } from '../app/renderer-files.js';
import { APP_HOST, APP_SCHEME } from './origin.js';
import { appProtocolHeaders } from './security.js';

/**
 * Before `ready`: a standard, secure scheme gets a real origin (relative URLs, localStorage, 'self' in CSP) and is a
 * secure context; supportFetchAPI lets the page fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** After `ready`. */
export function setupProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, null);
    const file = await locate(root, request.url);
    if (!file) return respond(404, null);
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      // A file that vanished since locate() is simply not there.
      return respond(404, null);
    }
    return respond(200, request.method === 'HEAD' ? null : body, contentTypeOf(file));
  };
}

/** The file an app://kiosk URL names inside root (lexical check only), or undefined for another scheme or host. */
export function mapUrlToPath(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  return mapPathToFile(root, parsed.pathname);
}

async function locate(root: string, url: string): Promise<string | undefined> {
  return mapUrlToPath(root, url) === undefined ? undefined : locateRendererFile(root, new URL(url).pathname);
}

function respond(status: number, body: Uint8Array | null, type?: string): Response {
  const headers = new Headers(appProtocolHeaders());
  if (type) headers.set('content-type', type);
  return new Response(body as BodyInit | null, { status, headers });
}
