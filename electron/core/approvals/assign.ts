// Who reviews: least-loaded on-duty approver at submission, the community head for escalations, and reassignment.
import { appendAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { PolicySet } from '../policy/schema.js';
import { findOfficer, type Officer } from '../staff/officers.js';
import type { Role } from '../staff/schema.js';
import type { QueueItem } from './queue/schema.js';
import { queueItemOf } from './review-store.js';
import { OPEN_STATES } from './scheduler.js';

const DAY = 86_400_000;
/** Asia/Shanghai has no summer time: "today" for the tie-break is the Beijing day (policy utcOffsetMinutes 480). */
const BEIJING_OFFSET = 8 * 3_600_000;

/** The instant Beijing's calendar day of `now` began. */
export function beijingDayStart(now: Date): Date {
  return new Date(Math.floor((now.getTime() + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET);
}

/** SQL that is true when the space-separated roles column holds `role` (roles never contain spaces themselves). */
const hasRoleSql = (role: Role) => `(' ' || roles || ' ') LIKE '% ${role} %'`;
/** Present: on duty and not away. An officer off duty or away is skipped by assignment and covered by a delegate. */
const presentSql = `on_duty = 1 AND (away_until IS NULL OR away_until <= @now)`;

export const holdsRole = (officer: Pick<Officer, 'roles'>, ...roles: Role[]): boolean => roles.some((r) => officer.roles.includes(r));

/**
 * The approver to assign a new review to, or null when nobody holding 'approver' is active, on duty and not away
 * (the item then waits in the team queue and escalates to a community head). Least open load first; ties go to the
 * one given the fewest items today (Beijing day), then the lowest staff number, so the choice is deterministic.
 */
export function pickAssignee(db: Db, now: Date): string | null {
  const row = prepared(
    db,
    `SELECT staff_no,
            (SELECT count(*) FROM review r INDEXED BY review_open_assignee WHERE r.assigned_to = o.staff_no AND r.state IN ${OPEN_STATES}) AS load,
            (SELECT count(*) FROM review r WHERE r.assigned_to = o.staff_no AND r.assigned_at >= @dayStart) AS today
       FROM officer o
      WHERE active = 1 AND ${presentSql} AND ${hasRoleSql('approver')}
      ORDER BY load, today, staff_no LIMIT 1`,
  ).get({ now: now.toISOString(), dayStart: beijingDayStart(now).toISOString() }) as { staff_no: string } | undefined;
  return row?.staff_no ?? null;
}

/** An active officer holding 'approver' (who may be assigned, delegated to, or be a backup). */
export function activeApprover(db: Db, staffNo: string): Officer | null {
  const officer = findOfficer(db, staffNo);
  return officer !== undefined && officer.active && holdsRole(officer, 'approver') ? officer : null;
}

export interface ReassignInput {
  applicationId: string;
  toStaffNo: string;
}

/**
 * Gives an open item to another active approver. Only a community head or admin moves work between people. The
 * deadline stays as it was: the SLA clock never pauses or restarts on reassignment (DOMAIN.md §3).
 * Throws KioskError: forbidden (errors.roleMissing), invalid-input (errors.assigneeInvalid), not-found
 * (errors.reviewNotFound), conflict (errors.reviewClosed).
 */
export function reassign(db: Db, clock: Clock, input: ReassignInput, by: Officer, ctx: { policies: PolicySet }): QueueItem {
  if (!holdsRole(by, 'community-head', 'admin')) throw new KioskError('forbidden', 'errors.roleMissing', { role: 'community-head' });
  if (activeApprover(db, input.toStaffNo) === null) throw new KioskError('invalid-input', 'errors.assigneeInvalid');
  return db
    .transaction(() => {
      const now = clock.now();
      const row = prepared(db, 'SELECT state, assigned_to FROM review WHERE application_id = ?').get(input.applicationId) as
        { state: string; assigned_to: string | null } | undefined;
      if (row === undefined) throw new KioskError('not-found', 'errors.reviewNotFound');
      if (row.state !== 'open' && row.state !== 'info-requested') throw new KioskError('conflict', 'errors.reviewClosed');
      prepared(db, 'UPDATE review SET assigned_to = ?, assigned_at = ? WHERE application_id = ?').run(
        input.toStaffNo,
        now.toISOString(),
        input.applicationId,
      );
      appendAudit(db, {
        at: now,
        actor: by.staffNo,
        action: 'review.reassigned',
        subject: `application:${input.applicationId}`,
        detail: { from: row.assigned_to, to: input.toStaffNo },
      });
      return queueItemOf(db, input.applicationId, { now, policies: ctx.policies });
    })
    .immediate();
}
