// The application table: one row per application made at this terminal (masked data, policy, proxy, print marks), and
// the queries the desks need: by id, the person's active application, a proxy's day, the last slip printed for it.
import { z } from 'zod';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/open.js';
import type { DocumentType } from '../identity/schema.js';
import { CitationSchema, type Citation, type ProxyKind } from '../policy/schema.js';
import type { Language } from '../settings/schema.js';
import { shanghaiDate } from '../policy/select.js';
import type { ConsentKindSchema, VerificationMethodSchema } from '../proxy/schema.js';
import type { CodeStatus } from './schema.js';

// proxy/schema.ts (a fixed contract file) exports the schemas but not these two types.
export type ConsentKind = z.infer<typeof ConsentKindSchema>;
export type VerificationMethod = z.infer<typeof VerificationMethodSchema>;

export interface ApplicationRecord {
  applicationId: string;
  ref: string;
  applicantKey: string;
  documentType: DocumentType;
  maskedName: string;
  maskedNumber: string;
  channel: 'offline' | 'online';
  policyId: string;
  citations: Citation[];
  proxyKind: ProxyKind | null;
  proxyMaskedName: string | null;
  /** HMAC of the proxy's number, or of `staff:<staffNo>` (proxy/limits.ts): counts a proxy's day. Null in person. */
  proxyKey: string | null;
  /** Family proxies: the policy's relationship code. */
  proxyRelationship: string | null;
  proxyConsent: ConsentKind | null;
  /** Staff proxies: how the walk-in resident's identity was checked. */
  proxyVerification: VerificationMethod | null;
  /** Batch proxies: the import the application came from. */
  proxyBatchId: string | null;
  /** Staff and batch proxies: the officer who applied. */
  proxyStaffNo: string | null;
  language: Language;
  submittedAt: string;
  printedCodeId: string | null;
  receiptPrinted: boolean;
}

interface Row {
  application_id: string;
  ref: string;
  applicant_key: string;
  document_type: DocumentType;
  masked_name: string;
  masked_number: string;
  channel: 'offline' | 'online';
  policy_id: string;
  citations: string;
  proxy_kind: ProxyKind | null;
  proxy_masked_name: string | null;
  proxy_key: string | null;
  proxy_relationship: string | null;
  proxy_consent: ConsentKind | null;
  proxy_verification: VerificationMethod | null;
  proxy_batch_id: string | null;
  proxy_staff_no: string | null;
  language: Language;
  submitted_at: string;
  printed_code_id: string | null;
  receipt_printed: number;
}

const CitationsSchema = z.array(CitationSchema);

const fromRow = (row: Row): ApplicationRecord => ({
  applicationId: row.application_id,
  ref: row.ref,
  applicantKey: row.applicant_key,
  documentType: row.document_type,
  maskedName: row.masked_name,
  maskedNumber: row.masked_number,
  channel: row.channel,
  policyId: row.policy_id,
  citations: CitationsSchema.parse(JSON.parse(row.citations)),
  proxyKind: row.proxy_kind,
  proxyMaskedName: row.proxy_masked_name,
  proxyKey: row.proxy_key,
  proxyRelationship: row.proxy_relationship,
  proxyConsent: row.proxy_consent,
  proxyVerification: row.proxy_verification,
  proxyBatchId: row.proxy_batch_id,
  proxyStaffNo: row.proxy_staff_no,
  language: row.language,
  submittedAt: row.submitted_at,
  printedCodeId: row.printed_code_id,
  receiptPrinted: row.receipt_printed === 1,
});

export type NewApplication = Omit<ApplicationRecord, 'printedCodeId' | 'receiptPrinted'>;

export function insertApplication(db: Db, app: NewApplication): void {
  prepared(
    db,
    `INSERT INTO application (application_id, ref, applicant_key, document_type, masked_name, masked_number, channel,
       policy_id, citations, proxy_kind, proxy_masked_name, proxy_key, proxy_relationship, proxy_consent,
       proxy_verification, proxy_batch_id, proxy_staff_no, language, submitted_at)
     VALUES (@applicationId, @ref, @applicantKey, @documentType, @maskedName, @maskedNumber, @channel,
       @policyId, @citations, @proxyKind, @proxyMaskedName, @proxyKey, @proxyRelationship, @proxyConsent,
       @proxyVerification, @proxyBatchId, @proxyStaffNo, @language, @submittedAt)`,
  ).run({ ...app, citations: JSON.stringify(CitationsSchema.parse(app.citations)) });
}

export function findApplication(db: Db, applicationId: string): ApplicationRecord | null {
  const row = prepared(db, 'SELECT * FROM application WHERE application_id = ?').get(applicationId) as Row | undefined;
  return row ? fromRow(row) : null;
}

/**
 * How many applications this proxy made on the Asia/Shanghai calendar day of `at` (policy maxSubjectsPerProxyPerDay).
 * Every stored application counts, whatever became of it: the limit is on applying, and refusals are not stored.
 */
export function proxyApplicationsOnDay(db: Db, proxyKey: string, at: Date): number {
  const dayStart = Date.parse(`${shanghaiDate(at)}T00:00:00+08:00`);
  const from = new Date(dayStart).toISOString();
  const to = new Date(dayStart + 24 * 3_600_000).toISOString();
  // submitted_at is always toISOString() (UTC, fixed width), so the text range is the time range (index application_proxy_day).
  const row = prepared(db, 'SELECT count(*) AS n FROM application WHERE proxy_key = ? AND submitted_at >= ? AND submitted_at < ?').get(
    proxyKey,
    from,
    to,
  ) as { n: number };
  return row.n;
}

/** What the terminal knows of an application's state: the province's status, or why there is none yet. */
export interface KnownState {
  /** null: no answer from the province yet. */
  status: CodeStatus | null;
  validUntil: string | null;
  /** The submission was refused by the province for good (it shows to staff in the failed outbox list). */
  submitFailed: boolean;
}

const CODED = new Set<CodeStatus>(['GREEN', 'YELLOW', 'RED']);

/**
 * "Active" — the person may not apply again while it holds:
 * - QUEUED: not yet answered by the province, and its submission has not failed for good (a refused filing would
 *   otherwise lock the person out forever);
 * - PENDING: under review;
 * - GREEN, YELLOW or RED with a validUntil still in the future (a RED code is not escaped by applying again).
 * EXPIRED, REVOKED, UNKNOWN and a coded status past its validUntil are not active.
 */
export function isActive(state: KnownState, now: Date): boolean {
  if (state.status === null) return !state.submitFailed;
  if (state.status === 'PENDING') return true;
  if (CODED.has(state.status)) return state.validUntil !== null && Date.parse(state.validUntil) > now.getTime();
  return false;
}

export function knownState(db: Db, applicationId: string): KnownState {
  const row = prepared(
    db,
    `SELECT c.status AS status, c.valid_until AS validUntil,
            EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = a.application_id
                      AND o.kind = 'submit-application' AND o.state = 'failed') AS submitFailed
       FROM application a LEFT JOIN code_status c ON c.application_id = a.application_id
      WHERE a.application_id = ?`,
  ).get(applicationId) as { status: CodeStatus | null; validUntil: string | null; submitFailed: number } | undefined;
  if (!row) throw new Error('knownState: no such application');
  return { status: row.status, validUntil: row.validUntil, submitFailed: row.submitFailed === 1 };
}

/** The person's newest active application at `now`, or null. A person has few rows: the test runs in JS (dates). */
export function activeApplicationId(db: Db, applicantKey: string, now: Date): string | null {
  const ids = prepared(db, 'SELECT application_id FROM application WHERE applicant_key = ? ORDER BY submitted_at DESC, rowid DESC')
    .all(applicantKey)
    .map((row) => (row as { application_id: string }).application_id);
  return ids.find((id) => isActive(knownState(db, id), now)) ?? null;
}

export function setPrintedCodeId(db: Db, applicationId: string, codeId: string): void {
  prepared(db, 'UPDATE application SET printed_code_id = ? WHERE application_id = ?').run(codeId, applicationId);
}

export function markReceiptPrinted(db: Db, applicationId: string): void {
  prepared(db, 'UPDATE application SET receipt_printed = 1 WHERE application_id = ?').run(applicationId);
}

export interface LastJob {
  id: number;
  state: 'queued' | 'sent' | 'done' | 'failed';
  resolved: boolean;
}

/**
 * The newest print job of a slip, found by its label: a paper code is labelled with its human id, a receipt with the
 * application's ref (both unique), so staff reprints from the printer screen are found too.
 */
export function lastJob(db: Db, template: 'paper-code' | 'receipt', label: string): LastJob | null {
  const row = prepared(db, 'SELECT id, state, resolved FROM print_jobs WHERE template = ? AND label = ? ORDER BY id DESC LIMIT 1').get(
    template,
    label,
  ) as { id: number; state: LastJob['state']; resolved: number } | undefined;
  return row ? { id: row.id, state: row.state, resolved: row.resolved === 1 } : null;
}

/** A loss report for this application still waiting for the province (a second one would revoke the new code too). */
export function lossReportPending(db: Db, applicationId: string): boolean {
  return (
    prepared(db, `SELECT 1 FROM outbox WHERE kind = 'report-loss' AND target_id = ? AND state = 'pending' LIMIT 1`).get(applicationId) !==
    undefined
  );
}
