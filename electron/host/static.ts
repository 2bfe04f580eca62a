// Streams a file of the built renderer to a browser, with the shared security headers.
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../app/renderer-files.js';

export function sendStaticFile(res: ServerResponse, file: string, headers: Record<string, string>, headOnly: boolean): void {
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypeOf(file),
    // index.html names the hashed bundles of this build: it must never be cached across an update.
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
  });
  if (headOnly) res.end();
  else createReadStream(file).pipe(res);
}
