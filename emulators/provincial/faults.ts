// Fault injection for the provincial emulator: which failures to play on which requests (per count or seeded rate).
import { z } from 'zod';

export const faultKinds = ['latency', 'error-5xx', 'reset', 'hang', 'lost-after-commit', 'duplicate-delivery', 'clock-skew'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const FaultRuleSchema = z
  .object({
    kind: z.enum(faultKinds),
    /** Only requests whose path (without query) starts with this; all /v1 requests when absent. */
    pathPrefix: z.string().startsWith('/').optional(),
    /** The next N matching requests, then the rule is spent. */
    count: z.number().int().positive().optional(),
    /** Probability per matching request (seeded PRNG, so a run can be repeated). With count, both apply. */
    rate: z.number().min(0).max(1).optional(),
    /** latency: delay in ms; clock-skew: offset of the verifier's clock in ms (may be negative). */
    ms: z.number().int().min(-86_400_000).max(86_400_000).optional(),
    /** error-5xx: 503 (with Retry-After) or 500 (no hint). */
    status: z.union([z.literal(500), z.literal(503)]).default(503),
    retryAfterSeconds: z.number().int().min(0).max(3600).default(2),
  })
  .strict();
export type FaultRule = z.infer<typeof FaultRuleSchema>;

export const FaultConfigSchema = z
  .object({
    faults: z.array(FaultRuleSchema).max(32),
    seed: z.number().int().optional(),
  })
  .strict();
export type FaultConfigInput = z.input<typeof FaultConfigSchema>;

/** mulberry32: tiny, seedable, good enough to decide "does this request fail". */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The faults that fire on one request: at most one rule of each kind (the first that fires). */
export type FaultPlan = Partial<Record<FaultKind, FaultRule>>;

export class FaultInjector {
  private rules: Array<FaultRule & { left: number | null }> = [];
  private random = prng(1);
  /** How many times each kind fired, for tests and the admin view. */
  readonly fired: Record<FaultKind, number> = Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<FaultKind, number>;

  /** Replace the whole configuration; `{ faults: [] }` clears. */
  configure(input: unknown): void {
    const config = FaultConfigSchema.parse(input);
    this.rules = config.faults.map((rule) => ({ ...rule, left: rule.count ?? null }));
    this.random = prng(config.seed ?? 1);
  }

  active(): FaultRule[] {
    return this.rules.map(({ left: _left, ...rule }) => rule);
  }

  /** Decide the faults for a request to `path`; spends counts of the rules that fire. */
  plan(path: string): FaultPlan {
    const plan: FaultPlan = {};
    for (const rule of this.rules) {
      if (plan[rule.kind]) continue;
      if (rule.pathPrefix && !path.startsWith(rule.pathPrefix)) continue;
      if (rule.left === 0) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.left !== null) rule.left--;
      plan[rule.kind] = rule;
      this.fired[rule.kind]++;
    }
    this.rules = this.rules.filter((rule) => rule.left !== 0);
    return plan;
  }
}
