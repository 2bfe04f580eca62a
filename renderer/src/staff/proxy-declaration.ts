// The proxy wizard's declaration draft as plain data: what staff filled in so far, and the declaration and extra
// answers to send once it is complete (or what is still missing, by field, to say so next to it).
import type { ChannelInput } from '../../../electron/ipc/contract.js';
import type { Purpose } from '../kiosk/flow/flow-types';
import { phonePattern } from '../kiosk/flow/flow-types';

type Declaration = ChannelInput<'proxy.staff'>['declaration'];
type Answers = ChannelInput<'proxy.staff'>['answers'];

/** The yes/no questions, in the resident flow's order; lowRisk and observation follow a "yes" to travel and contact. */
export const yesNoFields = [
  'fever',
  'coughOrOtherSymptoms',
  'travelOutsideProvince14d',
  'travelLowRiskProvincesOnly14d',
  'contactWithCase14d',
  'underMedicalObservation',
] as const;
export type YesNoField = (typeof yesNoFields)[number];

export interface DeclarationDraft {
  /** As typed; empty: not measured. */
  temperature: string;
  answers: Partial<Record<YesNoField, boolean>>;
  purpose: Purpose | undefined;
  /** As typed; empty: no number. */
  phone: string;
  commitment: boolean;
}

export const emptyDraft: DeclarationDraft = { temperature: '', answers: {}, purpose: undefined, phone: '', commitment: false };

/** Whether a question is asked: the two extra ones only after a "yes" that opens them (as in the resident flow). */
export function isAsked(field: YesNoField, draft: DeclarationDraft): boolean {
  if (field === 'travelLowRiskProvincesOnly14d') return draft.answers.travelOutsideProvince14d === true;
  if (field === 'underMedicalObservation') return draft.answers.contactWithCase14d === true;
  return true;
}

export type DraftProblem = YesNoField | 'temperature' | 'purpose' | 'phone' | 'commitment';

export function completeDeclaration(draft: DeclarationDraft): { declaration: Declaration; answers: Answers } | { missing: DraftProblem[] } {
  const missing: DraftProblem[] = [];
  const temperature = draft.temperature.trim() === '' ? null : Number(draft.temperature.replace(',', '.'));
  if (temperature !== null && !(temperature >= 34 && temperature <= 43)) missing.push('temperature');
  for (const field of yesNoFields) if (isAsked(field, draft) && draft.answers[field] === undefined) missing.push(field);
  if (draft.purpose === undefined) missing.push('purpose');
  const phone = draft.phone.replace(/\s/g, '');
  if (phone !== '' && !phonePattern.test(phone)) missing.push('phone');
  if (!draft.commitment) missing.push('commitment');
  const { fever, coughOrOtherSymptoms, travelOutsideProvince14d, contactWithCase14d } = draft.answers;
  if (
    missing.length > 0 ||
    fever === undefined ||
    coughOrOtherSymptoms === undefined ||
    travelOutsideProvince14d === undefined ||
    contactWithCase14d === undefined ||
    draft.purpose === undefined
  ) {
    return { missing };
  }
  const extra = (field: 'travelLowRiskProvincesOnly14d' | 'underMedicalObservation') =>
    isAsked(field, draft) && draft.answers[field] !== undefined ? { [field]: draft.answers[field] } : {};
  return {
    declaration: {
      temperatureC: temperature,
      fever,
      coughOrOtherSymptoms,
      travelOutsideProvince14d,
      contactWithCase14d,
      purpose: draft.purpose,
      phone: phone === '' ? null : phone,
      commitment: true,
    },
    answers: { ...extra('travelLowRiskProvincesOnly14d'), ...extra('underMedicalObservation') },
  };
}
