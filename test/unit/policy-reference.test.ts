// The shipped Shandong reference rules (03-04, 03-27): every rule is triggered once and cites its id and exact sentence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Declaration, Proxy } from '../../electron/core/applications/schema.js';
import { evaluate, type EvaluationInput } from '../../electron/core/policy/evaluate.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import { permissionKeys, type Policy, type Text } from '../../electron/core/policy/schema.js';

const set = loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url)));
const byId = (id: string): Policy => set.policies.find((p) => p.id === id) ?? assert.fail(`no policy ${id}`);
const p0304 = byId('shandong-2020-03-04');
const p0327 = byId('shandong-2020-03-27');

const healthy: Declaration = {
  temperatureC: 36.6,
  fever: false,
  coughOrOtherSymptoms: false,
  travelOutsideProvince14d: false,
  contactWithCase14d: false,
  purpose: 'work',
  phone: null,
  commitment: true,
};
const family = (relationship = 'parent'): Proxy => ({ kind: 'family', proxyIdNumber: '11010519491231002X', relationship, consent: true });
const staff = (verification = 'id-card-read'): Proxy => ({ kind: 'staff', officerStaffNo: '1001', verification, consent: true });
const batch: Proxy = { kind: 'batch', officerStaffNo: '1001', batchId: 'nursing-home-7', consent: true };

function input(change: Partial<Omit<EvaluationInput, 'declaration'>> & { declaration?: Partial<Declaration> } = {}): EvaluationInput {
  const { declaration, ...rest } = change;
  return {
    channel: 'offline',
    proxy: null,
    documentType: 'resident',
    birthDate: '1949-12-31',
    at: new Date('2020-04-01T02:00:00Z'),
    proxyApplicationsToday: 0,
    answers: {},
    ...rest,
    declaration: { ...healthy, ...declaration },
  };
}

// The sentences are written out here on purpose: changing a rule's wording must be a visible, reviewed change.
const REVIEW_ZH = '须经社区（村）或单位核实后签发。';
const REVIEW_EN = 'your community or employer must check before a code is issued.';
const fever: Text = {
  'zh-CN': `自述发热，或现场测量体温达到37.3℃及以上的，${REVIEW_ZH}`,
  en: `If you have a fever, or your temperature measured here is 37.3 °C or higher, ${REVIEW_EN}`,
};
const symptoms: Text = { 'zh-CN': `有咳嗽等其他症状的，${REVIEW_ZH}`, en: `If you have a cough or other symptoms, ${REVIEW_EN}` };
const contact: Text = {
  'zh-CN': `近14天内与新冠肺炎病例有过接触的，${REVIEW_ZH}`,
  en: `If you were in contact with a COVID-19 case in the last 14 days, ${REVIEW_EN}`,
};
const staffOnline: Text = {
  'zh-CN': '工作人员代办限于居民本人到社区（村）或单位现场办理，不能线上代办。',
  en: 'Staff can apply for you only when you come in person; they cannot apply for you online.',
};
const batchRefused: Text = { 'zh-CN': '暂不受理批量代办。', en: 'Applications for a whole group at once are not accepted.' };
const relationships: Text = {
  'zh-CN': '为家人代办限于配偶、父母、子女、祖父母、外祖父母、孙子女、外孙子女和兄弟姐妹。',
  en: 'You may apply for your husband or wife, parents, children, grandparents, grandchildren, brothers or sisters.',
};
const staffCheck: Text = {
  'zh-CN': '工作人员代办时，须当面核验居民本人的身份证件。',
  en: 'Staff who apply for you must check your identity document with you in person.',
};
const perDay: Text = { 'zh-CN': '每位家人代办人每天最多为5人代办。', en: 'One family member may apply for at most 5 people a day.' };
/** The observation refusal: 03-04 names the pass 健康通行卡, 03-27 健康通行码, each as its own file does. */
const observation = (pass: string): Text => ({
  'zh-CN': `正在接受集中或居家隔离医学观察的，观察期满前不能办理${pass}，期满后请再来办理。`,
  en: 'If you are in centralised or home medical observation now, a code cannot be issued until the observation ends; please come back then.',
});
const underObservation = { underMedicalObservation: true };

interface Case {
  policy: Policy;
  ruleId: string;
  name: string;
  input: EvaluationInput;
  outcome: 'review' | 'refused';
  sentence: Text;
  /** Other rules the same input must also cite (all matches are cited), in order after the rule under test. */
  alsoCited?: string[];
}

const cases: Case[] = [
  {
    policy: p0304,
    ruleId: 'SD-0304-1',
    name: 'declared fever',
    input: input({ declaration: { fever: true } }),
    outcome: 'review',
    sentence: fever,
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-1',
    name: 'measured 37.3 °C',
    input: input({ declaration: { temperatureC: 37.3 } }),
    outcome: 'review',
    sentence: fever,
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-2',
    name: 'cough',
    input: input({ declaration: { coughOrOtherSymptoms: true } }),
    outcome: 'review',
    sentence: symptoms,
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-3',
    name: 'contact',
    input: input({ declaration: { contactWithCase14d: true } }),
    outcome: 'review',
    sentence: contact,
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-4',
    name: 'left the province',
    // Under 03-04 even a confirmed low-risk trip is reviewed: the low-risk exception arrives with 03-27.
    input: input({ declaration: { travelOutsideProvince14d: true }, answers: { travelLowRiskProvincesOnly14d: true } }),
    outcome: 'review',
    sentence: {
      'zh-CN': `近14天内离开过山东省的，${REVIEW_ZH}`,
      en: `If you left Shandong Province in the last 14 days, ${REVIEW_EN}`,
    },
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-5',
    name: 'staff proxy online',
    input: input({ channel: 'online', proxy: staff() }),
    outcome: 'refused',
    sentence: staffOnline,
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-6',
    name: 'under medical observation now',
    input: input({ answers: underObservation }),
    outcome: 'refused',
    sentence: observation('健康通行卡'),
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-C3',
    name: 'family proxy before 03-27',
    input: input({ proxy: family() }),
    outcome: 'refused',
    sentence: {
      'zh-CN': '本规定未开放为家人代办，须由本人申请或到场办理。',
      en: 'These rules do not yet let family members apply for someone else: apply yourself, or come in person.',
    },
  },
  { policy: p0304, ruleId: 'SD-0304-C5', name: 'batch proxy', input: input({ proxy: batch }), outcome: 'refused', sentence: batchRefused },
  {
    policy: p0304,
    ruleId: 'SD-0304-L2',
    name: 'family proxy, unknown relationship (also refused by C3 first)',
    input: input({ proxy: family('friend') }),
    outcome: 'refused',
    sentence: relationships,
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-L1',
    name: 'family proxy over the daily limit (also refused by C3 first)',
    input: input({ proxy: family(), proxyApplicationsToday: 5 }),
    outcome: 'refused',
    sentence: perDay,
  },
  {
    policy: p0304,
    ruleId: 'SD-0304-L3',
    name: 'staff proxy without verification',
    input: input({ proxy: staff('  ') }),
    outcome: 'refused',
    sentence: staffCheck,
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-1',
    name: 'measured 38.5 °C',
    input: input({ declaration: { temperatureC: 38.5 } }),
    outcome: 'review',
    sentence: fever,
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-2',
    name: 'cough',
    input: input({ declaration: { coughOrOtherSymptoms: true } }),
    outcome: 'review',
    sentence: symptoms,
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-3',
    name: 'contact',
    input: input({ declaration: { contactWithCase14d: true } }),
    outcome: 'review',
    sentence: contact,
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-4',
    name: 'left the province, low-risk not confirmed',
    input: input({ declaration: { travelOutsideProvince14d: true }, answers: { travelLowRiskProvincesOnly14d: false } }),
    outcome: 'review',
    sentence: {
      'zh-CN': `近14天内离开过山东省，且不能确认只到过低风险省份的，${REVIEW_ZH}`,
      en: `If you left Shandong Province in the last 14 days and cannot confirm you only went to low-risk provinces, ${REVIEW_EN}`,
    },
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-5',
    name: 'staff proxy online',
    input: input({ channel: 'online', proxy: staff() }),
    outcome: 'refused',
    sentence: staffOnline,
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-6',
    name: 'under medical observation now',
    input: input({ answers: underObservation }),
    outcome: 'refused',
    sentence: observation('健康通行码'),
  },
  { policy: p0327, ruleId: 'SD-0327-C5', name: 'batch proxy', input: input({ proxy: batch }), outcome: 'refused', sentence: batchRefused },
  {
    policy: p0327,
    ruleId: 'SD-0327-L1',
    name: 'sixth family application today',
    input: input({ proxy: family(), proxyApplicationsToday: 5 }),
    outcome: 'refused',
    sentence: perDay,
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-L2',
    name: 'family proxy: a friend',
    input: input({ proxy: family('friend') }),
    outcome: 'refused',
    sentence: relationships,
  },
  {
    policy: p0327,
    ruleId: 'SD-0327-L3',
    name: 'staff proxy without verification',
    input: input({ proxy: staff('') }),
    outcome: 'refused',
    sentence: staffCheck,
  },
];

for (const c of cases) {
  test(`${c.policy.id} ${c.ruleId}: ${c.name} → ${c.outcome}, cited with its sentence`, () => {
    const result = evaluate(c.policy, c.input);
    assert.equal(result.outcome, c.outcome);
    assert.equal(result.policyId, c.policy.id);
    const citation =
      result.citations.find((cited) => cited.ruleId === c.ruleId) ??
      assert.fail(`${c.ruleId} not cited: ${JSON.stringify(result.citations)}`);
    assert.deepEqual(citation.sentence, c.sentence);
    assert.equal(citation.effect, c.outcome === 'refused' ? 'refuse' : 'review');
  });
}

test('the family-proxy limits under 03-04 are cited after the refusal of family proxy itself, in file order', () => {
  const result = evaluate(p0304, input({ proxy: family('friend'), proxyApplicationsToday: 9 }));
  assert.deepEqual(
    result.citations.map((c) => c.ruleId),
    ['SD-0304-C3', 'SD-0304-L1', 'SD-0304-L2'],
  );
});

test('a single trigger cites exactly its own rule (rules do not overlap by accident)', () => {
  for (const c of cases.filter((c) => !c.name.includes('also refused'))) {
    assert.deepEqual(
      evaluate(c.policy, c.input).citations.map((cited) => cited.ruleId),
      [c.ruleId],
      `${c.policy.id} ${c.name}`,
    );
  }
});

test('every refusing or reviewing rule of the shipped files has a case above (a new rule needs a test)', () => {
  for (const policy of [p0304, p0327]) {
    const citable = [
      ...policy.rules.map((r) => r.id),
      ...permissionKeys.filter((key) => !policy.channels[key].allowed).map((key) => policy.channels[key].id),
      policy.proxyLimits.maxSubjectsPerProxyPerDay.id,
      policy.proxyLimits.familyRelationships.id,
      policy.proxyLimits.staffVerificationRequired.id,
    ];
    const tested = new Set(cases.filter((c) => c.policy === policy).map((c) => c.ruleId));
    assert.deepEqual(
      citable.filter((id) => !tested.has(id)),
      [],
      policy.id,
    );
  }
});

test('a healthy resident is eligible under both versions, offline and online, in person or with staff at the hall', () => {
  for (const policy of [p0304, p0327]) {
    for (const channel of ['offline', 'online'] as const)
      assert.deepEqual(evaluate(policy, input({ channel })).citations, [], `${policy.id} ${channel}`);
    assert.equal(evaluate(policy, input({ proxy: staff() })).outcome, 'eligible');
    assert.equal(evaluate(policy, input({ declaration: { temperatureC: 37.2 } })).outcome, 'eligible');
    assert.equal(evaluate(policy, input({ declaration: { temperatureC: null } })).outcome, 'eligible');
  }
});

test('03-27 opens family proxy (up to the 5th resident a day) and the low-risk trip exception', () => {
  assert.equal(evaluate(p0327, input({ proxy: family('spouse'), proxyApplicationsToday: 4 })).outcome, 'eligible');
  assert.equal(evaluate(p0327, input({ channel: 'online', proxy: family('child') })).outcome, 'eligible');
  const lowRiskTrip = input({ declaration: { travelOutsideProvince14d: true }, answers: { travelLowRiskProvincesOnly14d: true } });
  assert.equal(evaluate(p0327, lowRiskTrip).outcome, 'eligible');
  // Unanswered counts as "not confirmed".
  assert.equal(evaluate(p0327, input({ declaration: { travelOutsideProvince14d: true } })).outcome, 'review');
  assert.deepEqual(
    p0327.proxyLimits.familyRelationships.allowed.map((r) => r.code),
    ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling'],
  );
});

test('refused wins over review and every match is cited, permissions first, then rules in file order', () => {
  const result = evaluate(p0327, input({ channel: 'online', proxy: staff(' '), declaration: { fever: true, contactWithCase14d: true } }));
  assert.equal(result.outcome, 'refused');
  assert.deepEqual(
    result.citations.map((c) => [c.ruleId, c.effect]),
    [
      ['SD-0327-L3', 'refuse'],
      ['SD-0327-1', 'review'],
      ['SD-0327-3', 'review'],
      ['SD-0327-5', 'refuse'],
    ],
  );
});

test('medical observation: refused only when answered "yes"; after contact the contact review is cited too', () => {
  for (const [policy, prefix] of [
    [p0304, 'SD-0304'],
    [p0327, 'SD-0327'],
  ] as const) {
    const contact = { declaration: { contactWithCase14d: true } };
    const observed = evaluate(policy, input({ ...contact, answers: underObservation }));
    assert.equal(observed.outcome, 'refused', policy.id);
    assert.deepEqual(
      observed.citations.map((c) => [c.ruleId, c.effect]),
      [
        [`${prefix}-3`, 'review'],
        [`${prefix}-6`, 'refuse'],
      ],
      policy.id,
    );
    // "No" and unanswered (the question was not asked) never refuse: the contact review stands alone.
    for (const answers of [{ underMedicalObservation: false }, {}]) {
      const result = evaluate(policy, input({ ...contact, answers }));
      assert.equal(result.outcome, 'review', `${policy.id} ${JSON.stringify(answers)}`);
      assert.deepEqual(
        result.citations.map((c) => c.ruleId),
        [`${prefix}-3`],
      );
    }
  }
});

test('allowed channels and the paper-code permission carry the sentences the "current rules" screen shows', () => {
  assert.deepEqual(
    permissionKeys.map((key) => [key, p0304.channels[key].allowed, p0327.channels[key].allowed]),
    [
      ['offline', true, true],
      ['online', true, true],
      ['proxy-family', false, true],
      ['proxy-staff', true, true],
      ['proxy-batch', false, false],
    ],
  );
  assert.deepEqual(p0327.channels.online.sentence, {
    'zh-CN': '可线上申请，社区（村）或单位在6个工作小时内审核；超时未审核的，由系统于次日18时前自动签发绿码。',
    en: 'You can apply online. Your community or employer reviews it within 6 working hours; if they do not, the system issues a green code by 18:00 the next day.',
  });
  assert.deepEqual([p0304.paperCode.allowed, p0327.paperCode.allowed], [false, true]);
  assert.deepEqual(p0327.paperCode.sentence, {
    'zh-CN': '家人的健康码可以代为出示，也可以打印纸质健康码出行。',
    en: "A family member's code may be shown for them, or printed on paper to carry.",
  });
  for (const policy of [p0304, p0327]) {
    assert.equal(policy.validityDays, 14);
    assert.equal(policy.complaintLine, '12345');
    assert.equal(policy.localReviewRequired, true);
  }
});
