// Which applications the retention purge may scrub: closed, synced, nothing left to print, and closed long enough ago.
import { isActive } from '../applications/store.js';
import type { CodeStatus } from '../applications/schema.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';

/** One application the purge will scrub: its id and the ref its slips are found by. */
export interface PurgeCandidate {
  applicationId: string;
  ref: string;
}

/**
 * Final statuses. PENDING is under review; UNKNOWN is a failed lookup, not an answer; no status at all means the
 * province has not answered. A coded status (GREEN, YELLOW, RED — RED is also what a refusal gives) is final once its
 * validUntil has passed, which isActive decides; EXPIRED and REVOKED are final as they are.
 */
const FINAL = `('GREEN', 'YELLOW', 'RED', 'EXPIRED', 'REVOKED')`;

/**
 * A print job belongs to an application when it is labelled with the ref (receipt, proxy slip, timeout notice) or its
 * slip data quotes the ref (the paper code is labelled with the code's human id but prints the ref as complaintRef).
 * `ref` is an SQL expression for one ref.
 */
export const jobOfRef = (ref: string) =>
  `(p.label = ${ref} OR json_extract(p.data, '$.fields.complaintRef') = ${ref} OR json_extract(p.data, '$.fields.applicationRef') = ${ref})`;

/** The same rule for a JSON array of refs bound as `@refs`: IN builds one lookup table, so the journal is read once. */
export const jobOfRefs = (() => {
  const refs = `(SELECT value FROM json_each(@refs))`;
  return `(p.label IN ${refs} OR json_extract(p.data, '$.fields.complaintRef') IN ${refs} OR json_extract(p.data, '$.fields.applicationRef') IN ${refs})`;
})();

/**
 * Closed, synced and settled applications whose last event is before `beforeMs`, oldest first, at most `limit`:
 * - closed: a final status (above) that isActive also calls inactive (the same rule as "may this person apply again");
 * - synced: no outbox row of it pending (still to send) or failed (its body is kept for staff) — index outbox_open_target;
 * - settled: no print job of it queued or sent (the printer still needs its data) — index print_jobs_queued;
 * - old enough: the latest of submission, the last status change (the province's statusAsOf and the terminal's
 *   updated_at) and the code's validUntil (when a decided code stopped being active) is before `beforeMs`.
 *   unixepoch() reads the province's offsets (+08:00) as well as 'Z', so times from either side compare as instants.
 */
export function purgeCandidates(db: Db, now: Date, beforeMs: number, limit: number): PurgeCandidate[] {
  const rows = prepared(
    db,
    `SELECT a.application_id AS applicationId, a.ref AS ref, c.status AS status, c.valid_until AS validUntil
       FROM application a INDEXED BY application_unpurged
       JOIN code_status c ON c.application_id = a.application_id
      WHERE a.purged_at IS NULL
        AND c.status IN ${FINAL}
        AND max(unixepoch(a.submitted_at, 'subsec'), unixepoch(c.status_as_of, 'subsec'), unixepoch(c.updated_at, 'subsec'),
                unixepoch(coalesce(c.valid_until, a.submitted_at), 'subsec')) * 1000 < @before
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.target_id = a.application_id AND o.state IN ('pending', 'failed'))
        AND NOT EXISTS (SELECT 1 FROM print_jobs p WHERE p.state IN ('queued', 'sent') AND ${jobOfRef('a.ref')})
      ORDER BY a.submitted_at, a.application_id
      LIMIT @limit`,
  ).all({ before: beforeMs, limit }) as Array<PurgeCandidate & { status: CodeStatus; validUntil: string | null }>;
  // The SQL already implies this; asking the store's own rule as well means the purge can never scrub an application
  // the desks would still treat as the person's active one, even if that rule changes.
  return rows
    .filter((row) => !isActive({ status: row.status, validUntil: row.validUntil, submitFailed: false }, now))
    .map(({ applicationId, ref }) => ({ applicationId, ref }));
}
