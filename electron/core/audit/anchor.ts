// The audit log's outside anchor: the newest (seq, hash) kept in a small MAC'd file beside the database.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import { KioskError } from '../errors.js';

/**
 * A hash chain cannot see rows cut off its end: what is left is still a perfect chain. The anchor remembers how far
 * the log reached and what its newest row hashed to, outside the database, so `verifyAuditChain` can say "this log
 * once reached row N and no longer does" (truncated) or "row N is not the row it was" (rewritten). The MAC, under a
 * key the database file does not hold, stops someone with the file from simply writing a new anchor to match.
 */
export const AuditAnchorSchema = z
  .object({
    seq: z.number().int().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** When the anchor was written (ISO 8601, from the caller's clock): for people, not part of any check but the MAC. */
    at: z.iso.datetime(),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditAnchor = z.infer<typeof AuditAnchorSchema>;

/** Shorter keys are a wiring mistake (HMAC-SHA256 wants at least its own output size), not an operator's input. */
const MIN_KEY_BYTES = 32;

function macOf(key: Uint8Array, fields: Omit<AuditAnchor, 'mac'>): Buffer {
  if (key.length < MIN_KEY_BYTES) throw new RangeError(`the audit anchor key must be at least ${MIN_KEY_BYTES} bytes`);
  // A fixed label keeps this MAC from ever being mistaken for another HMAC made with a key derived the same way.
  const text = ['kiosk-audit-anchor/v1', String(fields.seq), fields.hash, fields.at].join('\n');
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

export function makeAuditAnchor(key: Uint8Array, tip: { seq: number; hash: string }, at: Date): AuditAnchor {
  const fields = { seq: tip.seq, hash: tip.hash, at: at.toISOString() };
  return AuditAnchorSchema.parse({ ...fields, mac: macOf(key, fields).toString('hex') });
}

export function auditAnchorMacValid(key: Uint8Array, anchor: AuditAnchor): boolean {
  const expected = macOf(key, anchor);
  const given = Buffer.from(anchor.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The anchor in `file`; undefined when there is none yet. A file that is there but unreadable is refused. */
export function readAuditAnchor(file: string): AuditAnchor | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KioskError('invalid-input', 'errors.auditAnchorUnreadable');
  }
  const result = AuditAnchorSchema.safeParse(parsed);
  if (!result.success) throw new KioskError('invalid-input', 'errors.auditAnchorUnreadable');
  return result.data;
}

/**
 * Replaces the anchor atomically: write a temporary file, fsync it, rename it over the old one, fsync the folder.
 * A power cut leaves either the old anchor or the new one, never half a file (which would read as tampering).
 */
export function writeAuditAnchor(file: string, anchor: AuditAnchor): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(AuditAnchorSchema.parse(anchor))}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncFolder(dirname(file));
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; there NTFS's own journal covers it. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
