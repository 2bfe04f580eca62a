// What the emulated province does with an application: first decision, officers' decisions, big-data changes, auto-default.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CodeStatus } from '../../electron/core/applications/schema.js';
import type { ApplicationView, SubmitApplication } from '../../electron/core/province/schema.js';
import type { DecisionSchema, LossReport } from '../../electron/core/province/schema.js';
import type { Issuer } from './issuer.js';
import { reviewRuleFor, reviewTimes, validUntil, type HallPolicy } from './policy.js';
import { viewOf, type ApplicationRow, type ProvincialStore } from './store.js';

/** Correction (GB/T 38963 纠错): the emulator records it and answers the view; it changes no status. */
export const CorrectionSchema = z
  .object({
    field: z.string().min(1).max(64),
    value: z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
    reason: z.string().min(1).max(200),
  })
  .strict();

export const AdminStatusSchema = z
  .object({
    applicationId: z.uuid(),
    status: z.enum(['PENDING', 'GREEN', 'YELLOW', 'RED', 'EXPIRED', 'REVOKED']),
    reasonCode: z.string().max(64).nullable(),
  })
  .strict();

const codedStatuses = new Set<CodeStatus>(['GREEN', 'YELLOW', 'RED']);
const iso = (ms: number) => new Date(ms).toISOString();

/** A stable, non-reversible key per applicant, so "two applications for one person" can be counted without the number. */
const applicantKey = (documentType: string, idNumber: string) =>
  createHash('sha256').update(`${documentType}\n${idNumber.toUpperCase()}`).digest('hex');

export type SubmitOutcome = { kind: 'created'; view: ApplicationView } | { kind: 'exists'; view: ApplicationView } | { kind: 'conflict' };

/**
 * With idempotency off, a refiled applicationId gets a derived row id: still a UUID (the feed and admin accept it),
 * unique per filing (the created counter), so the primary key takes the duplicate and the counts can show it.
 */
const derivedRowId = (applicationId: string, filing: number) => {
  const hex = createHash('sha256').update(`${applicationId}\n${filing}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export function createService(store: ProvincialStore, issuer: Issuer, policy: HallPolicy, now: () => number, honourKeys = true) {
  const requestOf = (row: ApplicationRow) => JSON.parse(row.request_json) as SubmitApplication;

  /** Moves an application to a status: revokes the code it had, issues one for GREEN/YELLOW/RED, appends to the feed. */
  function transition(row: ApplicationRow, status: CodeStatus, reasonCode: string | null): ApplicationRow {
    const at = now();
    const request = requestOf(row);
    if (row.code_hash) store.revoke(row.code_hash, iso(at));
    let code: string | null = null;
    let codeHash: string | null = null;
    if (codedStatuses.has(status)) {
      const issued = issuer.issue({
        status: status as 'GREEN' | 'YELLOW' | 'RED',
        idNumber: request.applicant.idNumber,
        proxy: request.proxy !== null,
        hallId: row.hall_id,
        statusAsOf: new Date(at),
        now: new Date(at),
        validUntil: new Date(validUntil(at, policy)),
      });
      code = JSON.stringify(issued.code);
      codeHash = issued.revocationHash;
    }
    const next: ApplicationRow = { ...row, status, reason_code: reasonCode, status_as_of: iso(at), code_json: code, code_hash: codeHash };
    store.updateStatus(next);
    store.appendChange(next);
    return next;
  }

  return {
    /** A new application is decided at once (GREEN) or sent to review (PENDING with the rule id and deadline). */
    submit(terminalId: string, request: SubmitApplication, bodyHash: string): SubmitOutcome {
      return store.transaction(() => {
        const existing = store.application(request.applicationId);
        // Another terminal (or a lost idempotency row) sending the same id: same body is the same filing, else a clash.
        if (existing && honourKeys)
          return existing.body_hash === bodyHash ? { kind: 'exists', view: viewOf(existing) } : { kind: 'conflict' };
        const at = now();
        const rule = reviewRuleFor(request.declaration, policy);
        const times = rule ? reviewTimes(request.channel, Date.parse(request.submittedAt), policy) : null;
        const row: ApplicationRow = {
          application_id: existing ? derivedRowId(request.applicationId, store.counter('created') + 1) : request.applicationId,
          terminal_id: terminalId,
          hall_id: request.hallId,
          channel: request.channel,
          applicant_key: applicantKey(request.applicant.documentType, request.applicant.idNumber),
          body_hash: bodyHash,
          request_json: JSON.stringify(request),
          status: 'PENDING',
          reason_code: rule,
          status_as_of: iso(at),
          review_due_at: times ? iso(times.reviewDueAt) : null,
          auto_default_at: times?.autoDefaultAt ?? null,
          code_json: null,
          code_hash: null,
        };
        store.insertApplication(row);
        store.bump('created');
        const final = rule ? (store.appendChange(row), row) : transition(row, 'GREEN', null);
        // The terminal is answered with its own id, as a province that filed twice would still echo the request.
        return { kind: 'created', view: { ...viewOf(final), applicationId: request.applicationId } };
      });
    },

    get: (id: string) => {
      const row = store.application(id);
      return row && viewOf(row);
    },

    /**
     * An officer's decision on a PENDING application. On any other status (already decided, auto-defaulted) it is
     * recorded and changes nothing: the province does not let a late review undo a code it has issued.
     */
    decide(id: string, decision: z.infer<typeof DecisionSchema>): ApplicationView | undefined {
      return store.transaction(() => {
        const row = store.application(id);
        if (!row) return undefined;
        store.addDecision(id, decision, iso(now()));
        if (row.status !== 'PENDING') return viewOf(row);
        if (decision.decision === 'approve') return viewOf(transition(row, 'GREEN', null));
        if (decision.decision === 'refuse') return viewOf(transition(row, 'RED', decision.ruleId ?? row.reason_code));
        return viewOf(transition(row, 'PENDING', 'ask-info'));
      });
    },

    correct(id: string, correction: z.infer<typeof CorrectionSchema>): ApplicationView | undefined {
      const row = store.application(id);
      if (!row) return undefined;
      store.addCorrection(id, correction, iso(now()));
      return viewOf(row);
    },

    /**
     * 挂失: the current code is revoked and, for GREEN/YELLOW/RED, a new one is issued at the same status with a
     * fresh validity (the policy's, from now) and appended to the feed. With no code (PENDING, EXPIRED, REVOKED) there
     * is nothing to revoke: the report is recorded and the view answered unchanged, so a report that crossed a status
     * change is harmless rather than an error the terminal would have to show. Undefined: no such application.
     */
    reportLoss(id: string, report: LossReport): ApplicationView | undefined {
      return store.transaction(() => {
        const row = store.application(id);
        if (!row) return undefined;
        store.addLossReport(id, report, row.code_hash, iso(now()));
        if (!row.code_hash || !codedStatuses.has(row.status)) return viewOf(row);
        return viewOf(transition(row, row.status, row.reason_code));
      });
    },

    /** Big-data comparison (admin): any status, old code revoked, a new one for GREEN/YELLOW/RED. */
    setStatus(input: z.infer<typeof AdminStatusSchema>): ApplicationView | undefined {
      return store.transaction(() => {
        const row = store.application(input.applicationId);
        return row && viewOf(transition(row, input.status, input.reasonCode));
      });
    },

    /** Online applications still PENDING at their auto-default time turn GREEN ('auto-default'). Returns how many. */
    tick(): number {
      return store.transaction(() => {
        const due = store.dueForDefault(now());
        for (const row of due) transition(row, 'GREEN', 'auto-default');
        return due.length;
      });
    },

    changes(cursor: number, limit: number) {
      const changes = store.changesAfter(cursor, limit);
      return { changes, nextCursor: changes.at(-1)?.seq ?? cursor };
    },
  };
}
export type Service = ReturnType<typeof createService>;
