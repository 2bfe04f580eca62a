// Approval test fixtures: a migrated database, officers inserted directly (no PIN hashing), and applications opened
// for review through openReview exactly as the submission transaction does.
import { randomUUID } from 'node:crypto';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openReview } from '../../electron/core/approvals/review-store.js';
import type { ReviewSource } from '../../electron/core/approvals/queue/schema.js';
import { nextRef } from '../../electron/core/applications/refs.js';
import type { Db } from '../../electron/core/db/open.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import { policyInForce } from '../../electron/core/policy/select.js';
import type { Officer } from '../../electron/core/staff/officers.js';
import { findOfficer } from '../../electron/core/staff/officers.js';
import type { Role } from '../../electron/core/staff/schema.js';
import { migratedDb } from './migrated-db.js';
import { fakeClock, lowRiskDeclaration, type FakeClock } from './sync-fixtures.js';

export const policies = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
/** Friday 27 Nov 2026, 09:00 in Shanghai. */
export const FRIDAY_0900 = '2026-11-27T01:00:00.000Z';
export const policy = policyInForce(policies, new Date(FRIDAY_0900));
export const HALL = '370102001';

/** Beijing wall time → Date ('2026-11-27 15:00'). */
export const bj = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`);

export function reviewSetup(t: TestContext, start = FRIDAY_0900): { db: Db; clock: FakeClock } {
  return { db: migratedDb(t), clock: fakeClock(start) };
}

export function addStaff(
  db: Db,
  staffNo: string,
  roles: Role[],
  extra: {
    name?: string;
    active?: boolean;
    onDuty?: boolean;
    awayUntil?: string | null;
    delegateTo?: string | null;
    backup?: string | null;
  } = {},
): Officer {
  db.prepare(
    `INSERT INTO officer (staff_no, name, roles, pin_salt, pin_hash, created_at, active, on_duty, away_until, delegate_to, backup_staff_no)
     VALUES (?, ?, ?, zeroblob(16), zeroblob(32), '2026-01-01T00:00:00.000Z', ?, ?, ?, ?, ?)`,
  ).run(
    staffNo,
    extra.name ?? `王${staffNo}`,
    roles.join(' '),
    extra.active === false ? 0 : 1,
    extra.onDuty === false ? 0 : 1,
    extra.awayUntil ?? null,
    extra.delegateTo ?? null,
    extra.backup ?? null,
  );
  return findOfficer(db, staffNo)!;
}

export interface ReviewOptions {
  channel?: 'offline' | 'online';
  source?: ReviewSource;
  fever?: boolean;
}

/** An application needing review, submitted at the clock's now: the application row and openReview in one transaction. */
export function submitForReview(
  db: Db,
  clock: FakeClock,
  options: ReviewOptions = {},
): { applicationId: string; assignedTo: string | null } {
  const applicationId = randomUUID();
  const now = clock.now();
  const channel = options.channel ?? 'offline';
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number, channel, policy_id,
         citations, language, submitted_at) VALUES (?, ?, ?, 'resident', '张*', '37**************1X', ?, ?, ?, 'zh-CN', ?)`,
    ).run(
      applicationId,
      nextRef(db, now),
      applicationId.replaceAll('-', '').padEnd(64, '0'),
      channel,
      policy.id,
      JSON.stringify([{ ruleId: 'SD-0327-1', effect: 'review', sentence: policy.rules[0]!.sentence }]),
      now.toISOString(),
    );
    const { assignedTo } = openReview(db, {
      applicationId,
      source: options.source ?? 'kiosk',
      channel,
      submittedAt: now,
      declaration: { ...lowRiskDeclaration, fever: options.fever ?? true },
      answers: {},
      policy,
      hallId: HALL,
      now,
    });
    return { applicationId, assignedTo };
  })();
}

export const count = (db: Db, sql: string, ...params: unknown[]): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...params) as { n: number }).n;

export function audits(db: Db, action: string): { actor: string | null; subject: string; detail: Record<string, unknown> }[] {
  return (
    db.prepare('SELECT actor, subject, detail FROM audit WHERE action = ? ORDER BY seq').all(action) as {
      actor: string | null;
      subject: string;
      detail: string;
    }[]
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
