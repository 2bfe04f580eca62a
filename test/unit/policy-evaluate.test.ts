// Choosing and applying a policy: the version switch at 00:00 Beijing time, the condition language, ages, and by
// property that evaluate never throws and its outcome always follows its citations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DeclarationSchema, ProxySchema, purposes, type Declaration } from '../../electron/core/applications/schema.js';
import type { Clock } from '../../electron/core/clock.js';
import { KioskError } from '../../electron/core/errors.js';
import { documentTypes } from '../../electron/core/identity/schema.js';
import { ageInYears, answersAsked, evaluate, matches, type EvaluationInput } from '../../electron/core/policy/evaluate.js';
import { loadPolicies, policySetOf } from '../../electron/core/policy/load.js';
import { PolicySchema, provincialParameters, type Condition, type Policy } from '../../electron/core/policy/schema.js';
import { nextPolicy, NoPolicyInForceError, policyInForce, shanghaiDate } from '../../electron/core/policy/select.js';
import { defaultPolicy, HallPolicySchema } from '../../emulators/provincial/policy.js';

const set = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
const [p0304, p0327] = set.policies as [Policy, Policy];
const clockAt = (iso: string): Clock => ({ now: () => new Date(iso) });

const healthy: Declaration = {
  temperatureC: null,
  fever: false,
  coughOrOtherSymptoms: false,
  travelOutsideProvince14d: false,
  contactWithCase14d: false,
  purpose: 'family',
  phone: null,
  commitment: true,
};
const base: EvaluationInput = {
  channel: 'offline',
  declaration: healthy,
  proxy: null,
  documentType: 'resident',
  birthDate: '1950-03-27',
  at: new Date('2020-03-26T16:00:00Z'), // 2020-03-27 00:00 in Beijing
  proxyApplicationsToday: 0,
  answers: {},
};

test('the version switches at 00:00 Beijing time on effectiveFrom (injected clock)', () => {
  assert.equal(policyInForce(set, clockAt('2020-03-26T15:59:59Z').now()).id, 'shandong-2020-03-04');
  assert.equal(policyInForce(set, clockAt('2020-03-26T16:00:00Z').now()).id, 'shandong-2020-03-27');
  assert.equal(policyInForce(set, clockAt('2020-03-03T16:00:00Z').now()).id, 'shandong-2020-03-04');
  assert.equal(policyInForce(set, clockAt('2020-04-19T15:59:59Z').now()).id, 'shandong-2020-03-27');
  assert.equal(policyInForce(set, clockAt('2026-01-01T00:00:00Z').now()).id, 'shandong-2020-04-20');
  assert.equal(nextPolicy(set, clockAt('2020-03-26T15:59:59Z').now())?.id, 'shandong-2020-03-27');
  assert.equal(nextPolicy(set, clockAt('2020-04-19T16:00:00Z').now()), null);
});

test('before the first version nothing is in force: a typed, user-facing error', () => {
  const before = clockAt('2020-03-03T15:59:59Z').now();
  assert.throws(
    () => policyInForce(set, before),
    (error: unknown) =>
      error instanceof NoPolicyInForceError &&
      error instanceof KioskError &&
      error.code === 'unavailable' &&
      error.key === 'errors.noPolicy' &&
      error.params?.date === '2020-03-03',
  );
});

test('the Beijing date ignores the process time zone; policies out of order in a set are sorted', () => {
  assert.equal(shanghaiDate(new Date('2020-12-31T15:59:59Z')), '2020-12-31');
  assert.equal(shanghaiDate(new Date('2020-12-31T16:00:00Z')), '2021-01-01');
  const reversed = policySetOf([
    { file: 'b.json', policy: p0327 },
    { file: 'a.json', policy: p0304 },
  ]);
  assert.deepEqual(
    reversed.policies.map((p) => p.id),
    ['shandong-2020-03-04', 'shandong-2020-03-27'],
  );
});

test('age in whole years on the Beijing calendar day', () => {
  assert.equal(ageInYears('1950-03-27', new Date('2020-03-26T15:59:59Z')), 69);
  assert.equal(ageInYears('1950-03-27', new Date('2020-03-26T16:00:00Z')), 70);
  assert.equal(ageInYears('2000-02-29', new Date('2021-02-28T04:00:00Z')), 20);
  assert.equal(ageInYears('2000-02-29', new Date('2021-03-01T04:00:00Z')), 21);
  assert.equal(ageInYears('2030-01-01', new Date('2021-03-01T04:00:00Z')), null);
  assert.equal(ageInYears(null, new Date()), null);
});

test('the condition language: is, atLeast/below, in, all, any, not; an unknown value (null) matches no test', () => {
  const on = (condition: Condition, change: Partial<EvaluationInput> = {}, declaration: Partial<Declaration> = {}) =>
    matches(condition, { ...base, ...change, declaration: { ...healthy, ...declaration } });
  assert.equal(on({ field: 'ageYears', atLeast: 70 }), true);
  assert.equal(on({ field: 'ageYears', atLeast: 71 }), false);
  assert.equal(on({ field: 'ageYears', below: 70 }), false);
  assert.equal(on({ field: 'ageYears', atLeast: 60, below: 80 }), true);
  assert.equal(on({ field: 'ageYears', below: 200 }, { birthDate: null }), false);
  assert.equal(on({ field: 'temperatureC', below: 50 }), false, 'not measured');
  assert.equal(on({ field: 'temperatureC', below: 37.3 }, {}, { temperatureC: 37.29 }), true);
  assert.equal(on({ field: 'documentType', in: ['hmt-permit', 'foreign-permanent'] }, { documentType: 'hmt-permit' }), true);
  assert.equal(on({ field: 'documentType', in: ['hmt-permit'] }), false);
  assert.equal(on({ field: 'purpose', in: ['family'] }), true);
  assert.equal(on({ field: 'proxyKind', in: ['none'] }), true);
  assert.equal(on({ field: 'answers.travelLowRiskProvincesOnly14d', is: false }), false, 'unanswered is neither yes nor no');
  assert.equal(on({ not: { field: 'answers.travelLowRiskProvincesOnly14d', is: true } }), true);
  assert.equal(on({ field: 'answers.underMedicalObservation', is: true }), false, 'unanswered is not "under observation"');
  assert.equal(on({ field: 'answers.underMedicalObservation', is: false }), false, 'unanswered is not "not under observation"');
  assert.equal(on({ field: 'answers.underMedicalObservation', is: true }, { answers: { underMedicalObservation: true } }), true);
  assert.equal(on({ field: 'answers.underMedicalObservation', is: false }, { answers: { underMedicalObservation: false } }), true);
  assert.equal(
    on({
      all: [
        { field: 'fever', is: false },
        { field: 'channel', in: ['offline'] },
      ],
    }),
    true,
  );
  assert.equal(
    on({
      all: [
        { field: 'fever', is: false },
        { field: 'channel', in: ['online'] },
      ],
    }),
    false,
  );
  assert.equal(
    on({
      any: [
        { field: 'fever', is: true },
        { field: 'channel', in: ['online'] },
      ],
    }),
    false,
  );
  assert.equal(
    on({
      any: [
        { field: 'fever', is: true },
        { field: 'channel', in: ['offline'] },
      ],
    }),
    true,
  );
});

test('a policy may use age and document type: age counts on the Beijing calendar day, document type by its code', () => {
  const elderly = PolicySchema.parse({
    ...structuredClone(p0327),
    rules: [
      ...p0327.rules,
      {
        id: 'TEST-AGE-1',
        effect: 'review',
        sentence: { 'zh-CN': '80岁及以上由社区陪同办理。', en: 'People aged 80 or over are helped by the community.' },
        when: {
          all: [
            { field: 'ageYears', atLeast: 80 },
            { field: 'documentType', in: ['resident', 'resident-legacy'] },
          ],
        },
      },
    ],
  });
  const at = new Date('2020-05-01T02:00:00Z');
  assert.equal(evaluate(elderly, { ...base, at, birthDate: '1940-05-01' }).outcome, 'review');
  assert.equal(evaluate(elderly, { ...base, at, birthDate: '1940-05-02' }).outcome, 'eligible');
  assert.equal(evaluate(elderly, { ...base, at, birthDate: '1940-05-01', documentType: 'foreign-permanent' }).outcome, 'eligible');
});

test('the extra questions each version asks come from its rules', () => {
  assert.deepEqual(answersAsked(p0304), ['underMedicalObservation']);
  assert.deepEqual(answersAsked(p0327), ['travelLowRiskProvincesOnly14d', 'underMedicalObservation']);
  // Only what the rules test: a policy without the observation rule does not ask it.
  const withoutObservation = PolicySchema.parse({
    ...structuredClone(p0327),
    rules: p0327.rules.filter((rule) => rule.id !== 'SD-0327-6'),
  });
  assert.deepEqual(answersAsked(withoutObservation), ['travelLowRiskProvincesOnly14d']);
});

test("the shipped SLA parameters are the provincial emulator's own defaults, so both can read the same file", () => {
  for (const policy of [p0304, p0327]) {
    assert.deepEqual(HallPolicySchema.parse(provincialParameters(policy)), defaultPolicy, policy.id);
    assert.deepEqual(policy.sla.warnAt, [0.5, 0.9]);
  }
});

const declarationArb: fc.Arbitrary<Declaration> = fc.record({
  temperatureC: fc.option(fc.double({ min: 34, max: 43, noNaN: true }), { nil: null }),
  fever: fc.boolean(),
  coughOrOtherSymptoms: fc.boolean(),
  travelOutsideProvince14d: fc.boolean(),
  contactWithCase14d: fc.boolean(),
  purpose: fc.constantFrom(...purposes),
  phone: fc.option(fc.stringMatching(/^1\d{10}$/), { nil: null }),
  commitment: fc.constant(true as const),
});
const proxyArb = fc.option(
  fc.oneof(
    fc.record({
      kind: fc.constant('family' as const),
      proxyIdNumber: fc.constant('11010519491231002X'),
      relationship: fc.oneof(fc.constantFrom('spouse', 'parent', 'child', 'sibling'), fc.string({ minLength: 1, maxLength: 20 })),
      consent: fc.constant(true as const),
    }),
    fc.record({
      kind: fc.constant('staff' as const),
      officerStaffNo: fc.stringMatching(/^\d{4,12}$/),
      verification: fc.string({ minLength: 1, maxLength: 40 }),
      consent: fc.constant(true as const),
    }),
    fc.record({
      kind: fc.constant('batch' as const),
      officerStaffNo: fc.stringMatching(/^\d{4,12}$/),
      batchId: fc.string({ minLength: 1, maxLength: 64 }),
      consent: fc.constant(true as const),
    }),
  ),
  { nil: null },
);
const inputArb: fc.Arbitrary<EvaluationInput> = fc.record({
  channel: fc.constantFrom('offline' as const, 'online' as const),
  declaration: declarationArb,
  proxy: proxyArb,
  documentType: fc.constantFrom(...documentTypes),
  birthDate: fc.option(
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { nil: null },
  ),
  at: fc.date({ min: new Date('2020-03-04T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
  proxyApplicationsToday: fc.nat({ max: 50 }),
  answers: fc.record({ travelLowRiskProvincesOnly14d: fc.boolean(), underMedicalObservation: fc.boolean() }, { requiredKeys: [] }),
});

test('by property: evaluate never throws for a valid application, and its outcome follows its citations', () => {
  const citable = (policy: Policy) =>
    new Set([
      ...policy.rules.map((r) => r.id),
      ...Object.values(policy.channels).map((p) => p.id),
      policy.proxyLimits.maxSubjectsPerProxyPerDay.id,
      policy.proxyLimits.familyRelationships.id,
      policy.proxyLimits.staffVerificationRequired.id,
    ]);
  fc.assert(
    fc.property(inputArb, (input) => {
      DeclarationSchema.parse(input.declaration);
      if (input.proxy !== null) ProxySchema.parse(input.proxy);
      const policy = policyInForce(set, input.at);
      const result = evaluate(policy, input);
      const ids = citable(policy);
      assert.ok(result.citations.every((c) => ids.has(c.ruleId)));
      const refuses = result.citations.some((c) => c.effect === 'refuse');
      assert.equal(result.outcome, refuses ? 'refused' : result.citations.length > 0 ? 'review' : 'eligible');
      // A declared fever is never eligible, under any version; under observation now is always refused.
      if (input.declaration.fever) assert.notEqual(result.outcome, 'eligible');
      if (input.answers.underMedicalObservation === true) assert.equal(result.outcome, 'refused');
    }),
    { numRuns: 3_000 },
  );
});
