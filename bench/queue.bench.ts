// Approval queue with 100,000 applications in the database: p95 of "team" and "mine" pages (items + COUNT), against
// a primary-key lookup of the same 50 rows measured in the same run; and one idle scheduler tick over that database.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDir, policiesDir } from '../electron/app/paths.js';
import { calendarFor } from '../electron/core/approvals/calendars.js';
import { queuePage } from '../electron/core/approvals/review-store.js';
import { runScheduler } from '../electron/core/approvals/scheduler.js';
import { slaFor } from '../electron/core/approvals/sla.js';
import { loadMigrations, migrate } from '../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../electron/core/db/open.js';
import { loadPolicies } from '../electron/core/policy/load.js';
import { policyInForce } from '../electron/core/policy/select.js';
import { round, type Bench } from './types.js';

const APPLICATIONS = 100_000;
/** A quarter of applications need review (the demo seed's share); 2% of all are still open now (a backlog). */
const REVIEW_SHARE = 0.25;
const OPEN_SHARE = 0.02;
const APPROVERS = ['1001', '1002', '1003', '1004', '1005'];
const QUERIES = 200;
const HOUR = 3_600_000;

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!;
}

/** 100,000 applications over half a year in one transaction with prepared statements (a few seconds). */
function build(db: Db, now: number): string[] {
  const policies = loadPolicies(policiesDir());
  const policy = policyInForce(policies, new Date(now));
  const calendar = calendarFor(policy);
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const officer = db.prepare(
    `INSERT INTO officer (staff_no, name, roles, pin_salt, pin_hash, created_at) VALUES (?, ?, 'approver', zeroblob(16), zeroblob(32), '2026-01-01T00:00:00.000Z')`,
  );
  const application = db.prepare(
    `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number, channel, policy_id,
       language, submitted_at) VALUES (?, ?, ?, 'resident', '张*', '37**************1X', ?, ?, 'zh-CN', ?)`,
  );
  const review = db.prepare(
    `INSERT INTO review (application_id, source, basis, state, policy_id, submitted_at, due_at, warn_at, steps, auto_default_at,
       next_step_at, assigned_to, assigned_at, escalated_to, declaration, answers, decision, decided_by, decided_at, hall_id)
     VALUES (@id, 'kiosk', @basis, @state, @policy, @submitted, @due, @warn, '[]', @autoDefault, NULL, @assigned, @submitted,
       @escalated, @declaration, @answers, @decision, @by, @decidedAt, '370102001')`,
  );
  const openIds: string[] = [];
  db.transaction(() => {
    APPROVERS.forEach((staffNo) => officer.run(staffNo, `王${staffNo}`));
    const span = 180 * 24 * HOUR;
    for (let i = 0; i < APPLICATIONS; i++) {
      const id = randomUUID();
      // The newest applications are the open ones: the last OPEN_SHARE of the sequence, spread over the last days.
      const isOpen = i >= APPLICATIONS * (1 - OPEN_SHARE);
      const submitted = isOpen ? now - Math.floor(next() * 5 * 24 * HOUR) : now - span + Math.floor((i / APPLICATIONS) * span);
      const channel = next() < 0.6 ? 'online' : 'offline';
      const day = new Date(submitted + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');
      application.run(
        id,
        `B-${day}-${String(i).padStart(6, '0')}`,
        id.replaceAll('-', '').padEnd(64, '0'),
        channel,
        policy.id,
        new Date(submitted).toISOString(),
      );
      if (!isOpen && next() >= REVIEW_SHARE) continue;
      const sla = slaFor({ channel, submittedAt: new Date(submitted), needsVerification: true }, policy, calendar);
      const assigned = APPROVERS[i % APPROVERS.length]!;
      review.run({
        id,
        basis: sla.basis,
        state: isOpen ? 'open' : 'decided',
        policy: policy.id,
        submitted: new Date(submitted).toISOString(),
        due: sla.dueAt.toISOString(),
        warn: JSON.stringify(sla.warnAt.map((at) => at.toISOString())),
        autoDefault: sla.autoDefaultAt?.toISOString() ?? null,
        assigned,
        escalated: isOpen && next() < 0.1 ? APPROVERS[(i + 1) % APPROVERS.length]! : null,
        declaration: isOpen ? '{"fever":true}' : null,
        answers: isOpen ? '{}' : null,
        decision: isOpen ? null : 'approve',
        by: isOpen ? null : assigned,
        decidedAt: isOpen ? null : new Date(submitted + HOUR).toISOString(),
      });
      if (isOpen) openIds.push(id);
    }
  })();
  db.pragma('optimize');
  return openIds;
}

export const bench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
  const db = openDatabase(join(dir, 'kiosk.sqlite'));
  try {
    migrate(db, loadMigrations(migrationsDir()));
    const now = Date.parse('2026-11-27T07:00:00Z'); // Friday 15:00 Beijing
    const buildStart = performance.now();
    const openIds = build(db, now);
    const buildMs = performance.now() - buildStart;
    const reviews = (db.prepare('SELECT count(*) AS n FROM review').get() as { n: number }).n;
    const policies = loadPolicies(policiesDir());

    const pageTimes: number[] = [];
    const lookupTimes: number[] = [];
    const lookup = db.prepare(
      `SELECT r.*, a.ref, a.masked_name, a.masked_number FROM review r JOIN application a ON a.application_id = r.application_id
        WHERE r.application_id IN (SELECT value FROM json_each(?))`,
    );
    let total = 0;
    for (let i = 0; i < QUERIES; i++) {
      const scope = i % 2 === 0 ? 'team' : 'mine';
      const page = i % 4 < 2 ? 0 : 3;
      const start = performance.now();
      const result = queuePage(
        db,
        { scope, page, pageSize: 50 },
        { staffNo: APPROVERS[i % APPROVERS.length]!, now: new Date(now), policies },
      );
      pageTimes.push(performance.now() - start);
      total += result.items.length;
      // Baseline: the same number of rows fetched by primary key (no ORDER BY, no COUNT, no SLA arithmetic).
      const ids = JSON.stringify(openIds.slice((i * 50) % (openIds.length - 50), ((i * 50) % (openIds.length - 50)) + 50));
      const base = performance.now();
      lookup.all(ids);
      lookupTimes.push(performance.now() - base);
    }
    if (total === 0) throw new Error('bench read no queue items');
    const tickStart = performance.now();
    // Nothing due (next_step_at is NULL in this database): the cost of the scheduler's "anything due?" on 100k.
    runScheduler(db, { now: () => new Date(now) });
    const tickMs = performance.now() - tickStart;
    return [
      {
        name: 'queue.query_ms_p95_100k',
        value: round(p95(pageTimes)),
        unit: 'ms',
        baseline: round(p95(lookupTimes)),
        note: `${APPLICATIONS} applications, ${reviews} reviews, ${openIds.length} open; ${QUERIES} pages of 50 (team/mine, pages 0 and 3) with COUNT and SLA levels; baseline: the same 50 rows by primary key; built in ${Math.round(buildMs)} ms`,
      },
      {
        name: 'sla.scheduler_idle_tick_ms_100k',
        value: round(tickMs),
        unit: 'ms',
        note: 'runScheduler with nothing due over the same database (the review_next_step index)',
      },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
