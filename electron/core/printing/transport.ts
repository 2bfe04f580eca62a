// The printer port: status and send over node-thermal-printer (tcp:// or a device file), every call settling in time.
import { existsSync } from 'node:fs';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { PrinterState } from './schema.js';
import { dleEot, GS_R_1, paperFromAck, printerStateFrom, STATUS_OFFLINE_CAUSE, STATUS_PAPER, STATUS_PRINTER } from './status.js';

export type SendOutcome =
  { ok: true; paper: 'ok' | 'near-end' | 'end' } | { ok: false; reason: 'timeout' | 'disconnected' | 'unreachable' };

export interface PrinterPort {
  status(): Promise<PrinterState>;
  /** Sends one whole job; `ok` only once the printer has acknowledged every byte of it. */
  send(bytes: Uint8Array): Promise<SendOutcome>;
}

export interface ThermalPortOptions {
  /** How long a connection may stay silent before the call gives up. A job's print time counts: allow for it. */
  timeoutMs: number;
}

const TCP_URI = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/i;

/** Errors that happen before a connection exists: nothing of the job can have reached the printer. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/** What went wrong when a call to the printer did not answer: see the mapping in createThermalPort. */
type Failure = 'timeout' | 'disconnected' | 'unreachable';

class NoAnswer extends Error {
  constructor(readonly failure: Failure) {
    super(`printer: ${failure}`);
  }
}

/**
 * A port on node-thermal-printer's own interfaces (`interface: uri`).
 *
 * tcp://host:port — each call opens one connection (the library's Network interface does). status() asks
 * `DLE EOT 1`, `2` and `4`; send() writes the job followed by `GS r 1` in one write and waits for that one answer
 * byte, which the printer gives only after printing everything before it. Failures:
 * - connection refused / no route → 'unreachable' (nothing was sent);
 * - the library's socket timeout (connection silent for timeoutMs) → 'timeout';
 * - reset, broken pipe, or the connection closed before the answer → 'disconnected'. The library never settles when
 *   the printer closes cleanly without answering, so every call has its own deadline a little after the socket's:
 *   reaching it means the socket was gone without an error, i.e. closed. A connect that itself times out is reported
 *   as 'timeout', which is the cautious reading (the job may have printed, so a retry is a 补打).
 *
 * A device file path (e.g. /dev/usb/lp0) — the library only writes, it cannot read an answer back. So status() is
 * 'ready' when the file exists and 'unreachable' when it does not, and a completed write counts as
 * `{ ok: true, paper: 'ok' }`: paper end, cover open and a jam are NOT detected on this transport, and a job that
 * did not print is reported done. The library also retries a failing write in the background for up to 200 s after
 * its own 5 s timeout; such a job is reported 'timeout' (it may still print later, so a retry is a 补打).
 */
export function createThermalPort(uri: string, options: ThermalPortOptions): PrinterPort {
  const timeoutMs = Math.max(1, Math.round(options.timeoutMs));
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: uri, options: { timeout: timeoutMs } });
  return TCP_URI.test(uri) ? networkPort(printer, timeoutMs) : deviceFilePort(printer, uri);
}

function networkPort(printer: ThermalPrinter, timeoutMs: number): PrinterPort {
  /**
   * One request, one answer byte. setBuffer + execute are one synchronous step, so calls cannot mix buffers. Our
   * deadline is later than the library's socket timeout, so a silent socket is its 'timeout'; reaching ours means the
   * socket closed without an error or an answer.
   */
  const ask = async (bytes: Uint8Array): Promise<number> => {
    printer.setBuffer(Buffer.from(bytes));
    const answer = await settleWithin(printer.execute({ waitForResponse: true }), timeoutMs + Math.max(500, timeoutMs / 4));
    const byte = Buffer.isBuffer(answer) ? answer[0] : undefined;
    if (byte === undefined) throw new NoAnswer('disconnected');
    return byte;
  };

  return {
    async status() {
      try {
        const printerByte = await ask(dleEot(STATUS_PRINTER));
        const offlineCause = await ask(dleEot(STATUS_OFFLINE_CAUSE));
        const paper = await ask(dleEot(STATUS_PAPER));
        return printerStateFrom({ printer: printerByte, offlineCause, paper });
      } catch {
        return 'unreachable';
      }
    },
    async send(bytes) {
      try {
        const ack = await ask(concat(bytes, GS_R_1));
        return { ok: true, paper: paperFromAck(ack) };
      } catch (error) {
        return { ok: false, reason: failureOf(error) };
      }
    },
  };
}

function deviceFilePort(printer: ThermalPrinter, path: string): PrinterPort {
  return {
    status: () => Promise.resolve(existsSync(path) ? 'ready' : 'unreachable'),
    async send(bytes) {
      // Writing to a missing path would create a plain file and call it printed.
      if (!existsSync(path)) return { ok: false, reason: 'unreachable' };
      try {
        printer.setBuffer(Buffer.from(bytes));
        await printer.execute();
        return { ok: true, paper: 'ok' };
      } catch {
        return { ok: false, reason: 'timeout' };
      }
    },
  };
}

function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new NoAnswer('disconnected')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}

function failureOf(error: unknown): Failure {
  if (error instanceof NoAnswer) return error.failure;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NEVER_CONNECTED.has(code)) return 'unreachable';
  // ETIMEDOUT may come from a connect or from a connection that died mid-job: the cautious reading is 'timeout'.
  if (code === 'ETIMEDOUT' || (error instanceof Error && error.message === 'Socket timeout')) return 'timeout';
  return 'disconnected';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
