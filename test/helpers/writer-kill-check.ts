// What the writer-kill test checks on a writer's file after each kill: acknowledged applications are there, each
// application has its outbox row, the file is intact. Incremental (only rows new since the last kill), so a thousand
// checks of a growing file cost little beyond integrity_check itself.
import { integrityCheck, type Db } from '../../electron/core/db/open.js';

export interface KillCheck {
  /** Acknowledged applications of this run missing from the file. */
  lost: number;
  /** Applications new since the last check without their submit-application outbox row. */
  withoutOutbox: number;
  /** Applications new since the last check that the writer never acknowledged (committed, then killed). */
  committedUnacked: number;
  /** Applications new since the last check: the next writer numbers its residents from the total. */
  added: number;
  /** integrity_check's answer: 'ok' or the problems. */
  integrity: string;
}

export interface LaneChecker {
  afterKill(acked: readonly string[]): KillCheck;
  /** Every application ever acknowledged on this file, checked again against the whole file at the end. */
  everAcked: Set<string>;
}

/** A checker for one writer's file, over the parent's own connection to it. */
export function laneChecker(db: Db): LaneChecker {
  const everAcked = new Set<string>();
  let lastRowid = 0;
  const exists = db.prepare('SELECT 1 FROM application WHERE application_id = ?').pluck();
  // By idempotency_key (unique, so indexed): a submission's is its application id, as is its target_id.
  const newRows = db.prepare(
    `SELECT a.rowid AS rowid, a.application_id AS id,
            EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = a.application_id AND o.target_id = a.application_id
                      AND o.kind = 'submit-application') AS queued
       FROM application a WHERE a.rowid > ? ORDER BY a.rowid`,
  );
  return {
    everAcked,
    afterKill(acked) {
      acked.forEach((id) => everAcked.add(id));
      const lost = acked.filter((id) => exists.get(id) === undefined).length;
      const rows = newRows.all(lastRowid) as { rowid: number; id: string; queued: number }[];
      lastRowid = rows.at(-1)?.rowid ?? lastRowid;
      const ackedNow = new Set(acked);
      return {
        lost,
        withoutOutbox: rows.filter((r) => r.queued !== 1).length,
        committedUnacked: rows.filter((r) => !ackedNow.has(r.id)).length,
        added: rows.length,
        integrity: integrityCheck(db),
      };
    },
  };
}

/** The whole file at the end: acknowledged ids missing, applications without outbox row or audit row, and the reverse. */
export function finalCheck(db: Db, everAcked: ReadonlySet<string>) {
  const ids = new Set(db.prepare('SELECT application_id FROM application').pluck().all() as string[]);
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    applications: ids.size,
    lost: [...everAcked].filter((id) => !ids.has(id)).length,
    withoutOutbox: count(
      `SELECT count(*) FROM application a WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = a.application_id
         AND o.target_id = a.application_id AND o.kind = 'submit-application')`,
    ),
    withoutAudit: count(
      `SELECT count(*) FROM application a LEFT JOIN audit u ON u.subject = 'application:' || a.application_id
         AND u.action = 'application.submitted' WHERE u.seq IS NULL`,
    ),
    outboxWithoutApplication: count(
      `SELECT count(*) FROM outbox o WHERE o.kind = 'submit-application'
         AND NOT EXISTS (SELECT 1 FROM application a WHERE a.application_id = o.target_id)`,
    ),
  };
}
