// Printer status over ESC/POS: the `DLE EOT n` and `GS r 1` queries and what their one-byte answers mean.
import type { PrinterState } from './schema.js';

/** `DLE EOT n`: real-time status, answered at once even while print data waits. */
export const STATUS_PRINTER = 1;
export const STATUS_OFFLINE_CAUSE = 2;
export const STATUS_ERROR_CAUSE = 3;
export const STATUS_PAPER = 4;

export function dleEot(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/**
 * `GS r 1`: paper sensor status, processed in order after every byte before it has printed. The kiosk ends each job
 * with it: its answer is the acknowledgement that the whole job went through the print head.
 */
export const GS_R_1 = Uint8Array.of(0x1d, 0x72, 0x01);

/** Every `DLE EOT` answer has bits 1 and 4 set and bits 0 and 7 clear; anything else is not a status byte. */
function isStatusByte(byte: number | undefined): byte is number {
  return byte !== undefined && Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & 0x93) === 0x12;
}

const OFFLINE = 0x08; // n=1
const COVER_OPEN = 0x04; // n=2
const STOPPED_BY_PAPER_END = 0x20; // n=2
const ERROR = 0x40; // n=2
const PAPER_NEAR_END = 0x0c; // n=4
const PAPER_END = 0x60; // n=4

export interface StatusAnswers {
  /** Answer to `DLE EOT 1`. */
  printer?: number;
  /** Answer to `DLE EOT 2`. */
  offlineCause?: number;
  /** Answer to `DLE EOT 4`. */
  paper?: number;
}

/**
 * One state from the three answers, the most specific cause first: a printer with the cover open is also offline,
 * and staff need to be told to close the cover, not that it is offline. A missing or malformed answer means we do
 * not know, which for the kiosk is 'unreachable' (a job is never sent on a guess).
 */
export function printerStateFrom(answers: StatusAnswers): PrinterState {
  const { printer, offlineCause, paper } = answers;
  if (!isStatusByte(printer) || !isStatusByte(offlineCause) || !isStatusByte(paper)) return 'unreachable';
  if (offlineCause & COVER_OPEN) return 'cover-open';
  if (offlineCause & STOPPED_BY_PAPER_END || (paper & PAPER_END) !== 0) return 'paper-end';
  if (offlineCause & ERROR) return 'error';
  if (printer & OFFLINE) return 'offline';
  if (paper & PAPER_NEAR_END) return 'paper-near-end';
  return 'ready';
}

/** The `GS r 1` answer: bits 2–3 paper end, bits 0–1 paper near end, 0x00 fine. */
export function paperFromAck(byte: number): 'ok' | 'near-end' | 'end' {
  if (byte & 0x0c) return 'end';
  if (byte & 0x03) return 'near-end';
  return 'ok';
}
