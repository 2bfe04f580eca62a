// One application as the resident sees it: the terminal's row joined with the province's last known status.
import { base45Decode } from '../codes/base45.js';
import { humanCodeId } from '../codes/human-id.js';
import { decodePayload, PAYLOAD_LENGTH } from '../codes/payload.js';
import type { Db } from '../db/open.js';
import { ResidentApplicationSchema, type ResidentApplication } from '../resident/schema.js';
import { readCodeStatus } from '../sync/code-status.js';
import { activeApplicationId, findApplication, knownState } from './store.js';

/** The code id (16 hex) inside a code's signed payload, or null when the text is not a readable version-1 code. */
export function codeIdOf(codeText: string): string | null {
  const bytes = base45Decode(codeText);
  if (bytes === null) return null;
  // The payload is followed by its signature; only the fixed-length payload is decoded here.
  const decoded = decodePayload(bytes.subarray(0, PAYLOAD_LENGTH));
  return decoded.ok ? decoded.fields.codeId : null;
}

/** What is printed under the QR (Crockford base32 with check symbol), from the code itself. */
export function humanIdOf(codeText: string): string | null {
  const codeId = codeIdOf(codeText);
  return codeId === null ? null : humanCodeId(codeId);
}

/**
 * The application now. QUEUED when the province has not answered yet; UNKNOWN when the province refused the filing
 * for good (staff see it in the failed outbox list). `fresh` says whether the status was just confirmed.
 */
export function residentApplication(db: Db, applicationId: string, { fresh }: { fresh: boolean }): ResidentApplication {
  const app = findApplication(db, applicationId);
  if (app === null) throw new Error('residentApplication: no such application');
  const view = readCodeStatus(db, applicationId);
  const status = view?.status ?? (knownState(db, applicationId).submitFailed ? 'UNKNOWN' : 'QUEUED');
  return ResidentApplicationSchema.parse({
    applicationId,
    ref: app.ref,
    status,
    statusAsOf: view?.statusAsOf ?? null,
    fresh,
    reviewDueAt: view?.reviewDueAt ?? null,
    validUntil: view?.code?.validUntil ?? null,
    humanId: view?.code ? humanIdOf(view.code.codeText) : null,
    maskedName: app.maskedName,
    maskedNumber: app.maskedNumber,
    submittedAt: app.submittedAt,
    proxyMaskedName: app.proxyMaskedName,
    citations: app.citations,
  });
}

/** The person's active application (see store.ts isActive) as the resident sees it, or null. */
export function activeApplicationFor(db: Db, applicantKey: string, now: Date, { fresh = false } = {}): ResidentApplication | null {
  const id = activeApplicationId(db, applicantKey, now);
  return id === null ? null : residentApplication(db, id, { fresh });
}
