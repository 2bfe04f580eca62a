// The audit log: append-only rows chained by SHA-256, written in the caller's transaction, and the chain check.
import { hash as sha256 } from 'node:crypto';
import { z } from 'zod';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { canonicalJson } from '../canonical-json.js';
import { auditAnchorMacValid, type AuditAnchor } from './anchor.js';

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

/**
 * Why a log fails: a row's own hash ('hash'), its link to the row before ('link'), a missing number ('gap'); with an
 * anchor also: the log ends before the anchored row ('truncated'), the anchored row is not the row it was
 * ('rewritten'), or the anchor's MAC does not check out ('anchor', firstBadSeq 0: no row is to blame, the anchor is).
 */
export type AuditBreak = 'hash' | 'link' | 'gap' | 'truncated' | 'rewritten' | 'anchor';
/** `anchorMac` is there only when an anchor was given: 'unchecked' when no key was, so nobody mistakes it for checked. */
export type AuditVerdict = ({ ok: true; rows: number } | { ok: false; rows: number; firstBadSeq: number; reason: AuditBreak }) & {
  anchorMac?: 'checked' | 'unchecked';
};

export interface VerifyAuditOptions {
  /** The outside anchor (anchor.ts): the chain must still hold its (seq, hash). Rows after it were appended since. */
  anchor?: AuditAnchor;
  /** The anchor's MAC key; without it only the (seq, hash) is compared. */
  anchorKey?: Uint8Array;
  /**
   * Take rows up to and including `seq` as checked and carry on from its `hash`. Only for a caller that has itself
   * just verified those very rows and knows they cannot have changed since (the tamper test, which changes only rows
   * after it): edits before this point are not looked for.
   */
  resumeAfter?: { seq: number; hash: string };
}

/** The hashed columns, in the order they are hashed. */
const HASHED = 'seq, at, actor, action, subject, detail, prev_hash';

/** The one hash of the chain: SHA-256 of the JSON array of a row's fields in HASHED order. */
const hashOfFields = (fields: readonly unknown[]): string => sha256('sha256', JSON.stringify(fields), 'hex');

export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  return hashOfFields([row.seq, row.at, row.actor, row.action, row.subject, row.detail, row.prev_hash]);
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
 * Walks the whole log in order. It finds edited, deleted, inserted and reordered rows; rows cut off the end only with
 * an anchor (anchor.ts), and even then not rows appended after the last anchor write and cut again before the next;
 * anyone who can recompute every later hash could forge a consistent tail that only the anchor exposes — the chain
 * proves order and integrity, not authorship. `rows` counts every row in the log; `firstBadSeq` is the first sequence
 * number that does not check out (for a gap or a truncation: the missing number).
 */
export function verifyAuditChain(db: Db, options: VerifyAuditOptions = {}): AuditVerdict {
  // One read transaction: the count, the walk and the anchor lookup see the same rows even while the app appends.
  return db.transaction((): AuditVerdict => {
    const { verdict, lastSeq } = walkChain(db, options.resumeAfter);
    const { anchor, anchorKey } = options;
    if (!anchor) return verdict;
    const anchorMac = anchorKey ? 'checked' : 'unchecked';
    if (!verdict.ok) return { ...verdict, anchorMac };
    const bad = (reason: AuditBreak, firstBadSeq: number): AuditVerdict => ({
      ok: false,
      rows: verdict.rows,
      firstBadSeq,
      reason,
      anchorMac,
    });
    if (anchorKey && !auditAnchorMacValid(anchorKey, anchor)) return bad('anchor', 0);
    if (anchor.seq > lastSeq) return bad('truncated', lastSeq + 1);
    const held = prepared(db, 'SELECT hash FROM audit WHERE seq = ?').pluck().get(anchor.seq) as string | undefined;
    if (held !== anchor.hash) return bad('rewritten', anchor.seq);
    return { ...verdict, anchorMac };
  })();
}

/**
 * Rows fetched per step: raw arrays a page at a time are much faster than one object per row. The first pages are
 * small and grow, so a walk that stops early (a resumed or a broken log) does not fetch thousands of rows it never checks.
 */
const FIRST_PAGE = 32;
const PAGE = 2048;

function walkChain(db: Db, resumeAfter?: { seq: number; hash: string }): { verdict: AuditVerdict; lastSeq: number } {
  let expectedSeq = (resumeAfter?.seq ?? 0) + 1;
  let prevHash = resumeAfter?.hash ?? GENESIS_HASH;
  const rows = (prepared(db, 'SELECT count(*) AS n FROM audit').get() as { n: number }).n;
  const page = prepared(db, `SELECT ${HASHED}, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true);
  const bad = (reason: AuditBreak, firstBadSeq: number) => ({ verdict: { ok: false as const, rows, firstBadSeq, reason }, lastSeq: 0 });
  // From the start, even rows numbered below 1 are read (the CHECK can be switched off): such a row is a gap at 1.
  let after = resumeAfter?.seq ?? Number.MIN_SAFE_INTEGER;
  for (let size = FIRST_PAGE; ; size = Math.min(size * 4, PAGE)) {
    const batch = page.all(after, size) as unknown[][];
    for (const row of batch) {
      const hash = row.pop(); // what remains is exactly the hashed fields, in order
      if (row[0] !== expectedSeq) return bad('gap', expectedSeq);
      if (row[6] !== prevHash) return bad('link', expectedSeq);
      if (hashOfFields(row) !== hash) return bad('hash', expectedSeq);
      expectedSeq += 1;
      prevHash = hash as string;
    }
    if (batch.length < size) return { verdict: { ok: true, rows }, lastSeq: expectedSeq - 1 };
    after = expectedSeq - 1;
  }
}
