// The canary test's terminal: a real demo app in a temp folder, served by the real host, on a clock that can jump ahead.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { backupsDir } from '../../electron/app/backups.js';
import { createKioskApp, type KioskApp } from '../../electron/app/create-app.js';
import { openNodeSettings } from '../../electron/app/node-settings.js';
import { databaseFile } from '../../electron/app/paths.js';
import type { Clock } from '../../electron/core/clock.js';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/ipc/contract.js';
import { HOST_API } from '../../electron/ipc/transport-http.js';

/**
 * Real time from a fixed start, plus whatever the test jumps. It must keep running: the dispatcher's backoff and the
 * reader's timers compare against it, and a frozen clock would leave a retried send never due. The in-process demo
 * province is handed the same clock by create-app (province.ts), so a jump ages the province's codes too.
 */
export interface JumpingClock extends Clock {
  jump(ms: number): void;
}

export function jumpingClock(start = '2026-11-27T02:00:00Z'): JumpingClock {
  const base = Date.parse(start);
  const started = Date.now();
  let offset = 0;
  return { now: () => new Date(base + (Date.now() - started) + offset), jump: (ms) => void (offset += ms) };
}

/** One answer of the host, as the bytes came over the wire and as parsed. */
export interface HostAnswer {
  status: number;
  text: string;
  body: { ok: true; value: unknown } | { ok: false; error: { key: string } };
}

export interface CanaryKiosk {
  app: KioskApp;
  clock: JumpingClock;
  dataDir: string;
  dbFile: string;
  backupDir: string;
  host: RunningHost;
  /** The text of every answer the host gave this test's calls, the canaries' own sessions included. */
  answered: string[];
  /** POST /api/invoke/<channel> with the token, as any page on the host would. */
  invoke(channel: string, input: unknown): Promise<HostAnswer>;
  /** The same, but an answer that is not ok throws (for the scripted sessions). */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

const TOKEN = 'canary-token-0123456789abcdef';

export async function startCanaryKiosk(): Promise<CanaryKiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-canary-'));
  const settings = openNodeSettings(dataDir);
  const clock = jumpingClock();
  const app = createKioskApp({ dataDir, settings, shell: 'browser', tickMs: 0, clock });
  // No screen is built for this test: the host serves the contract, and any page request answers 404.
  const rendererDir = join(dataDir, 'no-renderer');
  mkdirSync(rendererDir);
  // The real host's log line (electron/host/index.ts), so what it would log is captured with the rest.
  const host = await startHost({
    handlers: app.handlers,
    events: app.events,
    rendererDir,
    token: TOKEN,
    port: 0,
    log: ({ channel, code, detail }) => console.error(`[host] ${channel}: ${code}${detail ? ` (${detail})` : ''}`),
  });

  const answered: string[] = [];
  async function invoke(channel: string, input: unknown): Promise<HostAnswer> {
    const response = await fetch(`${host.origin}${HOST_API.invokePath(channel)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    answered.push(text);
    return { status: response.status, text, body: JSON.parse(text) as HostAnswer['body'] };
  }

  return {
    app,
    clock,
    dataDir,
    dbFile: databaseFile(dataDir, settings.read().databasePath),
    backupDir: backupsDir(dataDir, settings.read().backup?.dir),
    host,
    answered,
    invoke,
    async call(channel, input) {
      const answer = await invoke(channel, input);
      if (!answer.body.ok) throw new Error(`${channel} refused: ${answer.body.error.key}`);
      return answer.body.value as never;
    },
    async close() {
      await host.close();
      // Closed before its folder goes: the demo printer may still be writing the last slip's transcript.
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every frame the host pushes to an event socket that brought the token: what any other open page receives. */
export async function listenToEvents(kiosk: CanaryKiosk): Promise<{ frames: string[]; close(): void }> {
  const url = new URL(HOST_API.eventsPath, kiosk.host.origin);
  url.protocol = 'ws:';
  const ws = new WebSocket(url, [HOST_API.eventsProtocol, HOST_API.tokenProtocol(TOKEN)], { origin: kiosk.host.origin });
  const frames: string[] = [];
  ws.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { frames, close: () => ws.close() };
}
