// A socat pty pair (a null-modem cable in software) for the emulator, its tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SOCAT = '/usr/bin/socat';

export interface PtyPair {
  /** The end the kiosk opens (reader.port). */
  kiosk: string;
  /** The end the emulator opens. */
  emulator: string;
  process: ChildProcess;
  /** Resolves when socat has exited (killed, or the line hung up). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export const socatAvailable = (): boolean => existsSync(SOCAT);

/** Starts socat with links `<dir>/kiosk` and `<dir>/emulator`; resolves once socat says "starting data transfer loop". */
export function startPtyPair(dir: string, timeoutMs = 5000): Promise<PtyPair> {
  const kiosk = join(dir, 'kiosk');
  const emulator = join(dir, 'emulator');
  const child = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${kiosk}`, `pty,raw,echo=0,link=${emulator}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let log = '';
    let ready = false;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`socat did not start within ${timeoutMs} ms: ${log.trim()}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`socat exited before the pair was ready: ${log.trim()}`));
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      if (ready) return; // Keep draining stderr so socat never blocks on it, but hold nothing more.
      log += text;
      if (log.includes('starting data transfer loop')) {
        ready = true;
        clearTimeout(timer);
        resolve({ kiosk, emulator, process: child, exited, stop });
      }
    });
  });
}
