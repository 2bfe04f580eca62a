// Applications in every retention situation for the purge tests: masked values, a cached code, printed slips, outbox rows.
import { insertApplication } from '../../electron/core/applications/store.js';
import type { CodeStatus } from '../../electron/core/applications/schema.js';
import type { Clock } from '../../electron/core/clock.js';
import type { Db } from '../../electron/core/db/open.js';
import { enqueue, markDone, markSent } from '../../electron/core/printing/journal.js';
import { applyView } from '../../electron/core/sync/code-status.js';

export interface Resident {
  n: number;
  maskedName: string;
  maskedNumber: string;
  /** Stands in for the HMAC of the number: what the desks would look the person up by. */
  applicantKey: string;
  /** The QR text of the code (Base45 alphabet), printed and cached. */
  codeText: string;
  status: CodeStatus;
  submittedAt: string;
  /** The code's validity; null for a status without a code (EXPIRED, REVOKED, PENDING). */
  validUntil: string | null;
  proxy?: { maskedName: string; key: string };
  /** The submission's outbox row: done (synced), pending or failed; none at all when omitted. */
  outbox?: 'done' | 'pending' | 'failed';
  /** The paper code's print job state: done unless said otherwise. */
  printState?: 'queued' | 'done';
}

export const idOf = (n: number) => `7b0e3c1a-2f4d-4c8e-9a6b-${String(n).padStart(12, '0')}`;
export const refOf = (n: number) => `MSB-20261001-${String(n).padStart(4, '0')}`;
const codeIdOf = (n: number) => n.toString(16).padStart(16, 'c');

/** One application with everything the terminal keeps of it, written through the real store and journal. */
export function seedResident(db: Db, clock: Clock, r: Resident): void {
  const id = idOf(r.n);
  const ref = refOf(r.n);
  insertApplication(db, {
    applicationId: id,
    ref,
    applicantKey: r.applicantKey,
    documentType: 'resident',
    maskedName: r.maskedName,
    maskedNumber: r.maskedNumber,
    channel: 'online',
    policyId: 'shandong-2020-03-27',
    citations: [],
    proxyKind: r.proxy ? 'family' : null,
    proxyMaskedName: r.proxy?.maskedName ?? null,
    proxyKey: r.proxy?.key ?? null,
    proxyRelationship: r.proxy ? 'child' : null,
    proxyConsent: r.proxy ? 'card-presented' : null,
    proxyVerification: null,
    proxyBatchId: null,
    proxyStaffNo: null,
    language: 'zh-CN',
    submittedAt: r.submittedAt,
  });
  const coded = r.validUntil !== null;
  applyView(db, clock, {
    applicationId: id,
    status: r.status,
    reasonCode: null,
    statusAsOf: r.submittedAt,
    reviewDueAt: null,
    code: coded ? { codeText: r.codeText, codeId: codeIdOf(r.n), validUntil: r.validUntil! } : null,
  });
  if (coded) db.prepare('UPDATE application SET printed_code_id = ? WHERE application_id = ?').run(codeIdOf(r.n), id);
  const fields = {
    maskedName: r.maskedName,
    maskedNumber: r.maskedNumber,
    proxyMaskedName: r.proxy?.maskedName ?? null,
    complaintRef: ref,
  };
  const paper = enqueue(db, clock, {
    template: 'paper-code',
    label: `HUMN-${String(r.n).padStart(4, '0')}-AAAA-A0`,
    paper: '58mm',
    data: { language: 'zh-CN', fields: { ...fields, codeText: r.codeText } },
  });
  if (r.printState !== 'queued') {
    markSent(db, clock, paper.id);
    markDone(db, clock, paper.id);
  }
  const receipt = enqueue(db, clock, { template: 'receipt', label: ref, paper: '58mm', data: { language: 'zh-CN', fields } });
  markSent(db, clock, receipt.id);
  markDone(db, clock, receipt.id);
  if (r.outbox) {
    const state = r.outbox;
    db.prepare(
      `INSERT INTO outbox (kind, applicant_key, idempotency_key, target_id, body, state, next_attempt_at, last_error, created_at, done_at)
       VALUES ('submit-application', ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ).run(
      r.applicantKey,
      id,
      id,
      state === 'done' ? 'null' : '"v1.sealed-body"',
      state,
      state === 'failed' ? 'invalid-request' : null,
      r.submittedAt,
      state === 'pending' ? null : r.submittedAt,
    );
  }
}
