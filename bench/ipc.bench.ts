// Contract overhead: a dispatched call against the bare handler, and a host call over HTTP against a bare HTTP echo.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKioskApp } from '../electron/app/create-app.js';
import { openNodeSettings } from '../electron/app/node-settings.js';
import { startHost } from '../electron/host/server.js';
import { createDispatcher } from '../electron/ipc/dispatch.js';
import { HOST_API } from '../electron/ipc/transport-http.js';
import { round, type Bench } from './types.js';

const CALLS = 2000;

async function perCallUs(calls: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < 50; i++) await fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e3 / calls;
}

export const bench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  const app = createKioskApp({ dataDir, settings: openNodeSettings(dataDir), shell: 'browser', tickMs: 0 });
  const token = 'bench-token';
  const host = await startHost({ handlers: app.handlers, events: app.events, rendererDir, token, port: 0 });
  const info = app.handlers['app.info'];
  const bare = createServer((_req, res) => res.end(JSON.stringify({ ok: true, value: info({}, { transport: 'http' }) })));
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  try {
    const dispatch = createDispatcher(app.handlers);
    const direct = await perCallUs(CALLS * 10, () => info({}, { transport: 'ipc' }));
    const dispatched = await perCallUs(CALLS * 10, () => dispatch('app.info', {}, { transport: 'ipc' }));
    const post = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' }).then(
        (r) => r.json(),
      );
    const hostUrl = `${host.origin}${HOST_API.invokePath('app.info')}`;
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const overHost = await perCallUs(CALLS, () => post(hostUrl));
    const overBare = await perCallUs(CALLS, () => post(bareUrl));
    return [
      {
        name: 'ipc.dispatch_call',
        value: round(dispatched),
        unit: 'us',
        baseline: round(direct),
        note: 'app.info with schema checks; baseline: the handler called directly',
      },
      {
        name: 'ipc.host_call',
        value: round(overHost),
        unit: 'us',
        baseline: round(overBare),
        note: 'app.info over loopback HTTP with token and origin checks; baseline: a bare HTTP server',
      },
    ];
  } finally {
    await host.close();
    await new Promise((r) => bare.close(r));
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
