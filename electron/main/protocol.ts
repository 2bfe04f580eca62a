// Serves the built renderer (dist/renderer) as app://kiosk/…, never a byte from outside that folder.
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
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

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

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
      // Folders (EISDIR) and files that vanished since locate() are simply not there.
      return respond(404, null);
    }
    const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return respond(200, request.method === 'HEAD' ? null : body, type);
  };
}

/**
 * The lexical guard: the decoded path, resolved against root, must stay inside root. Literal ../ is already folded by
 * the URL parser; encoded forms (%2e%2e%2f), absolute paths (%2Fetc, //etc) and backslashes appear only after decoding.
 */
export function mapUrlToPath(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  // Backslashes are separators on Windows; a NUL byte truncates paths in some APIs. Neither belongs in our URLs.
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // Only the leading slash is dropped, so "//etc/passwd" stays absolute, resolves outside root and is refused.
  const wanted = decoded === '' || decoded === '/' ? 'index.html' : decoded.slice(1);
  const candidate = resolve(root, wanted);
  return inside(root, candidate) ? candidate : undefined;
}

/** The file for the URL, or undefined. Symlinks are followed and checked again: a link must not lead out. */
export async function locate(root: string, url: string): Promise<string | undefined> {
  const candidate = mapUrlToPath(root, url);
  if (!candidate) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    return inside(realRoot, realFile) ? realFile : undefined;
  } catch {
    return undefined;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function respond(status: number, body: Uint8Array | null, type?: string): Response {
  const headers = new Headers(appProtocolHeaders());
  if (type) headers.set('content-type', type);
  return new Response(body as BodyInit | null, { status, headers });
}
