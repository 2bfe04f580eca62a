// Demo mode: two weeks of a hall's applications and reviews made through the real functions on a stepping clock, so
// the queue, the SLA board and the timeout notice show real figures. Invented people only, masked like real ones.
import { createHmac } from 'node:crypto';
import type { Declaration } from '../applications/schema.js';
import { nextRef } from '../applications/refs.js';
import { insertApplication } from '../applications/store.js';
import { uuidFrom } from '../applications/submit.js';
import type { Clock, RandomSource } from '../clock.js';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import { mod112CheckChar } from '../identity/check-digit.js';
import { evaluate } from '../policy/evaluate.js';
import type { Answers, PolicySet } from '../policy/schema.js';
import { policyInForce } from '../policy/select.js';
import { maskIdNumber, maskName } from '../privacy/mask.js';
import { findOfficer, type Officer } from '../staff/officers.js';
import type { ReviewSource } from './queue/schema.js';
import { calendarFor } from './calendars.js';
import { decide } from './decide.js';
import { openReview } from './review-store.js';
import { reassign } from './assign.js';
import { communityHead, recordAutoDefault, runScheduler } from './scheduler.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BEIJING_OFFSET = 8 * HOUR;
/** The scheduler's tick in the simulation: coarse enough to be quick, fine enough for warnings to fire near time. */
const TICK = 10 * MINUTE;
/** Demo applicant keys are keyed by a fixed demo key, not the terminal's: no real card tap can ever match one. */
const DEMO_KEY = 'mashangban-demo-seed';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '欧阳'];
const given = ['建国', '秀英', '桂兰', '志强', '丽', '伟', '敏', '静', '海燕', '明', '淑珍', '文', '磊', '玉梅', '军'];
const relationships = ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling'];

export interface DemoSeedOptions {
  policies: PolicySet;
  /** Days back from the clock's now (14: two weeks). */
  days?: number;
  hallId: string;
  /** Staff numbers of the demo approvers (already added); they decide at their own speeds. */
  officers: readonly string[];
}

export interface DemoSeedResult {
  applications: number;
  reviews: number;
  decided: number;
  autoDefaulted: number;
  open: number;
}

interface Planned {
  at: number;
  source: ReviewSource;
  declaration: Declaration;
  answers: Answers;
}

interface Pending {
  applicationId: string;
  decideAt: number | null;
  autoDefaultAt: number | null;
  refuseRule: string | null;
  askInfo: boolean;
}

/**
 * Seeds the reviews of `days` days before `clock.now()`, once: with any review already present it does nothing.
 * One transaction: the demo database is seeded whole or not at all. The province's side is assumed done: the
 * decisions queued for it are marked sent (a demo province never heard of these applications).
 */
export function seedDemoReviews(db: Db, clock: Clock, random: RandomSource, options: DemoSeedOptions): DemoSeedResult {
  const empty: DemoSeedResult = { applications: 0, reviews: 0, decided: 0, autoDefaulted: 0, open: 0 };
  const float = () => Buffer.from(random.bytes(4)).readUInt32BE(0) / 2 ** 32;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(float() * list.length)]!;
  const end = clock.now().getTime();
  const days = options.days ?? 14;
  const firstDay = Math.floor((end + BEIJING_OFFSET) / DAY) - days;
  const officers = options.officers.map((staffNo) => findOfficer(db, staffNo)).filter((o): o is Officer => o !== undefined && o.active);
  if (officers.length === 0) throw new Error('seedDemoReviews: no active demo approver');
  // Each officer has a speed: the median of their working-time delay before a decision.
  const speed = new Map(officers.map((o, i) => [o.staffNo, [40, 150, 300][i % 3]! * MINUTE]));

  return db.transaction((): DemoSeedResult => {
    if ((prepared(db, 'SELECT count(*) AS n FROM review').get() as { n: number }).n > 0) return empty;
    const plan: Planned[] = [];
    for (let day = firstDay; day <= firstDay + days; day++) {
      const noon = new Date(day * DAY - BEIJING_OFFSET + 12 * HOUR);
      const calendar = calendarFor(policyInForce(options.policies, noon));
      const slots = calendar.workingIntervals(noon);
      const count = slots.length > 0 ? 30 + Math.floor(float() * 31) : Math.floor(float() * 5);
      const open = slots.length > 0 ? slots : [{ from: new Date(noon.getTime() - 3 * HOUR), to: new Date(noon.getTime() + 4 * HOUR) }];
      const total = open.reduce((sum, slot) => sum + slot.to.getTime() - slot.from.getTime(), 0);
      for (let i = 0; i < count; i++) {
        let offset = Math.floor(float() * total);
        const slot = open.find((s) => (offset -= s.to.getTime() - s.from.getTime()) < 0)!;
        const at = slot.to.getTime() + offset;
        if (at < end) plan.push({ at, ...inventDeclaration(float) });
      }
    }
    plan.sort((a, b) => a.at - b.at);

    let now = plan[0]?.at ?? end;
    const stepping: Clock = { now: () => new Date(now) };
    const pending: Pending[] = [];
    const result = { ...empty };
    /**
     * Every approver ends with one offline review nobody decided for 8 hours: overdue, and escalated to their backup,
     * so the overdue view, the escalation and the red countdown have something to show from the first start.
     */
    const seedOverdue = (at: number): number => {
      const head = findOfficer(db, communityHead(db, new Date(at)) ?? '');
      let made = 0;
      for (const officer of officers) {
        now = at - 8 * HOUR;
        const fever = {
          temperatureC: 38.1,
          fever: true,
          coughOrOtherSymptoms: false,
          travelOutsideProvince14d: false,
          contactWithCase14d: false,
        };
        const declaration: Declaration = { ...fever, purpose: 'work', phone: null, commitment: true };
        const review = submit(db, stepping, random, float, pick, { at: now, source: 'kiosk', declaration, answers: {} }, options);
        if (review === null) continue;
        result.applications += 1;
        result.reviews += 1;
        made += 1;
        if (review.assignedTo !== officer.staffNo && head) {
          reassign(db, stepping, { applicationId: review.applicationId, toStaffNo: officer.staffNo }, head, { policies: options.policies });
        }
      }
      now = at;
      runScheduler(db, stepping);
      return made;
    };
    let next = 0;
    for (let tick = Math.floor(now / TICK) * TICK; tick <= end; tick += TICK) {
      // Submissions of this tick, each as the submission transaction would write it.
      for (; next < plan.length && plan[next]!.at <= tick; next++) {
        const item = plan[next]!;
        now = item.at;
        const review = submit(db, stepping, random, float, pick, item, options);
        result.applications += 1;
        if (review === null) continue;
        result.reviews += 1;
        const assignee = review.assignedTo ?? pick(officers).staffNo;
        const late = float();
        // Most on time at the officer's speed, some late, a few never (the province then issues by default).
        const delay = late < 0.06 ? null : speed.get(assignee)! * (0.3 + float() * 1.4) * (late < 0.2 ? 3 : 1);
        const calendar = calendarFor(policyInForce(options.policies, new Date(item.at)));
        pending.push({
          applicationId: review.applicationId,
          decideAt: delay === null ? null : calendar.addWorkingTime(new Date(item.at), Math.round(delay)).getTime(),
          autoDefaultAt: review.autoDefaultAt,
          refuseRule: float() < 0.1 ? review.citedRule : null,
          askInfo: float() < 0.08,
        });
      }
      now = tick;
      for (let i = pending.length - 1; i >= 0; i--) {
        const p = pending[i]!;
        const asking = p.askInfo && p.decideAt !== null && tick >= p.decideAt - 30 * MINUTE;
        const deciding = p.decideAt !== null && tick >= p.decideAt;
        const defaulting = p.autoDefaultAt !== null && tick >= p.autoDefaultAt;
        if (!asking && !deciding && !defaulting) continue;
        const row = prepared(db, 'SELECT assigned_to, escalated_to FROM review WHERE application_id = ?').get(p.applicationId) as {
          assigned_to: string | null;
          escalated_to: string | null;
        };
        const by = findOfficer(db, row.escalated_to ?? row.assigned_to ?? officers[0]!.staffNo) ?? officers[0]!;
        if (asking) {
          decide(db, stepping, { applicationId: p.applicationId, decision: 'ask-info', ruleId: null }, by, { policies: options.policies });
          p.askInfo = false;
        } else if (deciding) {
          const decision = p.refuseRule === null ? 'approve' : 'refuse';
          decide(db, stepping, { applicationId: p.applicationId, decision, ruleId: p.refuseRule }, by, { policies: options.policies });
          result.decided += 1;
          pending.splice(i, 1);
        } else {
          const view = {
            applicationId: p.applicationId,
            status: 'GREEN' as const,
            reasonCode: 'auto-default',
            statusAsOf: new Date(tick).toISOString(),
            reviewDueAt: null,
            code: null,
          };
          if (recordAutoDefault(db, stepping, view) !== null) result.autoDefaulted += 1;
          pending.splice(i, 1);
        }
      }
      runScheduler(db, stepping);
    }
    result.open = pending.length + seedOverdue(end);
    // The demo province already "has" these decisions: nothing for the dispatcher to send to an emulator that never
    // saw the applications.
    prepared(db, `UPDATE outbox SET state = 'done', body = 'null', done_at = ? WHERE kind = 'send-decision' AND state = 'pending'`).run(
      new Date(end).toISOString(),
    );
    return result;
  })();
}

/** A declaration as residents give them: mostly nothing to report, sometimes a reason for review. */
function inventDeclaration(float: () => number): Omit<Planned, 'at'> {
  const r = float();
  const source: ReviewSource = r < 0.7 ? 'kiosk' : r < 0.8 ? 'staff' : r < 0.95 ? 'family' : 'batch';
  const reason = float();
  return {
    source,
    declaration: {
      temperatureC: reason < 0.06 ? 37.6 : 36.3 + Math.round(float() * 6) / 10,
      fever: reason < 0.06,
      coughOrOtherSymptoms: reason >= 0.06 && reason < 0.12,
      travelOutsideProvince14d: reason >= 0.12 && reason < 0.25,
      contactWithCase14d: reason >= 0.25 && reason < 0.28,
      purpose: (['work', 'school', 'family', 'medical', 'other'] as const)[Math.floor(float() * 5)]!,
      phone: null,
      commitment: true,
    },
    answers: reason >= 0.12 && reason < 0.25 ? { travelLowRiskProvincesOnly14d: false } : {},
  };
}

/** One application of an invented person; its review when the policy says so. Null when none is needed. */
function submit(
  db: Db,
  clock: Clock,
  random: RandomSource,
  float: () => number,
  pick: <T>(list: readonly T[]) => T,
  item: Planned,
  options: DemoSeedOptions,
): { applicationId: string; assignedTo: string | null; autoDefaultAt: number | null; citedRule: string | null } | null {
  const at = new Date(item.at);
  const policy = policyInForce(options.policies, at);
  const channel = item.source === 'family' || item.source === 'batch' ? 'online' : 'offline';
  const year = 1940 + Math.floor(float() * 65);
  const birth = `${year}${String(1 + Math.floor(float() * 12)).padStart(2, '0')}${String(1 + Math.floor(float() * 28)).padStart(2, '0')}`;
  const body = `370102${birth}${String(Math.floor(float() * 1000)).padStart(3, '0')}`;
  const number = body + mod112CheckChar(body);
  const name = pick(surnames) + pick(given);
  const evaluation = evaluate(policy, {
    channel,
    declaration: item.declaration,
    proxy: null, // the demo's proxies stay within the policy's limits: their permissions are not what it shows
    documentType: 'resident',
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
    at,
    proxyApplicationsToday: 0,
    answers: item.answers,
  });
  if (evaluation.outcome === 'refused') return null;
  const applicationId = uuidFrom(random);
  const staffNo = options.officers[0]!;
  const proxyKind = item.source === 'kiosk' ? null : item.source;
  const hmac = (text: string) => createHmac('sha256', DEMO_KEY).update(text).digest('hex');
  insertApplication(db, {
    applicationId,
    ref: nextRef(db, at),
    applicantKey: hmac(number),
    documentType: 'resident',
    maskedName: maskName(name),
    maskedNumber: maskIdNumber(number),
    channel,
    policyId: policy.id,
    citations: evaluation.citations,
    proxyKind,
    proxyMaskedName: proxyKind === null ? null : maskName(proxyKind === 'family' ? pick(surnames) + pick(given) : `王${pick(given)}`),
    proxyKey: proxyKind === null ? null : hmac(proxyKind === 'family' ? `family:${applicationId}` : `staff:${staffNo}`),
    proxyRelationship: proxyKind === 'family' ? pick(relationships) : null,
    proxyConsent: proxyKind === null ? null : proxyKind === 'staff' ? 'card-presented' : 'signed-form',
    proxyVerification: proxyKind === 'staff' ? 'card-read' : null,
    proxyBatchId: proxyKind === 'batch' ? `batch-${at.toISOString().slice(0, 10).replaceAll('-', '')}-0000d3e0` : null,
    proxyStaffNo: proxyKind === 'staff' || proxyKind === 'batch' ? staffNo : null,
    language: 'zh-CN',
    submittedAt: at.toISOString(),
  });
  if (evaluation.outcome !== 'review') return null;
  const { assignedTo } = openReview(db, {
    applicationId,
    source: item.source,
    channel,
    submittedAt: at,
    declaration: item.declaration,
    answers: item.answers,
    policy,
    hallId: options.hallId,
    now: clock.now(),
  });
  const auto = prepared(db, 'SELECT auto_default_at FROM review WHERE application_id = ?').get(applicationId) as {
    auto_default_at: string | null;
  };
  return {
    applicationId,
    assignedTo,
    autoDefaultAt: auto.auto_default_at === null ? null : Date.parse(auto.auto_default_at),
    citedRule: evaluation.citations.find((c) => c.effect === 'review')?.ruleId ?? null,
  };
}
