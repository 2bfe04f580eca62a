// `npm run start:browser`: the whole app on 127.0.0.1 for a browser, with a fresh token per launch.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createKioskApp } from '../app/create-app.js';
import { openNodeSettings } from '../app/node-settings.js';
import { defaultDataDir, rendererDistDir } from '../app/paths.js';
import { startHost } from './server.js';
import { startupErrorText } from '../app/startup-error.js';
import { isDemo } from '../core/settings/schema.js';

export const DEFAULT_PORT = 7788;

export interface RunHostOptions {
  port?: number;
  dataDir?: string;
}

export async function runHost(options: RunHostOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const rendererDir = rendererDistDir();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`the screen is not built (${rendererDir}/index.html missing): run \`npm run build:renderer\` first`);
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  const settings = openNodeSettings(dataDir);
  const app = createKioskApp({ dataDir, settings, shell: 'browser' });
  const port = options.port ?? portFromEnv();
  // A fixed token is allowed for automated tests only; a person always gets a fresh one.
  const token = process.env.KIOSK_HOST_TOKEN || randomBytes(24).toString('base64url');
  let host;
  try {
    host = await startHost({
      handlers: app.handlers,
      events: app.events,
      rendererDir,
      token,
      port,
      log: ({ channel, code, detail }) => console.error(`[host] ${channel}: ${code}${detail ? ` (${detail})` : ''}`),
    });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} on 127.0.0.1 is already in use: stop the other kiosk or set KIOSK_PORT`);
    }
    throw error;
  }
  console.log(`码上办 kiosk (browser mode) — open: ${host.url}`);
  const configured = settings.read();
  if (isDemo(configured) && configured.printer.uri === undefined) {
    console.log(`demo printer: every slip is written to ${join(dataDir, 'printer-out')} (NNNN.png + NNNN.txt)`);
  }
  return {
    url: host.url,
    async close() {
      await host.close();
      await app.close();
    },
  };
}

function portFromEnv(): number {
  const raw = process.env.KIOSK_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`KIOSK_PORT must be a port number (0–65535), got "${raw}"`);
  return port;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runHost().then(
    (host) => {
      const stop = () => void host.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`码上办 kiosk could not start: ${startupErrorText(error)}`);
      process.exit(1);
    },
  );
}
