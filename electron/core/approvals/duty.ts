// Officers' duty, absence, delegation and backup: the duty screen's list and its one change operation.
import { appendAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { maskName } from '../privacy/mask.js';
import type { Officer } from '../staff/officers.js';
import { RoleSchema } from '../staff/schema.js';
import { activeApprover, holdsRole } from './assign.js';
import { OfficerDutyInputSchema, type OfficerDutyInput, type OfficerView } from './queue/schema.js';
import { OPEN_STATES } from './scheduler.js';

interface DutyRow {
  staff_no: string;
  name: string;
  roles: string;
  active: number;
  on_duty: number;
  away_until: string | null;
  delegate_to: string | null;
  backup_staff_no: string | null;
  /** Migration 0011 (staff card sign-in); read only when present. */
  card_key?: string | null;
  load: number;
}

const SELECT_VIEWS = `SELECT o.*, (SELECT count(*) FROM review r INDEXED BY review_open_assignee WHERE r.assigned_to = o.staff_no AND r.state IN ${OPEN_STATES}) AS load
  FROM officer o`;

const viewOf = (row: DutyRow, now: Date): OfficerView => ({
  staffNo: row.staff_no,
  maskedName: maskName(row.name),
  roles: row.roles.split(' ').map((role) => RoleSchema.parse(role)),
  active: row.active === 1,
  onDuty: row.on_duty === 1,
  // An absence that has ended is shown as none: the officer is back.
  awayUntil: row.away_until !== null && row.away_until > now.toISOString() ? row.away_until : null,
  delegateTo: row.delegate_to,
  backup: row.backup_staff_no,
  load: row.load,
  hasCard: row.card_key !== undefined && row.card_key !== null,
});

/** Every officer of this terminal with duty, delegation, backup and open load, by staff number. */
export function officerViews(db: Db, now: Date): OfficerView[] {
  return (prepared(db, `${SELECT_VIEWS} ORDER BY o.staff_no`).all() as DutyRow[]).map((row) => viewOf(row, now));
}

/**
 * Changes duty, absence and delegation (anyone, for themself) and backup (a community head or admin, for anyone).
 * A delegate or backup must be another active approver. Audited with staff numbers and times only.
 * Throws KioskError: invalid-input (errors.invalidInput); not-found (errors.officerNotFound); forbidden
 * (errors.dutyNotYours); invalid-input (errors.delegateInvalid).
 */
export function updateDuty(db: Db, clock: Clock, input: OfficerDutyInput, by: Officer): OfficerView {
  const parsed = OfficerDutyInputSchema.safeParse(input);
  if (!parsed.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const change = parsed.data;
  const manager = holdsRole(by, 'community-head', 'admin');
  if ((change.staffNo !== by.staffNo || change.backup !== undefined) && !manager) throw new KioskError('forbidden', 'errors.dutyNotYours');
  for (const other of [change.delegateTo, change.backup]) {
    if (other !== undefined && other !== null && (other === change.staffNo || activeApprover(db, other) === null)) {
      throw new KioskError('invalid-input', 'errors.delegateInvalid');
    }
  }
  return db
    .transaction(() => {
      const now = clock.now();
      const row = prepared(db, `${SELECT_VIEWS} WHERE o.staff_no = ?`).get(change.staffNo) as DutyRow | undefined;
      if (row === undefined) throw new KioskError('not-found', 'errors.officerNotFound');
      const next = {
        on_duty: change.onDuty === undefined ? row.on_duty : change.onDuty ? 1 : 0,
        // Stored in the one instant format (UTC 'Z') so it compares as text with every other instant.
        away_until: change.awayUntil === undefined ? row.away_until : change.awayUntil && new Date(change.awayUntil).toISOString(),
        delegate_to: change.delegateTo === undefined ? row.delegate_to : change.delegateTo,
        backup_staff_no: change.backup === undefined ? row.backup_staff_no : change.backup,
      };
      prepared(
        db,
        `UPDATE officer SET on_duty = @on_duty, away_until = @away_until, delegate_to = @delegate_to, backup_staff_no = @backup_staff_no
          WHERE staff_no = @staff_no`,
      ).run({ ...next, staff_no: change.staffNo });
      appendAudit(db, {
        at: now,
        actor: by.staffNo,
        action: 'officer.duty-changed',
        subject: `officer:${change.staffNo}`,
        detail: { onDuty: next.on_duty === 1, awayUntil: next.away_until, delegateTo: next.delegate_to, backup: next.backup_staff_no },
      });
      return viewOf({ ...row, ...next }, now);
    })
    .immediate();
}
