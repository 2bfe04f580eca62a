// The audit log: append-only rows chained by SHA-256, written in the caller's transaction, and the chain check.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { canonicalJson } from '../canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** A staff number, or one of the two non-staff actors. */
export const AuditActorSchema = z.union([z.string().regex(/^\d{4,12}$/), z.literal('system'), z.literal('resident')]);
export type AuditActor = z.infer<typeof AuditActorSchema>;

type DetailValue = string | number | boolean | null | DetailValue[] | { [key: string]: DetailValue };

/**
 * Long digit runs look like ID or phone numbers: the audit log keeps codes and ids, never personal data (DESIGN.md
 * rule 5), and a row can never be removed once written, so a slip is refused here rather than regretted later.
 */
const LOOKS_PERSONAL = /\d{11,}|\d{17}[\dXx]/;

const DetailSchema: z.ZodType<DetailValue> = z.lazy(() =>
  z.union([
    z
      .string()
      .max(200)
      .refine((s) => !LOOKS_PERSONAL.test(s), 'looks like personal data'),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(DetailSchema).max(50),
    z.record(z.string().max(40), DetailSchema),
  ]),
);

export const AuditEntrySchema = z
  .object({
    /** From the caller's injected clock (DESIGN.md rule 3). */
    at: z.date(),
    actor: AuditActorSchema.nullable(),
    action: z.string().regex(/^[a-z0-9.-]{3,64}$/),
    subject: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*:[a-z0-9:._-]+$/)
      .max(80),
    detail: z.record(z.string().max(40), DetailSchema).default({}),
  })
  .strict();
export type AuditEntry = z.input<typeof AuditEntrySchema>;

export interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  subject: string;
  /** Canonical JSON text, exactly as hashed. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export type AuditVerdict = { ok: true; rows: number } | { ok: false; rows: number; firstBadSeq: number; reason: 'hash' | 'link' | 'gap' };

export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [row.seq, row.at, row.actor, row.action, row.subject, row.detail, row.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

/**
 * Appends one row. Inside the caller's transaction it is part of that transaction (DESIGN.md rule 2: the domain
 * write and its audit row commit together); outside one it takes its own IMMEDIATE transaction, because it reads
 * the last row and writes the next and another connection must not slip a row in between.
 */
export function appendAudit(db: Db, entry: AuditEntry): AuditRow {
  const parsed = AuditEntrySchema.parse(entry);
  const append = (): AuditRow => {
    const last = prepared(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: parsed.at.toISOString(),
      actor: parsed.actor,
      action: parsed.action,
      subject: parsed.subject,
      detail: canonicalJson(parsed.detail),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const row = { ...base, hash: auditHash(base) };
    prepared(
      db,
      `INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash)
         VALUES (@seq, @at, @actor, @action, @subject, @detail, @prev_hash, @hash)`,
    ).run(row);
    return row;
  };
  return db.inTransaction ? append() : db.transaction(append).immediate();
}

/**
 * Walks the whole log in order. It finds edited, deleted, inserted and reordered rows; it cannot see rows cut off
 * the end (the chain has no anchor outside this file), and anyone who can recompute every later hash could forge a
 * consistent tail — the chain proves order and integrity, not authorship. `rows` counts every row in the log;
 * `firstBadSeq` is the first sequence number that does not check out (for a gap: the missing number).
 */
export function verifyAuditChain(db: Db): AuditVerdict {
  // One read transaction: the count and the walk see the same rows even while the app appends.
  return db.transaction(() => walkChain(db))();
}

function walkChain(db: Db): AuditVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const rows = (prepared(db, 'SELECT count(*) AS n FROM audit').get() as { n: number }).n;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const bad = (reason: 'hash' | 'link' | 'gap', firstBadSeq: number): AuditVerdict => ({ ok: false, rows, firstBadSeq, reason });
    if (row.seq !== expectedSeq) return bad('gap', expectedSeq);
    if (row.prev_hash !== prevHash) return bad('link', row.seq);
    if (auditHash(row) !== row.hash) return bad('hash', row.seq);
    expectedSeq += 1;
    prevHash = row.hash;
  }
  return { ok: true, rows };
}
