// Incremental ESC/POS decoder of the emulated printer: bytes in any chunking → tickets, status and ack requests.
// Written from the ESC/POS subset of the printing contract, independently of the kiosk's encoder.
import iconv from 'iconv-lite';
import { paperSpecs, type Paper } from '../../electron/core/printing/slip.js';
import { charColumns, type Align, type QrEcc, type Ticket, type TicketElement } from './ticket.js';

export type DecoderOutput =
  | { kind: 'ticket'; ticket: Ticket }
  /** DLE EOT n: real-time, to be answered at once. */
  | { kind: 'status-request'; n: 1 | 2 | 3 | 4 }
  /** GS r 1: answered in order, after everything before it was printed. */
  | { kind: 'ack-request' };

export interface DecoderOptions {
  /** The roll: its column count decides where an over-long line wraps. Default 58mm. */
  paper?: Paper;
  /**
   * The printer's say on each element (and each cut) as it is about to be printed; false = not printed (out of
   * paper, cover open…). A refusal closes what is already on paper as a partial ticket (cut: false) and drops the
   * item. Absent: everything prints.
   */
  accept?: (item: TicketElement | { kind: 'cut' }) => boolean;
}

export interface EscPosDecoder {
  push(bytes: Uint8Array): DecoderOutput[];
  /** The ticket begun but not cut (elements, plus a line without its LF), or null; the decoder then starts clean. */
  flushPartial(): Ticket | null;
  /** Between jobs: nothing on the current ticket yet, no unfinished line, no half-read command. */
  idle(): boolean;
  /** An independent copy of the decoder in its current state (modes, stored QR, open ticket, half-read command). */
  fork(options?: DecoderOptions): EscPosDecoder;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;
const NUL = 0x00;

/** Larger declared payloads are skipped rather than kept: a malformed length must not allocate gigabytes. */
const MAX_RASTER_BYTES = 8 * 1024 * 1024;
const MAX_QR_COMMAND = 8 * 1024;
/** A printer prints a full line buffer even without LF; this bounds memory for endless text. */
const MAX_LINE_BYTES = 4096;

/** Work in progress on a payload whose length the command header declared (so it may arrive over many pushes). */
type Collect =
  | { purpose: 'skip'; left: number; then: Collect | null }
  | { purpose: 'until-nul'; left: number }
  | { purpose: 'raster'; widthBytes: number; height: number; bits: Uint8Array; filled: number }
  | { purpose: 'qr'; buf: Uint8Array; filled: number }
  | { purpose: 'user-chars'; bytesPerColumn: number; charsLeft: number };

interface Segment {
  chinese: boolean;
  bytes: number[];
}

/** Plain data only, so fork() is a structuredClone. */
interface State {
  chinese: boolean;
  align: Align;
  size: number;
  bold: boolean;
  qrModule: number;
  qrEcc: QrEcc;
  qrData: Uint8Array | null;
  /** The line being filled; its style is the one in force at its first character (ESC a works at line start). */
  line: { segments: Segment[]; byteCount: number; align: Align; size: number; bold: boolean } | null;
  elements: TicketElement[];
  /** The start of a command whose header has not fully arrived. */
  pending: Uint8Array;
  collect: Collect | null;
}

function initialState(): State {
  return {
    chinese: false,
    align: 'left',
    size: 1,
    bold: false,
    // Epson's power-on QR settings: module 3 dots, ECC L.
    qrModule: 3,
    qrEcc: 'L',
    qrData: null,
    line: null,
    elements: [],
    pending: new Uint8Array(0),
    collect: null,
  };
}

const alignOf = (n: number): Align | null => (({ 0: 'left', 1: 'center', 2: 'right' }) as const)[n >= 48 ? n - 48 : n] ?? null;
const eccOf = (n: number): QrEcc | null => (({ 48: 'L', 49: 'M', 50: 'Q', 51: 'H' }) as const)[n] ?? null;

/** Command letters grouped by how many parameter bytes follow them → letter code → length. */
const fixedLengths = (groups: Record<number, string>): Record<number, number> =>
  Object.fromEntries(Object.entries(groups).flatMap(([n, letters]) => [...letters].map((c) => [c.charCodeAt(0), Number(n)])));
/** Bytes that follow `ESC x` / `GS x` / `FS x` for commands with a fixed length that this printer ignores. */
const escFixed = fixedLengths({ 0: '2<LSv', 1: ' -3=?GJMRTUVejrtu{%', 2: '$\\cB', 3: 'p', 8: 'W' });
const gsFixed = fixedLengths({ 0: ':c', 1: 'BHITabfhwjE/', 2: 'LWP$\\', 3: '^' });
const fsFixed = fixedLengths({ 1: '!-CW', 2: 'Sp', 74: '2' });

/** ASCII mode prints printable ASCII; anything else shows as '?' (the real printer would pick a code page glyph). */
function decodeAscii(bytes: number[]): string {
  return bytes.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?')).join('');
}

function decodeGb18030(bytes: number[]): string {
  // iconv-lite replaces malformed sequences with U+FFFD rather than throwing.
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  return [...text].map((char) => (char < ' ' || char === '\u007f' ? '?' : char)).join('');
}

/** A line longer than the roll wraps onto the next printed line, as the printer does when its line buffer is full. */
function wrap(text: string, size: number, columns: number): string[] {
  const out: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    const width = charColumns(char) * size;
    if (used > 0 && used + width > columns) {
      out.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += width;
  }
  out.push(current);
  return out;
}

const utf8 = new TextDecoder('utf-8');

export function createEscPosDecoder(options: DecoderOptions = {}): EscPosDecoder {
  return decoderFrom(options, initialState());
}

function decoderFrom(options: DecoderOptions, s: State): EscPosDecoder {
  const paper = options.paper ?? '58mm';
  const { columns } = paperSpecs[paper];
  let out: DecoderOutput[] = [];

  function closeAsPartial() {
    if (s.elements.length > 0) out.push({ kind: 'ticket', ticket: { elements: s.elements, cut: false, paper } });
    s.elements = [];
  }

  function addElement(element: TicketElement) {
    if (options.accept && !options.accept(element)) closeAsPartial();
    else s.elements.push(element);
  }

  function lineElements(): TicketElement[] {
    const line = s.line;
    s.line = null;
    if (!line) return [{ kind: 'text', text: '', align: s.align, size: s.size, bold: s.bold }];
    const text = line.segments.map((seg) => (seg.chinese ? decodeGb18030(seg.bytes) : decodeAscii(seg.bytes))).join('');
    return wrap(text, line.size, columns).map((part) => ({
      kind: 'text',
      text: part,
      align: line.align,
      size: line.size,
      bold: line.bold,
    }));
  }

  /** LF / ESC d: print the line buffer (an empty one prints an empty line). */
  const printLine = () => lineElements().forEach(addElement);
  /** Before a symbol, image or cut: print a started line, but do not feed an empty one. */
  const finishLine = () => {
    if (s.line) printLine();
  };

  function feed(lines: number) {
    if (lines > 0) addElement({ kind: 'feed', lines });
  }

  function cut() {
    finishLine();
    if (options.accept && !options.accept({ kind: 'cut' })) closeAsPartial();
    else {
      out.push({ kind: 'ticket', ticket: { elements: s.elements, cut: true, paper } });
      s.elements = [];
    }
  }

  function appendText(bytes: Uint8Array) {
    s.line ??= { segments: [], byteCount: 0, align: s.align, size: s.size, bold: s.bold };
    let last = s.line.segments.at(-1);
    if (!last || last.chinese !== s.chinese) {
      last = { chinese: s.chinese, bytes: [] };
      s.line.segments.push(last);
    }
    for (const b of bytes) last.bytes.push(b);
    s.line.byteCount += bytes.length;
    if (s.line.byteCount > MAX_LINE_BYTES) printLine();
  }

  /** ESC @ clears the print buffer (an unprinted line is dropped) and the modes, QR settings and stored symbol too. */
  function reset() {
    const { elements } = s;
    Object.assign(s, initialState(), { elements, pending: s.pending, collect: s.collect });
  }

  function runQrFunction(buf: Uint8Array) {
    const [cn, fn, param = 0] = buf;
    if (cn !== 0x31) return;
    if (fn === 0x43 && param >= 1 && param <= 16) s.qrModule = param;
    else if (fn === 0x45) s.qrEcc = eccOf(param) ?? s.qrEcc;
    else if (fn === 0x50) s.qrData = buf.slice(3);
    else if (fn === 0x51 && s.qrData && s.qrData.length > 0) {
      finishLine();
      addElement({ kind: 'qr', data: utf8.decode(s.qrData), moduleDots: s.qrModule, ecc: s.qrEcc, align: s.align });
    }
    // fn 0x41 (model) and others: model 2 is the only one this printer draws.
  }

  /** Consumes payload bytes from data[i…]; returns the new index. */
  function feedCollect(c: Collect, data: Uint8Array, i: number): number {
    const available = data.length - i;
    switch (c.purpose) {
      case 'skip': {
        const n = Math.min(c.left, available);
        c.left -= n;
        if (c.left === 0) s.collect = c.then;
        return i + n;
      }
      case 'until-nul': {
        const limit = Math.min(c.left, available);
        for (let k = 0; k < limit; k++)
          if (data[i + k] === NUL) {
            s.collect = null;
            return i + k + 1;
          }
        c.left -= limit;
        if (c.left === 0) s.collect = null;
        return i + limit;
      }
      case 'raster': {
        const n = Math.min(c.bits.length - c.filled, available);
        c.bits.set(data.subarray(i, i + n), c.filled);
        c.filled += n;
        if (c.filled === c.bits.length) {
          s.collect = null;
          addElement({ kind: 'raster', widthDots: c.widthBytes * 8, height: c.height, bits: c.bits, align: s.align });
        }
        return i + n;
      }
      case 'qr': {
        const n = Math.min(c.buf.length - c.filled, available);
        c.buf.set(data.subarray(i, i + n), c.filled);
        c.filled += n;
        if (c.filled === c.buf.length) {
          s.collect = null;
          runQrFunction(c.buf);
        }
        return i + n;
      }
      case 'user-chars': {
        // ESC & y c1 c2 [x d1…d(y·x)]…: each character is its width x, then y·x bytes.
        if (c.charsLeft === 0) {
          s.collect = null;
          return i;
        }
        const x = data[i] ?? 0;
        const next: Collect = { ...c, charsLeft: c.charsLeft - 1 };
        s.collect = x * c.bytesPerColumn > 0 ? { purpose: 'skip', left: x * c.bytesPerColumn, then: next } : next;
        return i + 1;
      }
    }
  }

  const skip = (left: number): void => {
    if (left > 0) s.collect = { purpose: 'skip', left, then: null };
  };
  const u16 = (data: Uint8Array, at: number) => (data[at] ?? 0) + 256 * (data[at + 1] ?? 0);

  /** Runs the command starting at data[i] (a byte below 0x20); returns bytes used, or 0 when more must arrive. */
  function command(data: Uint8Array, i: number): number {
    const have = data.length - i;
    const at = (k: number) => data[i + k] ?? 0;
    const b = at(0);
    if (b === LF) {
      printLine();
      return 1;
    }
    if (b !== ESC && b !== GS && b !== FS && b !== DLE) return 1; // CR, HT, NUL…: nothing to print
    if (have < 2) return 0;
    const c = at(1);
    const ch = String.fromCharCode(c);

    if (b === DLE) {
      if (c === 0x04) {
        if (have < 3) return 0;
        const n = at(2);
        if (n >= 1 && n <= 4) out.push({ kind: 'status-request', n: n as 1 | 2 | 3 | 4 });
        if (n === 7 || n === 8) return have < 4 ? 0 : 4;
        return 3;
      }
      if (c === 0x05) return have < 3 ? 0 : 3;
      if (c === 0x14) {
        if (have < 3) return 0;
        const length = ({ 1: 5, 2: 5, 7: 4, 8: 10 } as Record<number, number>)[at(2)] ?? 3;
        return have < length ? 0 : length;
      }
      return 1;
    }

    if (b === FS) {
      if (ch === '&' || ch === '.') {
        s.chinese = ch === '&';
        return 2;
      }
      if (ch === '(') {
        if (have < 5) return 0;
        skip(u16(data, i + 3));
        return 5;
      }
      const fixed = fsFixed[c];
      if (fixed !== undefined) return have < 2 + fixed ? 0 : 2 + fixed;
      return 2;
    }

    if (b === ESC) {
      switch (ch) {
        case '@':
          reset();
          return 2;
        case 'i':
        case 'm':
          cut(); // the older one-byte partial cuts: still the end of a ticket
          return 2;
        case 'a':
        case 'E':
        case 'd':
        case '!': {
          if (have < 3) return 0;
          const n = at(2);
          if (ch === 'a') s.align = alignOf(n) ?? s.align;
          else if (ch === 'E') s.bold = (n & 1) === 1;
          else if (ch === 'd') {
            // ESC d n prints the buffer and feeds n lines in all (ESC d 1 = LF): a printed line is the first of them.
            if (s.line) {
              printLine();
              feed(n - 1);
            } else feed(n);
          } else {
            s.bold = (n & 0x08) !== 0;
            s.size = n & 0x20 ? 2 : 1;
          }
          return 3;
        }
        case '*': {
          if (have < 5) return 0;
          skip(u16(data, i + 3) * (at(2) >= 32 ? 3 : 1));
          return 5;
        }
        case 'D':
          s.collect = { purpose: 'until-nul', left: 33 };
          return 2;
        case '(': {
          if (have < 5) return 0;
          skip(u16(data, i + 3));
          return 5;
        }
        case '&': {
          if (have < 5) return 0;
          const [y, c1, c2] = [at(2), at(3), at(4)];
          if (c2 >= c1) s.collect = { purpose: 'user-chars', bytesPerColumn: y, charsLeft: c2 - c1 + 1 };
          return 5;
        }
        default: {
          const fixed = escFixed[c];
          if (fixed !== undefined) return have < 2 + fixed ? 0 : 2 + fixed;
          return 2;
        }
      }
    }

    // GS
    switch (ch) {
      case '!': {
        if (have < 3) return 0;
        s.size = ((at(2) >> 4) & 0x07) + 1;
        return 3;
      }
      case 'V': {
        if (have < 3) return 0;
        const m = at(2);
        if (m === 0 || m === 48 || m === 1 || m === 49) {
          cut();
          return 3;
        }
        if (m === 65 || m === 66 || m === 103 || m === 104) {
          if (have < 4) return 0;
          finishLine();
          feed(at(3));
          cut();
          return 4;
        }
        if (m === 97 || m === 98) return have < 4 ? 0 : 4; // set a cut position: no cut now
        return 3;
      }
      case 'r': {
        if (have < 3) return 0;
        if (at(2) === 1 || at(2) === 0x31) out.push({ kind: 'ack-request' });
        return 3;
      }
      case 'v': {
        if (have < 3) return 0;
        if (at(2) !== 0x30) return 2;
        if (have < 8) return 0;
        const widthBytes = u16(data, i + 4);
        const height = u16(data, i + 6);
        const total = widthBytes * height;
        finishLine();
        if (total > MAX_RASTER_BYTES) skip(total);
        else if (total > 0) s.collect = { purpose: 'raster', widthBytes, height, bits: new Uint8Array(total), filled: 0 };
        return 8;
      }
      case '(': {
        if (have < 5) return 0;
        const length = u16(data, i + 3);
        if (at(2) === 0x6b && length <= MAX_QR_COMMAND) {
          if (length > 0) s.collect = { purpose: 'qr', buf: new Uint8Array(length), filled: 0 };
        } else skip(length);
        return 5;
      }
      case '8': {
        if (have < 3) return 0;
        if (at(2) !== 0x4c) return 2;
        if (have < 7) return 0;
        skip(at(3) + at(4) * 0x100 + at(5) * 0x10000 + at(6) * 0x1000000);
        return 7;
      }
      case 'k': {
        if (have < 3) return 0;
        const m = at(2);
        if (m <= 6) {
          s.collect = { purpose: 'until-nul', left: 256 };
          return 3;
        }
        if (m >= 65 && m <= 79) {
          if (have < 4) return 0;
          skip(at(3));
          return 4;
        }
        return 3;
      }
      case '*': {
        if (have < 4) return 0;
        skip(at(2) * at(3) * 8);
        return 4;
      }
      case 'Q': {
        if (have < 3) return 0;
        if (at(2) !== 0x30) return 2;
        if (have < 8) return 0;
        skip(u16(data, i + 4) * u16(data, i + 6));
        return 8;
      }
      case 'g': {
        if (have < 3) return 0;
        if (at(2) !== 0x30 && at(2) !== 0x32) return 2;
        return have < 7 ? 0 : 7;
      }
      case 'z': {
        if (have < 3) return 0;
        if (at(2) !== 0x30) return 2;
        return have < 5 ? 0 : 5;
      }
      default: {
        const fixed = gsFixed[c];
        if (fixed !== undefined) return have < 2 + fixed ? 0 : 2 + fixed;
        return 2;
      }
    }
  }

  return {
    push(bytes) {
      out = [];
      const data = s.pending.length > 0 ? Buffer.concat([s.pending, bytes]) : bytes;
      s.pending = new Uint8Array(0);
      let i = 0;
      while (i < data.length) {
        if (s.collect) {
          i = feedCollect(s.collect, data, i);
          continue;
        }
        if ((data[i] ?? 0) >= 0x20) {
          let j = i;
          while (j < data.length && (data[j] ?? 0) >= 0x20) j++;
          appendText(data.subarray(i, j));
          i = j;
          continue;
        }
        const used = command(data, i);
        if (used === 0) {
          s.pending = Uint8Array.prototype.slice.call(data, i); // a copy: Buffer#slice would only be a view
          break;
        }
        i += used;
      }
      return out;
    },
    flushPartial() {
      out = [];
      if (s.line) s.elements.push(...lineElements());
      if (s.elements.length === 0) return null;
      const ticket: Ticket = { elements: s.elements, cut: false, paper };
      s.elements = [];
      return ticket;
    },
    idle: () => s.elements.length === 0 && s.line === null && s.collect === null && s.pending.length === 0,
    fork: (forkOptions) => decoderFrom(forkOptions ?? { paper }, structuredClone(s)),
  };
}

/** Every ticket in a byte stream: the cut ones in order, then the unfinished rest (cut: false) if any. */
export function decodeEscPos(bytes: Uint8Array, options: Omit<DecoderOptions, 'accept'> = {}): Ticket[] {
  const decoder = createEscPosDecoder(options);
  const tickets = decoder.push(bytes).flatMap((o) => (o.kind === 'ticket' ? [o.ticket] : []));
  const partial = decoder.flushPartial();
  return partial ? [...tickets, partial] : tickets;
}
