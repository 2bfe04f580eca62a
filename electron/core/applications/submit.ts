// Submitting an application (in person, or by a proxy): validate, apply the policy in force, then application + audit +
// outbox in one transaction. A refusal stores nothing but an audit row naming the rules.
import { AnswersSchema, type Answers, type Citation, type Policy, type ProxyKind } from '../policy/schema.js';
import { appendAudit, type AuditActor } from '../audit/log.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { HeldIdentity } from '../identity/current.js';
import { evaluate } from '../policy/evaluate.js';
import { maskIdNumber, maskName } from '../privacy/mask.js';
import { LanguageSchema, type Language } from '../settings/schema.js';
import { applicantKey, enqueue } from '../sync/outbox.js';
import { DeclarationSchema, type Declaration, type Proxy } from './schema.js';
import { nextRef, DEFAULT_REF_PREFIX } from './refs.js';
import { activeApplicationId, insertApplication, proxyApplicationsOnDay, type ConsentKind, type VerificationMethod } from './store.js';

export type Channel = 'offline' | 'online';

/**
 * What this terminal keeps of a proxy (masked values and keys only; the province's Proxy with the full number goes
 * to the outbox). Built by proxy/family.ts, staff.ts and batch.ts.
 */
export interface ProxyRecord {
  kind: ProxyKind;
  /** privacy/mask.ts output: the family member's name, or the officer's for staff and batch. */
  maskedName: string;
  /** proxy/limits.ts proxyKey: HMAC of the proxy's number or of `staff:<staffNo>` under the lookup key. */
  proxyKey: string;
  /** Family: the policy's relationship code; null otherwise. */
  relationship: string | null;
  consent: ConsentKind;
  /** Staff: how the resident's identity was checked; null otherwise. */
  verification: VerificationMethod | null;
  /** Batch: the import's id; null otherwise. */
  batchId: string | null;
  /** Staff and batch: the officer who applied; null for family. */
  staffNo: string | null;
}

/** Handed to `onSubmitted` inside the transaction, after the application, audit and outbox rows are written. */
export interface SubmittedTx {
  applicationId: string;
  ref: string;
  evaluation: 'eligible' | 'review';
  citations: Citation[];
  declaration: Declaration;
  answers: Answers;
  channel: Channel;
  submittedAt: Date;
  proxyKind: ProxyKind | null;
}

export interface SubmitRequest {
  identity: HeldIdentity;
  /** Checked here with DeclarationSchema / AnswersSchema: this is core's boundary. */
  declaration: unknown;
  answers: unknown;
  language: Language;
  policy: Policy;
  /** The hall's numeric id in the province's register (the paper code carries it). */
  hallId: string;
  /** The terminal's lookup key (lookup-key.ts): applicant_key = HMAC(number). */
  lookupKey: Uint8Array;
  /** 'offline' (in person at the hall, the default) or 'online' (family and batch proxies: the resident is not here). */
  channel?: Channel;
  /** The province's Proxy (what goes in the outbox), or null when the resident applies in person. */
  proxy: Proxy | null;
  /** What is kept locally of that proxy: required with `proxy`, of the same kind. */
  proxyRecord?: ProxyRecord | null;
  /** Who the audit row names: the officer for staff and batch proxies; 'resident' by default. */
  actor?: AuditActor;
  /**
   * Runs inside the transaction after the inserts (the app opens a review here, atomically with the submission). A
   * throw rolls everything back, the application included, and reaches the caller.
   */
  onSubmitted?: (tx: SubmittedTx) => void;
  refPrefix?: string;
}

export type SubmitResult =
  | { outcome: 'refused'; citations: Citation[] }
  | {
      outcome: 'submitted';
      applicationId: string;
      ref: string;
      evaluation: 'eligible' | 'review';
      citations: Citation[];
      /** The parsed declaration and answers and the submission's facts: what opening a review needs. */
      declaration: Declaration;
      answers: Answers;
      channel: Channel;
      submittedAt: string;
    };

/** A v4 UUID from the injected random source (house rule 3: tests control randomness). */
export function uuidFrom(random: RandomSource): string {
  const b = Buffer.from(random.bytes(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The audit's view of a proxy: kinds, codes and staff numbers — never a name or number, masked or not. */
function auditedProxy(record: ProxyRecord | null) {
  if (record === null) return null;
  // No name, not even masked: the audit row outlives the retention purge, so it holds codes and staff numbers only.
  return {
    kind: record.kind,
    relationship: record.relationship,
    consent: record.consent,
    verification: record.verification,
    officerStaffNo: record.staffNo,
    batchId: record.batchId,
  };
}

/**
 * Throws KioskError: invalid-input (errors.invalidInput) for a bad declaration, answers or language;
 * invalid-input (errors.nameNeeded) when the identity has no name (a typed number: the province needs the name);
 * invalid-input (errors.proxySelf) when the proxy is the resident;
 * conflict (errors.applicationActive) when the person already has an active application (store.ts isActive).
 */
export function submitApplication(db: Db, clock: Clock, random: RandomSource, request: SubmitRequest): SubmitResult {
  const declaration = DeclarationSchema.safeParse(request.declaration);
  const answers = AnswersSchema.safeParse(request.answers);
  const language = LanguageSchema.safeParse(request.language);
  if (!declaration.success || !answers.success || !language.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const { identity, policy, proxy } = request;
  const record = request.proxyRecord ?? null;
  // A programming error, not a user's: the outbox's Proxy and the local record must describe the same proxy.
  if ((proxy === null) !== (record === null) || (proxy !== null && proxy.kind !== record?.kind)) {
    throw new Error('submitApplication: proxy and proxyRecord must both be given, of the same kind, or both be null');
  }
  if (identity.name === null || identity.name.trim() === '') throw new KioskError('invalid-input', 'errors.nameNeeded');
  const name = identity.name;
  const channel = request.channel ?? 'offline';
  const actor = request.actor ?? 'resident';
  const key = applicantKey(identity.number, request.lookupKey);
  // Same key, same number: a family member cannot "proxy" for themself (a staff key is never a person's).
  if (record !== null && record.proxyKey === key) throw new KioskError('invalid-input', 'errors.proxySelf');

  // IMMEDIATE: the active check, the proxy's count for the day, the ref's sequence and the inserts see and write one
  // consistent state (two quick proxy submissions cannot both pass the daily limit).
  return db
    .transaction((): SubmitResult => {
      const now = clock.now();
      if (activeApplicationId(db, key, now) !== null) throw new KioskError('conflict', 'errors.applicationActive');
      const evaluation = evaluate(policy, {
        channel,
        declaration: declaration.data,
        proxy,
        documentType: identity.documentType,
        birthDate: identity.birthDate,
        at: now,
        proxyApplicationsToday: record === null ? 0 : proxyApplicationsOnDay(db, record.proxyKey, now),
        answers: answers.data,
      });
      const ruleIds = evaluation.citations.map((c) => c.ruleId);
      if (evaluation.outcome === 'refused') {
        // Rule ids only: who was refused is not the log's business, and nothing else of the person is kept.
        appendAudit(db, {
          at: now,
          actor,
          action: 'application.refused',
          subject: `policy:${policy.id}`,
          detail: record === null ? { rules: ruleIds, channel } : { rules: ruleIds, channel, proxy: record.kind },
        });
        return { outcome: 'refused', citations: evaluation.citations };
      }
      const applicationId = uuidFrom(random);
      const ref = nextRef(db, now, request.refPrefix ?? DEFAULT_REF_PREFIX);
      const submittedAt = now.toISOString();
      insertApplication(db, {
        applicationId,
        ref,
        applicantKey: key,
        documentType: identity.documentType,
        maskedName: maskName(name),
        maskedNumber: maskIdNumber(identity.number),
        channel,
        policyId: policy.id,
        citations: evaluation.citations,
        proxyKind: record?.kind ?? null,
        proxyMaskedName: record?.maskedName ?? null,
        proxyKey: record?.proxyKey ?? null,
        proxyRelationship: record?.relationship ?? null,
        proxyConsent: record?.consent ?? null,
        proxyVerification: record?.verification ?? null,
        proxyBatchId: record?.batchId ?? null,
        proxyStaffNo: record?.staffNo ?? null,
        language: language.data,
        submittedAt,
      });
      appendAudit(db, {
        at: now,
        actor,
        action: 'application.submitted',
        subject: `application:${applicationId}`,
        detail: { ref, policyId: policy.id, evaluation: evaluation.outcome, rules: ruleIds, channel, proxy: auditedProxy(record) },
      });
      // The full number and name go only here; the dispatcher drops the body once the province has it.
      enqueue(db, clock, {
        kind: 'submit-application',
        applicantKey: key,
        body: {
          applicationId,
          channel,
          submittedAt,
          hallId: request.hallId,
          applicant: { documentType: identity.documentType, idNumber: identity.number, name },
          declaration: declaration.data,
          proxy,
        },
      });
      const submitted = {
        applicationId,
        ref,
        evaluation: evaluation.outcome,
        citations: evaluation.citations,
        declaration: declaration.data,
        answers: answers.data,
        channel,
      };
      request.onSubmitted?.({ ...submitted, submittedAt: now, proxyKind: record?.kind ?? null });
      return { outcome: 'submitted', ...submitted, submittedAt };
    })
    .immediate();
}
