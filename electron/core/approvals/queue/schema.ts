// The staff console's approval vocabulary (pure zod, carried by the IPC contract): queue items, the decision screen,
// decisions, reassignment, officer duty and the SLA board. Masked identities only; times are ISO with offset.
import { z } from 'zod';
import { AnswersSchema, CitationSchema, RuleIdSchema, RuleSchema } from '../../policy/schema.js';
import { DeclarationSchema } from '../../applications/schema.js';
import { RoleSchema, StaffNoSchema } from '../../staff/schema.js';
import { slaBases } from '../schema.js';

const Iso = z.iso.datetime({ offset: true });

/** Where an application came from, as the queue shows it (UX.md "My queue": kiosk, family proxy, staff proxy, batch). */
export const reviewSources = ['kiosk', 'family', 'staff', 'batch'] as const;
export const ReviewSourceSchema = z.enum(reviewSources);
export type ReviewSource = z.infer<typeof ReviewSourceSchema>;

/** ok → yellow (first warning passed) → red (second) → overdue (deadline passed); colour *and* icon on screen. */
export const slaLevels = ['ok', 'yellow', 'red', 'overdue'] as const;
export const SlaLevelSchema = z.enum(slaLevels);
export type SlaLevel = z.infer<typeof SlaLevelSchema>;

/** open: waiting for a decision; info-requested: the officer asked for information (the clock keeps running). */
export const reviewStates = ['open', 'info-requested', 'decided', 'auto-defaulted'] as const;
export const ReviewStateSchema = z.enum(reviewStates);
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const OfficerRefSchema = z.object({ staffNo: StaffNoSchema, maskedName: z.string() }).strict();
export type OfficerRef = z.infer<typeof OfficerRefSchema>;

export const QueueItemSchema = z
  .object({
    applicationId: z.uuid(),
    ref: z.string(),
    maskedName: z.string(),
    maskedNumber: z.string(),
    source: ReviewSourceSchema,
    /** The SLA clock: 'clock' (offline needing verification, wall-clock hours) or 'working' (online, office hours). */
    basis: z.enum(slaBases),
    state: ReviewStateSchema,
    submittedAt: Iso,
    dueAt: Iso,
    warnAt: z.array(Iso),
    autoDefaultAt: Iso.nullable(),
    level: SlaLevelSchema,
    /** Time left to the deadline as of `QueuePage.asOf`, on the basis's clock (working ms for 'working'); < 0 overdue. */
    remainingMs: z.number().int(),
    /** Whether that clock runs right now (false outside office hours for 'working'): the screen counts down only then. */
    ticking: z.boolean(),
    assignedTo: OfficerRefSchema.nullable(),
    /** The backup officer or community head it was escalated to, if any. */
    escalatedTo: OfficerRefSchema.nullable(),
  })
  .strict();
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** mine: assigned or escalated to the signed-in officer; team: every open item of the hall; overdue: past due only. */
export const queueScopes = ['mine', 'team', 'overdue'] as const;
export const QueueQuerySchema = z
  .object({
    scope: z.enum(queueScopes),
    page: z.number().int().min(0).max(100_000).default(0),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

/** Overdue first, then by deadline (oldest first). */
export const QueuePageSchema = z.object({ items: z.array(QueueItemSchema), total: z.number().int().nonnegative(), asOf: Iso }).strict();
export type QueuePage = z.infer<typeof QueuePageSchema>;

export const reviewEventKinds = [
  'assigned',
  'reassigned',
  'delegated',
  'warned',
  'escalated',
  'overdue',
  'info-requested',
  'decided',
  'auto-defaulted',
] as const;
export const ReviewEventSchema = z
  .object({
    kind: z.enum(reviewEventKinds),
    at: Iso,
    /** Who did it or whom it concerns (the officer warned, the one it was reassigned to). */
    officer: OfficerRefSchema.nullable(),
    /** warned/escalated: the step (0.5, 0.9, 1, 'autoDefault') as text; decided: the decision. */
    detail: z.string().max(64).nullable(),
  })
  .strict();
export type ReviewEvent = z.infer<typeof ReviewEventSchema>;

/** The decision screen: the item, the declaration, the rules that applied, and every rule a refusal may cite. */
export const ReviewDetailSchema = z
  .object({
    item: QueueItemSchema,
    /**
     * Kept only while the review is open: cleared (null) once decided, the province keeps the record. The phone number
     * stays in core: the officer needs only to know one was left.
     */
    declaration: DeclarationSchema.omit({ phone: true }).extend({ phoneGiven: z.boolean() }).strict().nullable(),
    answers: AnswersSchema.nullable(),
    citations: z.array(CitationSchema),
    policyId: z.string(),
    refusableRules: z.array(RuleSchema.pick({ id: true, effect: true, sentence: true })),
    proxy: z
      .object({ kind: z.enum(['family', 'staff', 'batch']), maskedName: z.string().nullable(), relationship: z.string().nullable() })
      .strict()
      .nullable(),
    history: z.array(ReviewEventSchema),
  })
  .strict();
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

export const decisions = ['approve', 'refuse', 'ask-info'] as const;
/** Refuse must cite a rule of the application's policy; approve and ask-info cite none. */
export const DecideInputSchema = z
  .object({ applicationId: z.uuid(), decision: z.enum(decisions), ruleId: RuleIdSchema.nullable().default(null) })
  .strict();
export type DecideInput = z.infer<typeof DecideInputSchema>;

export const ReassignInputSchema = z.object({ applicationId: z.uuid(), toStaffNo: StaffNoSchema }).strict();

/** An officer as the duty screen shows it: roles, duty, backup and delegation, current load. */
export const OfficerViewSchema = z
  .object({
    staffNo: StaffNoSchema,
    maskedName: z.string(),
    roles: z.array(RoleSchema).min(1),
    active: z.boolean(),
    onDuty: z.boolean(),
    awayUntil: Iso.nullable(),
    delegateTo: StaffNoSchema.nullable(),
    backup: StaffNoSchema.nullable(),
    /** Open reviews assigned to this officer now. */
    load: z.number().int().nonnegative(),
    /** Whether a staff ID card is registered for tap sign-in. */
    hasCard: z.boolean(),
  })
  .strict();
export type OfficerView = z.infer<typeof OfficerViewSchema>;

/** Duty changes: an officer may set their own duty and delegation; backup and roles are for a community head or admin. */
export const OfficerDutyInputSchema = z
  .object({
    staffNo: StaffNoSchema,
    onDuty: z.boolean().optional(),
    awayUntil: Iso.nullable().optional(),
    delegateTo: StaffNoSchema.nullable().optional(),
    backup: StaffNoSchema.nullable().optional(),
  })
  .strict();
export type OfficerDutyInput = z.infer<typeof OfficerDutyInputSchema>;

const Minutes = z.number().nonnegative();

export const OfficerSlaRowSchema = z
  .object({
    officer: OfficerRefSchema,
    decided: z.number().int().nonnegative(),
    onTime: z.number().int().nonnegative(),
    /** onTime / decided, null when nothing was decided in the range. */
    onTimeRate: z.number().min(0).max(1).nullable(),
    /** Wall-clock minutes from submission to decision. */
    medianMinutes: Minutes.nullable(),
    p90Minutes: Minutes.nullable(),
    /** Deadlines passed without a decision (overdue records) in the range. */
    breaches: z.number().int().nonnegative(),
    /** Applications the province issued by default (auto-default) while assigned to this officer. */
    autoDefaults: z.number().int().nonnegative(),
    /** Open reviews assigned now. */
    load: z.number().int().nonnegative(),
  })
  .strict();
export type OfficerSlaRow = z.infer<typeof OfficerSlaRowSchema>;

export const SlaDaySchema = z
  .object({
    day: z.iso.date(),
    decided: z.number().int().nonnegative(),
    onTime: z.number().int().nonnegative(),
    breaches: z.number().int().nonnegative(),
  })
  .strict();

/** Days are Asia/Shanghai calendar days, inclusive. */
export const SlaBoardQuerySchema = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
export type SlaBoardQuery = z.infer<typeof SlaBoardQuerySchema>;

/** A CSV export of the board, recorded before the file is written: the range and how many officers' rows it holds. */
export const SlaExportSchema = SlaBoardQuerySchema.extend({ officers: z.number().int().min(0).max(10_000) }).strict();
export type SlaExport = z.infer<typeof SlaExportSchema>;

export const SlaBoardSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    officers: z.array(OfficerSlaRowSchema),
    days: z.array(SlaDaySchema),
    totals: OfficerSlaRowSchema.omit({ officer: true }),
    asOf: Iso,
  })
  .strict();
export type SlaBoard = z.infer<typeof SlaBoardSchema>;
