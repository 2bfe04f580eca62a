// A browser-mode host in its own Node process (electron/host/index.ts) on a free loopback port, with a temp data dir.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../electron/app/paths.js';
import { defaultSettings, type Settings } from '../../electron/core/settings/schema.js';

export interface HostProcess {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The address to open: the token rides in the fragment. */
  url: string;
  token: string;
  dataDir: string;
  /** POST /api/invoke/<channel> with the token; resolves to the envelope's value, rejects on a failed envelope. */
  invoke(channel: string, input?: object): Promise<unknown>;
  /** SIGTERM, wait for the exit, remove the data dir. */
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  /** Written to <data dir>/settings.json before the host starts (the host reads it through `conf`). */
  settings?: Partial<Settings>;
  startTimeoutMs?: number;
}

/** The line index.ts prints once it listens: `… open: http://127.0.0.1:PORT/#token=…`. */
const OPEN_LINE = /open: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/;

export async function startHostProcess(options: HostProcessOptions = {}): Promise<HostProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-host-'));
  if (options.settings) {
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ ...defaultSettings, ...options.settings }, null, 2));
  }
  const token = randomBytes(18).toString('base64url');
  const root = projectRoot();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'host', 'index.ts')], {
    cwd: root,
    // Port 0: the OS picks a free port, and the host prints the one it got.
    env: { ...process.env, KIOSK_PORT: '0', KIOSK_HOST_TOKEN: token, KIOSK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    // Only the tail is kept, for the start failure message; the host logs codes, never personal data.
    errors = (errors + text).slice(-2000);
  });

  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start in time: ${errors}`)), options.startTimeoutMs ?? 60_000);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const match = OPEN_LINE.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before listening: ${errors}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

  return {
    origin,
    url: `${origin}/#token=${encodeURIComponent(token)}`,
    token,
    dataDir,
    async invoke(channel, input = {}) {
      const response = await fetch(`${origin}/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      }).catch((error: unknown) => {
        // Whether the host died or only the connection dropped, and what it said last: the failure explains itself.
        const state =
          child.exitCode === null && child.signalCode === null ? 'still running' : `exited (${child.exitCode ?? child.signalCode})`;
        throw new Error(
          `${channel}: ${String((error as Error).cause ?? error)}; the host is ${state}; its last words: ${errors || '(none)'}`,
        );
      });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error?.code ?? response.status}`);
      return envelope.value;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
