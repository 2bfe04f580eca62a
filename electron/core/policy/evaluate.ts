// Applies one policy to one application: eligible, review or refused, citing every rule that decided it.
import type { Declaration, Proxy } from '../applications/schema.js';
import type { DocumentType } from '../identity/schema.js';
import {
  answerIds,
  type AnswerId,
  type Answers,
  type Citation,
  type Condition,
  type ConditionField,
  type Evaluation,
  type Permission,
  type Policy,
} from './schema.js';
import { shanghaiDate } from './select.js';

export interface EvaluationInput {
  channel: 'offline' | 'online';
  declaration: Declaration;
  /** Who applies for the resident, or null when the resident applies in person. */
  proxy: Proxy | null;
  documentType: DocumentType;
  /** The resident's birth date (YYYY-MM-DD) from the document, or null when unknown. */
  birthDate: string | null;
  /** The evaluation instant (an injected clock's now): age is counted on its Asia/Shanghai calendar day. */
  at: Date;
  /** How many other residents this proxy already applied for on this Asia/Shanghai day; 0 without a proxy. */
  proxyApplicationsToday: number;
  /** Answers to policy questions the Declaration lacks (see `answersAsked`). */
  answers: Answers;
}

type Value = boolean | number | string | null;

/** Whole years from `birthDate` to the Asia/Shanghai calendar day of `at`; null if unknown or in the future. */
export function ageInYears(birthDate: string | null, at: Date): number | null {
  if (birthDate === null || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const today = shanghaiDate(at);
  if (birthDate > today) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Not yet had this year's birthday (a 29 February birthday counts from 1 March in common years).
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function valueOf(field: ConditionField, input: EvaluationInput): Value {
  const d = input.declaration;
  switch (field) {
    case 'channel':
      return input.channel;
    case 'proxyKind':
      return input.proxy?.kind ?? 'none';
    case 'documentType':
      return input.documentType;
    case 'purpose':
      return d.purpose;
    case 'ageYears':
      return ageInYears(input.birthDate, input.at);
    case 'temperatureC':
      return d.temperatureC;
    case 'fever':
      return d.fever;
    case 'coughOrOtherSymptoms':
      return d.coughOrOtherSymptoms;
    case 'travelOutsideProvince14d':
      return d.travelOutsideProvince14d;
    case 'contactWithCase14d':
      return d.contactWithCase14d;
    case 'answers.travelLowRiskProvincesOnly14d':
      return input.answers.travelLowRiskProvincesOnly14d ?? null;
    case 'answers.underMedicalObservation':
      return input.answers.underMedicalObservation ?? null;
  }
}

/** null (not measured, not answered) matches no test, so `not` of a test is how a rule says "unless confirmed". */
export function matches(condition: Condition, input: EvaluationInput): boolean {
  if ('all' in condition) return condition.all.every((c) => matches(c, input));
  if ('any' in condition) return condition.any.some((c) => matches(c, input));
  if ('not' in condition) return !matches(condition.not, input);
  const value = valueOf(condition.field, input);
  if (value === null) return false;
  if ('is' in condition) return value === condition.is;
  if ('in' in condition) return condition.in.includes(String(value));
  if (typeof value !== 'number') return false;
  return (condition.atLeast === undefined || value >= condition.atLeast) && (condition.below === undefined || value < condition.below);
}

const refusal = (permission: { id: string; sentence: Permission['sentence'] }): Citation => ({
  ruleId: permission.id,
  effect: 'refuse',
  sentence: permission.sentence,
});

/**
 * Permissions and proxy limits first (they come first in the file and decide whether the application may be made at
 * all), then every matching rule in policy order. Refused wins over review; every match is cited, not only the first.
 */
export function evaluate(policy: Policy, input: EvaluationInput): Evaluation {
  const citations: Citation[] = [];
  const channel = policy.channels[input.channel];
  if (!channel.allowed) citations.push(refusal(channel));
  const proxy = input.proxy;
  if (proxy !== null) {
    const permission = policy.channels[`proxy-${proxy.kind}`];
    if (!permission.allowed) citations.push(refusal(permission));
    const limits = policy.proxyLimits;
    if (
      limits.maxSubjectsPerProxyPerDay.appliesTo.includes(proxy.kind) &&
      input.proxyApplicationsToday >= limits.maxSubjectsPerProxyPerDay.value
    ) {
      citations.push(refusal(limits.maxSubjectsPerProxyPerDay));
    }
    if (proxy.kind === 'family' && !limits.familyRelationships.allowed.some((r) => r.code === proxy.relationship)) {
      citations.push(refusal(limits.familyRelationships));
    }
    if (proxy.kind === 'staff' && limits.staffVerificationRequired.value && proxy.verification.trim() === '') {
      citations.push(refusal(limits.staffVerificationRequired));
    }
  }
  for (const rule of policy.rules) {
    if (matches(rule.when, input)) citations.push({ ruleId: rule.id, effect: rule.effect, sentence: rule.sentence });
  }
  const outcome = citations.some((c) => c.effect === 'refuse') ? 'refused' : citations.length > 0 ? 'review' : 'eligible';
  return { outcome, policyId: policy.id, citations };
}

/** The extra questions the screens must ask under this policy: the `answers.*` fields its rules test. */
export function answersAsked(policy: Policy): AnswerId[] {
  const used = new Set<string>();
  const walk = (condition: Condition): void => {
    if ('all' in condition) condition.all.forEach(walk);
    else if ('any' in condition) condition.any.forEach(walk);
    else if ('not' in condition) walk(condition.not);
    else if (condition.field.startsWith('answers.')) used.add(condition.field.slice('answers.'.length));
  };
  policy.rules.forEach((rule) => walk(rule.when));
  return answerIds.filter((id) => used.has(id));
}
