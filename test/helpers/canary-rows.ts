// The canary applications' rows, read through SQL: open declarations, settled or not, what a purge left of them.
import { readFileSync } from 'node:fs';
import type { Db } from '../../electron/core/db/open.js';
import { jobOfRef } from '../../electron/core/privacy/purge-select.js';
import { PURGED_MASK, PURGED_SLIP_DATA } from '../../electron/core/privacy/retention.js';
import type { Canary } from './privacy-canary.js';
import { occurrences } from './canary-search.js';

export function canaryRows(db: Db, applicationIds: readonly string[]) {
  const ids = JSON.stringify(applicationIds);
  const mine = `(SELECT value FROM json_each(@ids))`;
  return {
    /** The stored declarations of the canaries' reviews still open (sealed text, or whatever is there). */
    openDeclarations: (): string[] =>
      (
        db.prepare(`SELECT declaration FROM review WHERE application_id IN ${mine} AND declaration IS NOT NULL`).all({ ids }) as {
          declaration: string;
        }[]
      ).map((r) => r.declaration),

    /** Every job in the print journal: the other session previews each one. */
    jobIds: (): number[] => (db.prepare('SELECT id FROM print_jobs ORDER BY id').all() as { id: number }[]).map((r) => r.id),

    /** Decided by the province (a final status), nothing left to send, no slip still waiting for the printer. */
    settled: (): boolean => {
      const open = db
        .prepare(
          `SELECT count(*) AS n FROM application a LEFT JOIN code_status c ON c.application_id = a.application_id
            WHERE a.application_id IN ${mine}
              AND (c.status IS NULL OR c.status NOT IN ('GREEN', 'YELLOW', 'RED', 'EXPIRED', 'REVOKED')
                OR EXISTS (SELECT 1 FROM outbox o WHERE o.target_id = a.application_id AND o.state IN ('pending', 'failed'))
                OR EXISTS (SELECT 1 FROM print_jobs p WHERE p.state IN ('queued', 'sent') AND ${jobOfRef('a.ref')}))`,
        )
        .get({ ids }) as { n: number };
      return open.n === 0;
    },

    /** What of the canaries a purge should have scrubbed and did not, described without values. */
    unpurged: (): string[] => {
      const apps = db
        .prepare(
          `SELECT ref FROM application WHERE application_id IN ${mine}
              AND (purged_at IS NULL OR masked_name IS NOT @mask OR masked_number IS NOT @mask
                OR coalesce(proxy_masked_name, @mask) IS NOT @mask OR printed_code_id IS NOT NULL)`,
        )
        .all({ ids, mask: PURGED_MASK }) as { ref: string }[];
      const jobs = db
        .prepare(
          `SELECT p.id FROM print_jobs p JOIN application a ON ${jobOfRef('a.ref')}
            WHERE a.application_id IN ${mine} AND p.data IS NOT @purged`,
        )
        .all({ ids, purged: PURGED_SLIP_DATA }) as { id: number }[];
      const codes = db
        .prepare(`SELECT application_id FROM code_status WHERE application_id IN ${mine} AND code_text IS NOT NULL`)
        .all({ ids }) as unknown[];
      return [...apps.map((a) => `application ${a.ref}`), ...jobs.map((j) => `print job ${j.id}`), ...codes.map(() => 'a code text')];
    },
  };
}

/**
 * How often each value is in the database file once the WAL's pages are copied into it (a PASSIVE checkpoint: the WAL
 * keeps its frames, so a purge that follows still faces them). Each live row then sits in the file once; freed cells
 * are zeros (secure_delete). Masks the demo hall's invented residents share (张** is many people) are compared by
 * count: after the purge no more copies than before any canary applied.
 */
export function countsInFile(db: Db, dbFile: string, values: readonly Canary[]): Map<Canary, number> {
  db.pragma('wal_checkpoint(PASSIVE)');
  const file = { name: 'db', bytes: readFileSync(dbFile) };
  return new Map(values.map((v) => [v, occurrences(file, v.value)]));
}

/** The tables with a row whose text holds the value: where a hit in the database file comes from, for the report. */
export function tablesHolding(db: Db, value: string): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return tables
    .filter(({ name }) => {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
      const anyColumn = columns.map((c) => `instr(CAST("${c.name}" AS TEXT), @value) > 0`).join(' OR ');
      return columns.length > 0 && db.prepare(`SELECT 1 FROM "${name}" WHERE ${anyColumn} LIMIT 1`).get({ value }) !== undefined;
    })
    .map(({ name }) => name);
}

/** Polls until the condition holds; fails naming what it waited for. */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
