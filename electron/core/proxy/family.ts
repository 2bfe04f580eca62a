// 为家人代办: a family member applies for a resident who is not at the hall (online channel, relationship and consent).
import { submitApplication, type SubmitRequest, type SubmitResult } from '../applications/submit.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { HeldIdentity } from '../identity/current.js';
import type { Policy } from '../policy/schema.js';
import { maskName } from '../privacy/mask.js';
import { StaffNoSchema } from '../staff/schema.js';
import { familyProxyKey } from './limits.js';
import { FamilyProxyInputSchema, type FamilyProxyInput } from './schema.js';

export interface FamilyProxyRequest {
  /** The family member: their own card, read first and held by the app (proxy.holdProxy). */
  proxy: HeldIdentity;
  /** The resident the code is for: a card read, or proxy/subject.ts typedSubject for a typed number and name. */
  subject: HeldIdentity;
  /** Checked again here (core's boundary); its readIds were resolved into `proxy` and `subject` by the caller. */
  input: FamilyProxyInput;
  policy: Policy;
  hallId: string;
  lookupKey: Uint8Array;
  /** The officer at the counter who took it: the audit row's actor (else 'resident', the family member). */
  officerStaffNo?: string | null;
  onSubmitted?: SubmitRequest['onSubmitted'];
  refPrefix?: string;
}

/**
 * Refused (with citations, nothing stored but an audit row) when the policy does not allow family proxies, the
 * relationship is not one of its familyRelationships, or this family member reached the daily limit. Throws
 * KioskError: invalid-input (errors.invalidInput) for a bad input, (errors.nameNeeded) when the proxy's identity has
 * no name, (errors.proxySelf) when proxy and resident are the same person (submitApplication compares their keys);
 * conflict (errors.applicationActive).
 */
export function submitFamilyProxy(db: Db, clock: Clock, random: RandomSource, request: FamilyProxyRequest): SubmitResult {
  const input = FamilyProxyInputSchema.safeParse(request.input);
  const officer = StaffNoSchema.nullable().safeParse(request.officerStaffNo ?? null);
  if (!input.success || !officer.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const { proxy, subject } = request;
  if (proxy.name === null || proxy.name.trim() === '') throw new KioskError('invalid-input', 'errors.nameNeeded');
  const { relationship, consent, declaration, answers, language } = input.data;
  return submitApplication(db, clock, random, {
    identity: subject,
    declaration,
    answers,
    language,
    policy: request.policy,
    hallId: request.hallId,
    lookupKey: request.lookupKey,
    // The resident is not in front of an officer: reviewed on working hours, with the province's auto-default.
    channel: 'online',
    proxy: { kind: 'family', proxyIdNumber: proxy.number, relationship, consent: true },
    proxyRecord: {
      kind: 'family',
      maskedName: maskName(proxy.name),
      proxyKey: familyProxyKey(proxy.number, request.lookupKey),
      relationship,
      consent,
      verification: null,
      batchId: null,
      staffNo: null,
    },
    actor: officer.data ?? 'resident',
    onSubmitted: request.onSubmitted,
    refPrefix: request.refPrefix,
  });
}
