// The provincial API v1 as zod schemas (pure): what the kiosk sends, what the province answers. See docs/provincial-api.md.
import { z } from 'zod';
import { ApplicantSchema, ChannelSchema, CodeStatusSchema, DeclarationSchema, ProxySchema } from '../applications/schema.js';

export const API_VERSION = 'v1';

const Iso = z.iso.datetime({ offset: true });

export const SubmitApplicationSchema = z
  .object({
    /** Made by the terminal (UUID); the same id is also the idempotency key, so a retry can never file twice. */
    applicationId: z.uuid(),
    channel: ChannelSchema,
    submittedAt: Iso,
    /** The hall's numeric id (e.g. a 9-digit township code): the paper code carries it as an unsigned 32-bit number. */
    hallId: z
      .string()
      .regex(/^\d{1,10}$/)
      .refine((id) => Number(id) <= 0xffffffff),
    applicant: ApplicantSchema,
    declaration: DeclarationSchema,
    proxy: ProxySchema.nullable(),
  })
  .strict();
export type SubmitApplication = z.infer<typeof SubmitApplicationSchema>;

/** A code as the province issued it: the signed Base45 text goes into the QR unchanged. */
export const IssuedCodeSchema = z.object({ codeText: z.string().min(20).max(600), codeId: z.string(), validUntil: Iso }).strict();

export const ApplicationViewSchema = z
  .object({
    applicationId: z.uuid(),
    status: CodeStatusSchema,
    /** Why: a policy rule id for PENDING / refusals, 'auto-default' for the province's timeout green, and so on. */
    reasonCode: z.string().max(64).nullable(),
    statusAsOf: Iso,
    reviewDueAt: Iso.nullable(),
    code: IssuedCodeSchema.nullable(),
  })
  .strict();
export type ApplicationView = z.infer<typeof ApplicationViewSchema>;

export const DecisionSchema = z
  .object({
    decision: z.enum(['approve', 'refuse', 'ask-info']),
    officerStaffNo: z.string().regex(/^\d{4,12}$/),
    ruleId: z.string().max(64).nullable(),
    decidedAt: Iso,
  })
  .strict();

/**
 * 挂失: the resident lost the printed code. The province revokes the current code and, for a coded status, issues a
 * new one; `reason` is a closed set so a later kind of report (stolen, damaged) is an additive change.
 */
export const LossReportSchema = z.object({ reportedAt: Iso, reason: z.literal('lost') }).strict();
export type LossReport = z.infer<typeof LossReportSchema>;

export const ChangeSchema = ApplicationViewSchema.extend({ seq: z.number().int().positive() });
export const ChangeFeedSchema = z.object({ changes: z.array(ChangeSchema), nextCursor: z.number().int().nonnegative() }).strict();

export const provinceErrorCodes = [
  'missing-headers',
  'unknown-terminal',
  'stale-timestamp',
  'nonce-reused',
  'bad-signature',
  'invalid-request',
  'idempotency-mismatch',
  'not-found',
  'unavailable',
] as const;
export const ProvinceErrorSchema = z
  .object({ error: z.object({ code: z.enum(provinceErrorCodes), message: z.string() }).strict() })
  .strict();
export type ProvinceErrorCode = (typeof provinceErrorCodes)[number];
