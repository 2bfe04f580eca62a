// Policy files as data (pure zod, shared with the screen): one version's rules, permissions, limits and SLA parameters.
import { z } from 'zod';
import { channels, purposes } from '../applications/schema.js';
import { documentTypes } from '../identity/schema.js';

/** Every sentence a resident or an officer may read comes in both languages, zh-CN first. */
export const TextSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();
export type Text = z.infer<typeof TextSchema>;

/** Rule ids are short, stable and printable on a slip: e.g. SD-0304-3, SD-0327-C3. */
export const RuleIdSchema = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'a rule id looks like SD-0304-3');

const IsoDateSchema = z.iso.date('a date looks like 2020-03-27 (a real calendar day)');
const HhMmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like 08:30');

export const proxyKinds = ['family', 'staff', 'batch'] as const;
export type ProxyKind = (typeof proxyKinds)[number];

/**
 * Questions the Declaration schema does not have but a reference rule needs. The resident-flow screens ask them when
 * the policy in force mentions them (`answersAsked` in evaluate.ts); an unanswered question counts as "not confirmed".
 */
export const answerIds = ['travelLowRiskProvincesOnly14d', 'underMedicalObservation'] as const;
export type AnswerId = (typeof answerIds)[number];
export const AnswersSchema = z
  .object({
    travelLowRiskProvincesOnly14d: z.boolean().optional(),
    /** In centralised or home medical observation (集中或居家隔离医学观察) now. */
    underMedicalObservation: z.boolean().optional(),
  })
  .strict();
export type Answers = z.infer<typeof AnswersSchema>;

type FieldSpec = { type: 'boolean' } | { type: 'number' } | { type: 'enum'; values: readonly string[] };

/** Every field a condition may test and its type: a field not listed here is a load error, not a rule that never fires. */
export const conditionFields = {
  channel: { type: 'enum', values: channels },
  proxyKind: { type: 'enum', values: ['none', ...proxyKinds] },
  documentType: { type: 'enum', values: documentTypes },
  purpose: { type: 'enum', values: purposes },
  /** Whole years on the Asia/Shanghai calendar day of the evaluation; null (never matches) when unknown. */
  ageYears: { type: 'number' },
  /** Null (never matches) when not measured. */
  temperatureC: { type: 'number' },
  fever: { type: 'boolean' },
  coughOrOtherSymptoms: { type: 'boolean' },
  travelOutsideProvince14d: { type: 'boolean' },
  contactWithCase14d: { type: 'boolean' },
  'answers.travelLowRiskProvincesOnly14d': { type: 'boolean' },
  'answers.underMedicalObservation': { type: 'boolean' },
} as const satisfies Record<string, FieldSpec>;
export type ConditionField = keyof typeof conditionFields;
const fieldNames = Object.keys(conditionFields) as [ConditionField, ...ConditionField[]];

/** The small condition language of a rule: a test on one field, or all / any / not of other conditions. */
export type Condition =
  | { field: ConditionField; is: boolean }
  | { field: ConditionField; atLeast?: number; below?: number }
  | { field: ConditionField; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/**
 * One loose node checked by hand (not a zod union), so that a mistake is reported at its own path — "rules[2].when
 * .all[1].field: invalid option" — instead of a union's "no variant matched" at the rule.
 */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .object({
      field: z.enum(fieldNames).optional(),
      is: z.boolean().optional(),
      atLeast: z.number().optional(),
      below: z.number().optional(),
      in: z.array(z.string()).min(1).optional(),
      all: z.array(ConditionSchema).min(1).optional(),
      any: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
    })
    .strict()
    .superRefine((node, ctx) => {
      const combinators = (['all', 'any', 'not'] as const).filter((key) => node[key] !== undefined);
      const operators = (['is', 'atLeast', 'below', 'in'] as const).filter((key) => node[key] !== undefined);
      if (node.field === undefined) {
        if (combinators.length !== 1 || operators.length > 0) {
          ctx.addIssue({ code: 'custom', message: 'a condition is { field, is | atLeast/below | in } or exactly one of all, any, not' });
        }
        return;
      }
      if (combinators.length > 0) {
        ctx.addIssue({ code: 'custom', path: [combinators[0]!], message: 'a field test cannot also carry all, any or not' });
        return;
      }
      const spec: FieldSpec = conditionFields[node.field];
      const expected = spec.type === 'boolean' ? ['is'] : spec.type === 'number' ? ['atLeast', 'below'] : ['in'];
      const wrong = operators.find((key) => !expected.includes(key));
      if (operators.length === 0 || wrong !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: wrong === undefined ? [] : [wrong],
          message: `${node.field} is a ${spec.type} field: test it with ${expected.join(' / ')}`,
        });
        return;
      }
      if (spec.type === 'enum') {
        node.in!.forEach((value, index) => {
          if (!spec.values.includes(value)) {
            ctx.addIssue({ code: 'custom', path: ['in', index], message: `${node.field} is one of ${spec.values.join(', ')}` });
          }
        });
      }
    }),
) as unknown as z.ZodType<Condition>;

export const RuleSchema = z
  .object({
    id: RuleIdSchema,
    /** Refused wins over review when several rules match. */
    effect: z.enum(['review', 'refuse']),
    sentence: TextSchema,
    when: ConditionSchema,
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;

/** A permission is a rule too: when a disallowed channel or proxy kind is used, its id and sentence are the citation. */
export const PermissionSchema = z.object({ allowed: z.boolean(), id: RuleIdSchema, sentence: TextSchema }).strict();
export type Permission = z.infer<typeof PermissionSchema>;

export const permissionKeys = ['offline', 'online', 'proxy-family', 'proxy-staff', 'proxy-batch'] as const;
export type PermissionKey = (typeof permissionKeys)[number];

export const ChannelsSchema = z
  .object({
    offline: PermissionSchema,
    online: PermissionSchema,
    'proxy-family': PermissionSchema,
    'proxy-staff': PermissionSchema,
    'proxy-batch': PermissionSchema,
  })
  .strict();

export const RelationshipSchema = z.object({ code: z.string().regex(/^[a-z][a-z-]*$/), label: TextSchema }).strict();

export const ProxyLimitsSchema = z
  .object({
    /** Refuse when the proxy already applied for `value` residents this Asia/Shanghai day. */
    maxSubjectsPerProxyPerDay: z
      .object({
        value: z.number().int().positive(),
        appliesTo: z.array(z.enum(proxyKinds)),
        id: RuleIdSchema,
        sentence: TextSchema,
      })
      .strict(),
    /** The codes the screen offers for a family proxy's relationship (stored in Proxy.relationship). */
    familyRelationships: z.object({ allowed: z.array(RelationshipSchema).min(1), id: RuleIdSchema, sentence: TextSchema }).strict(),
    staffVerificationRequired: z.object({ value: z.boolean(), id: RuleIdSchema, sentence: TextSchema }).strict(),
  })
  .strict();

export const escalationTargets = ['officer', 'backup', 'community-head', 'report'] as const;

/** The approval SLA of DOMAIN.md §3; names match the provincial emulator's HallPolicy so it can read the same file. */
export const SlaSchema = z
  .object({
    timeZone: z.literal('Asia/Shanghai'),
    /** Asia/Shanghai is +08:00 all year (no summer time); kept as data for the working-hours arithmetic. */
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    officeHours: z.array(z.object({ from: HhMmSchema, to: HhMmSchema }).strict()).min(1),
    /** ISO weekdays (1 = Monday) that are normally working days; statutory holidays and 调休 come from the calendar data. */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1),
    onlineReviewWorkingHours: z.number().positive(),
    /** Offline is decided at once; this is the limit when verification is needed. */
    offlineReviewClockHours: z.number().positive(),
    /** "超时未签发…的，次日18时前" — anchor, day offset and time are data because the wording can be read two ways. */
    autoDefault: z
      .object({ anchor: z.enum(['deadline', 'submission']), dayOffset: z.number().int().min(0), at: HhMmSchema })
      .strict()
      .nullable(),
    /** Fractions of the allowed time at which the deadline turns yellow, then red. */
    warnAt: z
      .array(z.number().gt(0).lt(1))
      .min(1)
      .refine((list) => list.every((value, i) => i === 0 || value > list[i - 1]!), 'warnAt must be strictly ascending'),
    escalation: z.array(z.object({ at: z.union([z.number().gt(0), z.literal('autoDefault')]), to: z.enum(escalationTargets) }).strict()),
  })
  .strict();
export type Sla = z.infer<typeof SlaSchema>;

export const PolicySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a policy id looks like shandong-2020-03-27'),
    /** Revision of this file's text (typo fixes); a change of rules is a new file with a new effectiveFrom. */
    version: z.number().int().positive(),
    title: TextSchema,
    /** Who may apply (办理范围), in one plain sentence for the "current rules" screen. */
    scope: TextSchema,
    source: z
      .object({ document: z.string().min(1), issuer: z.string().min(1), number: z.string().min(1).nullable(), date: IsoDateSchema })
      .strict(),
    /** First Asia/Shanghai calendar day (from 00:00 Beijing time) on which this version applies. */
    effectiveFrom: IsoDateSchema,
    validityDays: z.number().int().positive(),
    /** A measured temperature at or above this is a fever; the fever rule must use the same number (checked below). */
    feverThresholdC: z.number().min(36).max(40),
    channels: ChannelsSchema,
    proxyLimits: ProxyLimitsSchema,
    /** Whether a "review" outcome is verified by the community officer (with the SLA) before the province signs. */
    localReviewRequired: z.boolean(),
    /** Whether a code may be printed on paper (打印纸质健康码). */
    paperCode: PermissionSchema,
    complaintLine: z.string().regex(/^\d{3,12}$/),
    sla: SlaSchema,
    rules: z.array(RuleSchema),
    /** Where the file interprets its source document; for maintainers and the "current rules" screen. */
    notes: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((policy, ctx) => {
    // One id, one sentence: citations and the "current rules" screen must never show two meanings for one id.
    const seen = new Map<string, string>();
    for (const [path, id] of citedIds(policy)) {
      const first = seen.get(id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path, message: `rule id ${id} is already used at ${first}` });
      else
        seen.set(
          id,
          path
            .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
            .join('')
            .slice(1),
        );
    }
    const thresholds = policy.rules.flatMap((rule) => temperatureThresholds(rule.when));
    if (!thresholds.includes(policy.feverThresholdC)) {
      ctx.addIssue({
        code: 'custom',
        path: ['feverThresholdC'],
        message: `no rule tests temperatureC atLeast ${policy.feverThresholdC}: the rules and the threshold must agree`,
      });
    }
    const limit = policy.proxyLimits.maxSubjectsPerProxyPerDay;
    for (const language of ['zh-CN', 'en'] as const) {
      if (!limit.sentence[language].includes(String(limit.value))) {
        ctx.addIssue({
          code: 'custom',
          path: ['proxyLimits', 'maxSubjectsPerProxyPerDay', 'sentence', language],
          message: `the sentence must state the limit (${limit.value})`,
        });
      }
    }
  });
export type Policy = z.infer<typeof PolicySchema>;

function citedIds(policy: Policy): [(string | number)[], string][] {
  return [
    ...permissionKeys.map((key): [(string | number)[], string] => [['channels', key, 'id'], policy.channels[key].id]),
    [['proxyLimits', 'maxSubjectsPerProxyPerDay', 'id'], policy.proxyLimits.maxSubjectsPerProxyPerDay.id],
    [['proxyLimits', 'familyRelationships', 'id'], policy.proxyLimits.familyRelationships.id],
    [['proxyLimits', 'staffVerificationRequired', 'id'], policy.proxyLimits.staffVerificationRequired.id],
    [['paperCode', 'id'], policy.paperCode.id],
    ...policy.rules.map((rule, i): [(string | number)[], string] => [['rules', i, 'id'], rule.id]),
  ];
}

function temperatureThresholds(condition: Condition): number[] {
  if ('all' in condition) return condition.all.flatMap(temperatureThresholds);
  if ('any' in condition) return condition.any.flatMap(temperatureThresholds);
  if ('not' in condition) return temperatureThresholds(condition.not);
  return condition.field === 'temperatureC' && 'atLeast' in condition && condition.atLeast !== undefined ? [condition.atLeast] : [];
}

/** Every loaded version, oldest effectiveFrom first; built only by load.ts, which checks ids and dates are unique. */
export interface PolicySet {
  readonly policies: readonly Policy[];
}

export const CitationSchema = z.object({ ruleId: RuleIdSchema, effect: z.enum(['review', 'refuse']), sentence: TextSchema }).strict();
export type Citation = z.infer<typeof CitationSchema>;

export const EvaluationSchema = z
  .object({ outcome: z.enum(['eligible', 'review', 'refused']), policyId: z.string(), citations: z.array(CitationSchema) })
  .strict();
export type Evaluation = z.infer<typeof EvaluationSchema>;

/**
 * The provincial emulator's parameters (emulators/provincial/policy.ts HallPolicy) read from a policy, so the kiosk and
 * the emulator count deadlines from the same file.
 */
export function provincialParameters(policy: Policy) {
  const { utcOffsetMinutes, officeHours, workingDays, onlineReviewWorkingHours, offlineReviewClockHours, autoDefault } = policy.sla;
  return {
    validityDays: policy.validityDays,
    feverThresholdC: policy.feverThresholdC,
    utcOffsetMinutes,
    officeHours: officeHours.map((slot) => ({ ...slot })),
    workingDays: [...workingDays],
    onlineReviewWorkingHours,
    offlineReviewClockHours,
    autoDefault: autoDefault === null ? null : { ...autoDefault },
  };
}
