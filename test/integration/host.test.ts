// The browser host over real HTTP and WebSocket: token, origin, host name, traversal, every channel once.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import WebSocket from 'ws';
import { createKioskApp } from '../../electron/app/create-app.js';
import { openNodeSettings } from '../../electron/app/node-settings.js';
import { channelNames } from '../../electron/ipc/contract.js';
import type { Handlers } from '../../electron/ipc/dispatch.js';
import { HOST_API } from '../../electron/ipc/transport-http.js';
import { startHost } from '../../electron/host/server.js';
import { sampleInputs } from '../helpers/channel-samples.js';
import { tempDir } from '../helpers/temp.js';

const TOKEN = 'test-token-0123456789abcdef';

async function setup(t: TestContext, wrap?: (h: Handlers) => Handlers) {
  const dataDir = tempDir(t);
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(dataDir, 'secret.txt'), 'outside the renderer');
  const app = createKioskApp({ dataDir, settings: openNodeSettings(dataDir), shell: 'browser', tickMs: 0 });
  const host = await startHost({
    handlers: wrap ? wrap(app.handlers) : app.handlers,
    events: app.events,
    rendererDir,
    token: TOKEN,
    port: 0,
  });
  t.after(async () => {
    await host.close();
    await app.close();
  });
  return { host, app };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const invoke = (port: number, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(port, HOST_API.invokePath(channel), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(body),
  });

test('serves the renderer with a strict CSP, and never a file outside it', async (t) => {
  const { host } = await setup(t);
  const home = await send(host.port, '/');
  assert.equal(home.status, 200);
  assert.match(String(home.headers['content-security-policy']), /default-src 'self'.*script-src 'self'/);
  for (const path of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '//etc/passwd',
    '/index.html%00.js',
  ]) {
    const reply = await send(host.port, path);
    assert.equal(reply.status, 404, path);
    assert.ok(!reply.body.includes('outside the renderer'), path);
  }
});

test('a call needs the per-launch token', async (t) => {
  const { host } = await setup(t);
  assert.equal((await invoke(host.port, 'app.info', {}, { authorization: '' })).status, 401);
  assert.equal((await invoke(host.port, 'app.info', {}, { authorization: `Bearer ${TOKEN}x` })).status, 401);
  const good = await invoke(host.port, 'app.info', {});
  assert.equal(good.status, 200);
  const answer = JSON.parse(good.body) as { ok: boolean; value: { demo: boolean; shell: string } };
  assert.equal(answer.ok, true);
  assert.equal(answer.value.demo, true);
  assert.equal(answer.value.shell, 'browser');
});

test('other origins and other host names (DNS rebinding) are refused', async (t) => {
  const { host } = await setup(t);
  assert.equal((await invoke(host.port, 'app.info', {}, { origin: 'http://evil.example' })).status, 403);
  assert.equal((await invoke(host.port, 'app.info', {}, { host: `evil.example:${host.port}` })).status, 403);
  assert.equal((await send(host.port, '/', { headers: { host: 'evil.example' } })).status, 403);
  assert.equal((await invoke(host.port, 'app.info', {}, { origin: host.origin })).status, 200);
});

test('every channel reaches exactly one handler; malformed input reaches none', async (t) => {
  const calls = new Map<string, number>();
  const { host } = await setup(t, (handlers) => {
    const spied = { ...handlers } as Record<string, (...a: unknown[]) => unknown>;
    for (const name of channelNames) {
      const original = spied[name]!;
      spied[name] = (...args) => (calls.set(name, (calls.get(name) ?? 0) + 1), original(...args));
    }
    return spied as unknown as Handlers;
  });
  for (const name of channelNames) {
    const reply = JSON.parse((await invoke(host.port, name, sampleInputs[name])).body) as { ok: boolean; error?: { code: string } };
    // Reaching the handler is what counts here; a staff-only channel may then refuse a caller who is not signed in.
    assert.ok(
      reply.ok || !['invalid-input', 'unknown-channel', 'internal'].includes(reply.error!.code),
      `${name}: ${JSON.stringify(reply)}`,
    );
  }
  for (const name of channelNames) assert.equal(calls.get(name), 1, name);
  const bad = await invoke(host.port, 'app.info', { unexpected: true });
  assert.equal((JSON.parse(bad.body) as { error: { key: string } }).error.key, 'errors.invalidInput');
  const notJson = await send(host.port, HOST_API.invokePath('app.info'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: '{not json',
  });
  assert.equal(notJson.status, 400);
  assert.equal((await invoke(host.port, 'no.such.channel', {})).status, 404);
  for (const name of channelNames) assert.equal(calls.get(name), 1, `${name} was called by a bad request`);
});

test('events reach a WebSocket that brings the token, and only that one', async (t) => {
  const { host, app } = await setup(t);
  const url = `ws://127.0.0.1:${host.port}${HOST_API.eventsPath}`;
  const refused = new WebSocket(url, [HOST_API.eventsProtocol, HOST_API.tokenProtocol('wrong')]);
  await new Promise<void>((resolve) => refused.on('error', () => resolve()));

  const ws = new WebSocket(url, [HOST_API.eventsProtocol, HOST_API.tokenProtocol(TOKEN)], { origin: host.origin });
  await new Promise((resolve, reject) => (ws.on('open', resolve), ws.on('error', reject)));
  const received = new Promise<string>((resolve) => ws.on('message', (m) => resolve(String(m))));
  app.events.emit('clock.tick', { now: '2026-11-27T08:00:00.000+08:00' });
  assert.deepEqual(JSON.parse(await received), { event: 'clock.tick', payload: { now: '2026-11-27T08:00:00.000+08:00' } });
  ws.close();
});
