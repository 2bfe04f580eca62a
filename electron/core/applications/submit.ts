// Submitting an application at the kiosk: validate, apply the policy in force, then application + audit + outbox in
// one transaction. A refusal stores nothing but an audit row naming the rules.
import { AnswersSchema, type Citation, type Policy } from '../policy/schema.js';
import { appendAudit } from '../audit/log.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { HeldIdentity } from '../identity/current.js';
import { evaluate } from '../policy/evaluate.js';
import { maskIdNumber, maskName } from '../privacy/mask.js';
import { LanguageSchema, type Language } from '../settings/schema.js';
import { applicantKey, enqueue } from '../sync/outbox.js';
import { DeclarationSchema } from './schema.js';
import { nextRef, DEFAULT_REF_PREFIX } from './refs.js';
import { activeApplicationId, insertApplication } from './store.js';

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
  /** Proxies come with the proxy issue; the kiosk flow applies in person. */
  proxy: null;
  refPrefix?: string;
}

export type SubmitResult =
  | { outcome: 'refused'; citations: Citation[] }
  | { outcome: 'submitted'; applicationId: string; ref: string; evaluation: 'eligible' | 'review'; citations: Citation[] };

/** A v4 UUID from the injected random source (house rule 3: tests control randomness). */
export function uuidFrom(random: RandomSource): string {
  const b = Buffer.from(random.bytes(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Throws KioskError: invalid-input (errors.invalidInput) for a bad declaration, answers or language;
 * invalid-input (errors.nameNeeded) when the identity has no name (a typed number: the province needs the name);
 * conflict (errors.applicationActive) when the person already has an active application (store.ts isActive).
 */
export function submitApplication(db: Db, clock: Clock, random: RandomSource, request: SubmitRequest): SubmitResult {
  const declaration = DeclarationSchema.safeParse(request.declaration);
  const answers = AnswersSchema.safeParse(request.answers);
  const language = LanguageSchema.safeParse(request.language);
  if (!declaration.success || !answers.success || !language.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const { identity, policy } = request;
  if (identity.name === null || identity.name.trim() === '') throw new KioskError('invalid-input', 'errors.nameNeeded');
  const name = identity.name;
  const key = applicantKey(identity.number, request.lookupKey);

  // IMMEDIATE: the active check, the ref's sequence and the inserts see and write one consistent state.
  return db
    .transaction((): SubmitResult => {
      const now = clock.now();
      if (activeApplicationId(db, key, now) !== null) throw new KioskError('conflict', 'errors.applicationActive');
      const evaluation = evaluate(policy, {
        channel: 'offline',
        declaration: declaration.data,
        proxy: request.proxy,
        documentType: identity.documentType,
        birthDate: identity.birthDate,
        at: now,
        proxyApplicationsToday: 0,
        answers: answers.data,
      });
      const ruleIds = evaluation.citations.map((c) => c.ruleId);
      if (evaluation.outcome === 'refused') {
        // Rule ids only: who was refused is not the log's business, and nothing else of the person is kept.
        appendAudit(db, {
          at: now,
          actor: 'resident',
          action: 'application.refused',
          subject: `policy:${policy.id}`,
          detail: { rules: ruleIds, channel: 'offline' },
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
        channel: 'offline',
        policyId: policy.id,
        citations: evaluation.citations,
        proxyKind: null,
        proxyMaskedName: null,
        language: language.data,
        submittedAt,
      });
      appendAudit(db, {
        at: now,
        actor: 'resident',
        action: 'application.submitted',
        subject: `application:${applicationId}`,
        detail: { ref, policyId: policy.id, evaluation: evaluation.outcome, rules: ruleIds, channel: 'offline', proxy: null },
      });
      // The full number and name go only here; the dispatcher drops the body once the province has it.
      enqueue(db, clock, {
        kind: 'submit-application',
        applicantKey: key,
        body: {
          applicationId,
          channel: 'offline',
          submittedAt,
          hallId: request.hallId,
          applicant: { documentType: identity.documentType, idNumber: identity.number, name },
          declaration: declaration.data,
          proxy: request.proxy,
        },
      });
      return { outcome: 'submitted', applicationId, ref, evaluation: evaluation.outcome, citations: evaluation.citations };
    })
    .immediate();
}
