// The approval desk: the queue.*, officers.* and sla.board handlers, the review opened with every submission that
// needs one, the SLA scheduler on a timer, and the province's auto-default recorded as a breach.
import { reassign } from '../core/approvals/assign.js';
import { slaBoard } from '../core/approvals/board.js';
import { decide } from '../core/approvals/decide.js';
import { officerViews, updateDuty } from '../core/approvals/duty.js';
import type { DecideInput, OfficerDutyInput, QueueQuery, ReviewSource, SlaBoardQuery, SlaExport } from '../core/approvals/queue/schema.js';
import { appendAudit } from '../core/audit/log.js';
import { openReview, queuePage, reviewDetail } from '../core/approvals/review-store.js';
import { recordAutoDefault, runScheduler, timeoutNoticeFacts, type FiredEvent } from '../core/approvals/scheduler.js';
import type { SubmittedTx } from '../core/applications/submit.js';
import { findApplication } from '../core/applications/store.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import type { PolicySet } from '../core/policy/schema.js';
import { policyInForce } from '../core/policy/select.js';
import type { PrintJob } from '../core/printing/schema.js';
import { TimeoutNoticeDataSchema } from '../core/printing/slip-data.js';
import type { Settings } from '../core/settings/schema.js';
import type { Officer } from '../core/staff/officers.js';
import type { ProvinceLink } from './application-slips.js';
import type { EventHub } from './events.js';
import type { Printing } from './printing.js';

export interface ApprovalDeskOptions {
  db: Db;
  clock: Clock;
  policies: PolicySet;
  events: EventHub;
  province: Pick<ProvinceLink, 'kick' | 'onView'>;
  printing: Pick<Printing, 'print'>;
  settings: { read(): Settings };
  hallId: string;
  /** How often the scheduler looks for SLA steps that fell due; 0 turns the timer off (tests call tick()). */
  schedulerMs?: number;
}

const SCHEDULER_MS = 15_000;

export function createApprovalDesk(options: ApprovalDeskOptions) {
  const { db, clock, policies, events, province, printing, settings, hallId, schedulerMs = SCHEDULER_MS } = options;
  const ctx = () => ({ now: clock.now(), policies });

  const announce = (fired: FiredEvent[]) => {
    for (const event of fired) {
      events.emit('sla.alert', {
        applicationId: event.applicationId,
        ref: event.ref,
        kind: event.kind,
        step: event.step,
        staffNo: event.staffNo,
      });
    }
    if (fired.length > 0) events.emit('queue.changed', {});
  };

  /** Runs the scheduler once; a failure is logged (no details: they may be personal) and the next tick tries again. */
  function tick(): FiredEvent[] {
    try {
      const fired = runScheduler(db, clock, { policies });
      announce(fired);
      return fired;
    } catch {
      console.error('[approvals] the SLA scheduler failed a round');
      return [];
    }
  }

  // The first round at start catches up on whatever fell due while the kiosk was off.
  const timer = schedulerMs > 0 ? setInterval(tick, schedulerMs) : undefined;
  timer?.unref();
  if (schedulerMs > 0) setImmediate(tick);

  const unsubscribe = province.onView((view) => {
    if (view.reasonCode !== 'auto-default') return;
    try {
      const fired = recordAutoDefault(db, clock, view);
      if (fired) announce([fired]);
    } catch {
      console.error('[approvals] an auto-default could not be recorded');
    }
  });

  return {
    tick,
    /**
     * The `onSubmitted` hook of a submission from `source`: inside its transaction, an application that needs review
     * gets its review (deadlines, assignee) — both are there, or neither.
     */
    opener(source: ReviewSource) {
      return (tx: SubmittedTx): void => {
        if (tx.evaluation !== 'review') return;
        const policy = policyInForce(policies, tx.submittedAt);
        openReview(db, { ...tx, source, policy, hallId, now: clock.now() });
      };
    },
    /** A submission committed: screens showing a queue refetch. */
    submitted(): void {
      events.emit('queue.changed', {});
    },
    list: (query: QueueQuery, officer: Officer) => queuePage(db, query, { ...ctx(), staffNo: officer.staffNo }),
    /** Who saw a resident's declaration is the audit's business: the read and its audit row commit together. */
    detail(applicationId: string, officer: Officer) {
      return db
        .transaction(() => {
          const detail = reviewDetail(db, applicationId, { ...ctx(), staffNo: officer.staffNo });
          appendAudit(db, { at: clock.now(), actor: officer.staffNo, action: 'review.viewed', subject: `application:${applicationId}` });
          return detail;
        })
        .immediate();
    },
    decide(input: DecideInput, officer: Officer) {
      decide(db, clock, input, officer, { policies });
      // The decision waits in the outbox: send it now rather than at the next poll.
      province.kick();
      events.emit('queue.changed', {});
      return reviewDetail(db, input.applicationId, { ...ctx(), staffNo: officer.staffNo });
    },
    reassign(input: { applicationId: string; toStaffNo: string }, officer: Officer) {
      const item = reassign(db, clock, input, officer, { policies });
      events.emit('queue.changed', {});
      return item;
    },
    officers: () => officerViews(db, clock.now()),
    duty(input: OfficerDutyInput, officer: Officer) {
      const view = updateDuty(db, clock, input, officer);
      events.emit('queue.changed', {});
      return view;
    },
    board: (query: SlaBoardQuery) => slaBoard(db, query, clock.now()),
    exported({ from, to, officers }: SlaExport, officer: Officer) {
      appendAudit(db, {
        at: clock.now(),
        actor: officer.staffNo,
        action: 'sla.exported',
        subject: `sla-board:${from}.${to}`,
        detail: { officers },
      });
      return { ok: true } as const;
    },
    /** 超时默认通知书, in the resident's language: the breach, the officer it is recorded against and the community. */
    printNotice(applicationId: string): PrintJob {
      const facts = timeoutNoticeFacts(db, applicationId);
      const app = findApplication(db, applicationId);
      if (app === null) throw new KioskError('not-found', 'errors.reviewNotFound');
      // Nobody was assigned (no approver on duty): the notice names the community alone, which the slip cannot yet.
      if (facts.officer === null) throw new KioskError('conflict', 'errors.noResponsibleOfficer');
      const { hallName } = settings.read();
      const data = TimeoutNoticeDataSchema.parse({
        hallName,
        applicationRef: facts.applicationRef,
        maskedName: facts.maskedName,
        maskedNumber: facts.maskedNumber,
        submittedAt: facts.submittedAt,
        dueAt: facts.dueAt,
        autoDefaultAt: facts.autoDefaultAt,
        issuedStatus: facts.issuedStatus,
        officer: facts.officer,
        community: hallName,
        reprintNumber: 0,
      });
      return printing.print('timeout-notice', facts.applicationRef, app.language, data);
    },
    close(): void {
      if (timer) clearInterval(timer);
      unsubscribe();
    },
  };
}
export type ApprovalDesk = ReturnType<typeof createApprovalDesk>;
