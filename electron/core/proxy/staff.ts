// Community staff apply for a walk-in resident who is present (offline channel; how identity was checked is recorded).
import { submitApplication, type SubmitRequest, type SubmitResult } from '../applications/submit.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { HeldIdentity } from '../identity/current.js';
import type { Policy } from '../policy/schema.js';
import { maskName } from '../privacy/mask.js';
import { StaffNoSchema } from '../staff/schema.js';
import { staffProxyKey } from './limits.js';
import { StaffProxyInputSchema, type StaffProxyInput } from './schema.js';

/** The signed-in officer acting as the proxy. `name` may be the full or the masked name: masking a masked name is a no-op. */
export interface ProxyOfficer {
  staffNo: string;
  name: string;
}

export interface StaffProxyRequest {
  officer: ProxyOfficer;
  /** The walk-in resident: a card read, or proxy/subject.ts typedSubject for a typed number and name. */
  subject: HeldIdentity;
  /** Checked again here (core's boundary); its subject was resolved into `subject` by the caller. */
  input: StaffProxyInput;
  policy: Policy;
  hallId: string;
  lookupKey: Uint8Array;
  onSubmitted?: SubmitRequest['onSubmitted'];
  refPrefix?: string;
}

/** Checks an officer given by the app; throws invalid-input (errors.invalidInput) for a bad staff number or no name. */
export function checkedOfficer(officer: ProxyOfficer): ProxyOfficer {
  if (!StaffNoSchema.safeParse(officer.staffNo).success || officer.name.trim() === '') {
    throw new KioskError('invalid-input', 'errors.invalidInput');
  }
  return officer;
}

/**
 * Refused (with citations) when the policy does not allow staff proxies or requires what is missing. Throws
 * KioskError: invalid-input (errors.invalidInput) for a bad input or officer; conflict (errors.applicationActive).
 */
export function submitStaffProxy(db: Db, clock: Clock, random: RandomSource, request: StaffProxyRequest): SubmitResult {
  const input = StaffProxyInputSchema.safeParse(request.input);
  if (!input.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const officer = checkedOfficer(request.officer);
  const { verification, consent, declaration, answers, language } = input.data;
  return submitApplication(db, clock, random, {
    identity: request.subject,
    declaration,
    answers,
    language,
    policy: request.policy,
    hallId: request.hallId,
    lookupKey: request.lookupKey,
    // The resident is here, with the officer: decided on the spot, or within the offline verification hours.
    channel: 'offline',
    proxy: { kind: 'staff', officerStaffNo: officer.staffNo, verification, consent: true },
    proxyRecord: {
      kind: 'staff',
      maskedName: maskName(officer.name),
      proxyKey: staffProxyKey(officer.staffNo, request.lookupKey),
      relationship: null,
      consent,
      verification,
      batchId: null,
      staffNo: officer.staffNo,
    },
    actor: officer.staffNo,
    onSubmitted: request.onSubmitted,
    refPrefix: request.refPrefix,
  });
}
