// Maps a URL path to a file of the built renderer — never one outside it — for the Electron protocol and the host alike.
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

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

export const contentTypeOf = (file: string): string => contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The lexical guard: the decoded path, resolved against root, must stay inside root. Literal ../ is already folded by
 * URL parsers; encoded forms (%2e%2e%2f), absolute paths (%2Fetc, //etc) and backslashes appear only after decoding.
 */
export function mapPathToFile(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  // Backslashes are separators on Windows; a NUL byte truncates paths in some APIs. Neither belongs in our URLs.
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // Only the leading slash is dropped, so "//etc/passwd" stays absolute, resolves outside root and is refused.
  const wanted = decoded === '' || decoded === '/' ? 'index.html' : decoded.slice(1);
  const base = resolve(root);
  const candidate = resolve(base, wanted);
  return inside(base, candidate) ? candidate : undefined;
}

/** The regular file for the path, or undefined. Symlinks are followed and checked again: a link must not lead out. */
export async function locateRendererFile(root: string, pathname: string): Promise<string | undefined> {
  const candidate = mapPathToFile(root, pathname);
  if (!candidate) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    return inside(realRoot, realFile) && (await stat(realFile)).isFile() ? realFile : undefined;
  } catch {
    return undefined;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
