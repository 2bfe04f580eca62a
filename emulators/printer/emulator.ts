// createPrinterEmulator: an ESC/POS thermal printer on TCP (port 9100 style) with paper, cover, online and job faults.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Paper } from '../../electron/core/printing/slip.js';
import { createPrinterAdmin, type PrinterAdmin } from './admin.js';
import { createEscPosDecoder, type DecoderOutput, type EscPosDecoder } from './decoder.js';
import { renderTicketPng } from './render-png.js';
import { transcript, type Ticket, type TicketElement, type TicketRecord } from './ticket.js';

export interface PrinterEmulatorOptions {
  /** Where each ticket is written as NNNN.png + NNNN.txt (NNNN-partial.* when it was not cut). None: memory only. */
  outDir?: string;
  paper?: Paper;
  /** One line per connection and ticket: sequence numbers, counts and faults only, never ticket text. */
  log?: (line: string) => void;
}

export interface PrinterEmulator {
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  admin: PrinterAdmin;
  tickets(): TicketRecord[];
}

interface Connection {
  socket: Socket;
  decoder: EscPosDecoder;
  /** Chunks received but not yet processed (while hung). */
  queue: Buffer[];
  ended: boolean;
  done: boolean;
  /** drop-before-ack fired on this connection's last job: its next GS r 1 gets a dropped connection instead. */
  dropAtAck: boolean;
  /** disconnect-mid-job: the decoder as it was when the job started, and the job's bytes since. */
  track: { snapshot: EscPosDecoder; bytes: number[] } | null;
}

const DOTS_PER_LINE = 24;

/** Paper an element uses, in 24-dot lines (for paperLinesLeft). */
function linesOf(element: TicketElement): number {
  switch (element.kind) {
    case 'text':
      return element.size;
    case 'feed':
      return element.lines;
    case 'raster':
      return Math.ceil(element.height / DOTS_PER_LINE);
    case 'qr':
      try {
        const size = QRCode.create(element.data, { errorCorrectionLevel: element.ecc }).modules.size;
        return Math.ceil(((size + 8) * element.moduleDots) / DOTS_PER_LINE);
      } catch {
        return 1;
      }
  }
}

export function createPrinterEmulator(options: PrinterEmulatorOptions = {}): PrinterEmulator {
  const paper = options.paper ?? '58mm';
  const log = options.log ?? (() => {});
  const records: TicketRecord[] = [];
  const connections = new Set<Connection>();
  let server: Server | null = null;
  let closing = false;
  if (options.outDir) mkdirSync(options.outDir, { recursive: true });

  const admin = createPrinterAdmin({
    // Later, not now: a change can come from inside a decoder's accept() (paper used up), mid-push.
    onChange: () =>
      void setImmediate(() => {
        for (const conn of connections) pump(conn);
      }),
    tickets: () => records,
  });

  const printable = () => {
    const s = admin.state();
    return s.paper !== 'out' && s.cover === 'closed' && s.online;
  };

  /** DLE EOT n, from the current state (the contract's bit table). */
  function statusByte(n: 1 | 2 | 3 | 4): number {
    const s = admin.state();
    const paperOut = s.paper === 'out';
    const coverOpen = s.cover === 'open';
    switch (n) {
      case 1: // a printer with its cover open or out of paper is offline too
        return 0x12 | (!s.online || coverOpen || paperOut ? 0x08 : 0);
      case 2: // "offline by the admin" has no cause bit of its own (like a printer taken offline by its button)
        return 0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
      case 3:
        return 0x12;
      case 4:
        return 0x12 | (s.paper === 'near-end' ? 0x0c : 0) | (paperOut ? 0x60 : 0);
    }
  }

  /** GS r 1: the roll's sensors. */
  const paperSensorByte = () => ({ ok: 0x00, 'near-end': 0x03, out: 0x0c })[admin.state().paper];

  /**
   * The decoder asks before each element and cut. Out of paper, cover open or offline: nothing prints (the decoder
   * closes what was printed as a partial ticket). A paper limit turns into "out" the moment it is used up.
   */
  function accept(item: TicketElement | { kind: 'cut' }): boolean {
    if (!printable()) return false;
    const left = admin.state().paperLinesLeft;
    if (item.kind === 'cut' || left === null) return true;
    const lines = linesOf(item);
    if (lines > left) {
      admin.setState({ paper: 'out', paperLinesLeft: null });
      log('paper ran out mid-job');
      return false;
    }
    admin.setState(lines === left ? { paper: 'out', paperLinesLeft: null } : { paperLinesLeft: left - lines });
    if (lines === left) log('paper ran out mid-job');
    return true;
  }

  function record(ticket: Ticket): TicketRecord {
    const seq = records.length + 1;
    const entry: TicketRecord = { seq, ticket, transcript: transcript(ticket) };
    const name = `${String(seq).padStart(4, '0')}${ticket.cut ? '' : '-partial'}`;
    if (options.outDir) {
      entry.txtFile = join(options.outDir, `${name}.txt`);
      writeFileSync(entry.txtFile, entry.transcript);
      try {
        const png = renderTicketPng(ticket);
        entry.pngFile = join(options.outDir, `${name}.png`);
        writeFileSync(entry.pngFile, png);
      } catch (error) {
        log(`ticket ${name}: PNG failed (${(error as Error).message})`);
      }
    }
    records.push(entry);
    log(`ticket ${name}: ${ticket.cut ? 'cut' : 'not cut'}, ${ticket.elements.length} elements`);
    return entry;
  }

  function drop(conn: Connection, why: string) {
    conn.done = true;
    conn.queue = [];
    conn.socket.destroy();
    log(`connection dropped: ${why}`);
  }

  function handle(conn: Connection, output: DecoderOutput) {
    switch (output.kind) {
      case 'status-request':
        conn.socket.write(Uint8Array.of(statusByte(output.n)));
        return;
      case 'ack-request':
        // Cover open or offline: held, as a real printer holds it until it can print again, so the kiosk never takes
        // discarded data for printed. Out of paper: answered at once with 0x0C (a simplification: a real printer would
        // hold it too, but the paper-end bits say the same thing sooner).
        if (conn.dropAtAck) drop(conn, 'drop-before-ack');
        else if (admin.state().cover === 'open' || !admin.state().online) log('GS r 1 held: cover open or offline');
        else conn.socket.write(Uint8Array.of(paperSensorByte()));
        return;
      case 'ticket':
        record(output.ticket);
        if (output.ticket.cut && admin.takeNextJob('drop-before-ack')) conn.dropAtAck = true;
        return;
    }
  }

  /** disconnect-mid-job fired at the job's cut: print only its first half (replayed from the job's start), then hang up. */
  function disconnectMidJob(conn: Connection, track: NonNullable<Connection['track']>) {
    admin.takeNextJob('disconnect-mid-job');
    track.snapshot.push(Uint8Array.from(track.bytes.slice(0, Math.floor(track.bytes.length / 2))));
    record(track.snapshot.flushPartial() ?? { elements: [], cut: false, paper });
    drop(conn, `disconnect-mid-job after ${Math.floor(track.bytes.length / 2)} of ${track.bytes.length} bytes`);
  }

  /**
   * While disconnect-mid-job is armed, bytes go in one at a time so the job's start and its cut are known exactly; the
   * socket is destroyed on the cut, with only the first half of the job's bytes printed. (The second half was already
   * received: a DLE EOT in it was answered. The kiosk cannot tell: it sends a job in one write and waits for GS r 1.)
   */
  function processArmed(conn: Connection, chunk: Buffer) {
    for (let k = 0; k < chunk.length && !conn.done; k++) {
      if (conn.decoder.idle()) conn.track = { snapshot: conn.decoder.fork({ paper }), bytes: [] };
      const outputs = conn.decoder.push(chunk.subarray(k, k + 1));
      conn.track?.bytes.push(chunk[k] ?? 0);
      for (const output of outputs) {
        if (conn.done) return;
        if (output.kind === 'ticket' && output.ticket.cut && conn.track && admin.state().nextJob === 'disconnect-mid-job')
          return disconnectMidJob(conn, conn.track);
        handle(conn, output);
      }
      if (outputs.some((o) => o.kind === 'ticket')) conn.track = null;
    }
  }

  function processChunk(conn: Connection, chunk: Buffer) {
    if (admin.state().nextJob === 'disconnect-mid-job') return processArmed(conn, chunk);
    conn.track = null;
    for (const output of conn.decoder.push(chunk)) {
      if (conn.done) return;
      handle(conn, output);
    }
  }

  function finish(conn: Connection) {
    conn.done = true;
    const partial = conn.decoder.flushPartial();
    // Discarded data (no paper, cover open, offline) is not a ticket: nothing of it reached paper.
    if (partial && printable() && !closing) record(partial);
  }

  /** Works through received chunks unless hung; a hung connection is paused so TCP itself stops reading. */
  function pump(conn: Connection) {
    while (conn.queue.length > 0 && !conn.done && !admin.state().hang) processChunk(conn, conn.queue.shift() as Buffer);
    if (conn.done) return;
    if (admin.state().hang) {
      conn.socket.pause();
      return;
    }
    conn.socket.resume();
    if (conn.ended) {
      finish(conn);
      conn.socket.end();
    }
  }

  function accepted(socket: Socket) {
    const conn: Connection = {
      socket,
      decoder: createEscPosDecoder({ paper, accept }),
      queue: [],
      ended: false,
      done: false,
      dropAtAck: false,
      track: null,
    };
    connections.add(conn);
    log('connection opened');
    socket.on('data', (chunk: Buffer) => {
      conn.queue.push(chunk);
      pump(conn);
    });
    socket.on('end', () => {
      conn.ended = true;
      pump(conn);
    });
    socket.on('error', () => {}); // a reset from the client; 'close' follows
    socket.on('close', () => {
      if (!conn.done) finish(conn);
      connections.delete(conn);
      log('connection closed');
    });
    if (admin.state().hang) socket.pause();
  }

  return {
    admin,
    tickets: () => [...records],
    async listen(port = 9100, host = '127.0.0.1') {
      if (server) throw new Error('the printer emulator is already listening');
      const s = createServer({ allowHalfOpen: true }, accepted);
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => resolve());
      });
      const address = s.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { port: address.port, url: `tcp://${shownHost}:${address.port}` };
    },
    async close() {
      closing = true;
      for (const conn of connections) {
        conn.done = true;
        conn.socket.destroy();
      }
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
