// What the resident's screens and core say to each other about an application (pure zod, carried by the IPC
// contract): masked identity only, the status as the province last confirmed it, and the policy rules behind it.
import { z } from 'zod';
import { AnswersSchema, CitationSchema, answerIds } from '../policy/schema.js';
import { PrintJobSchema } from '../printing/schema.js';
import { LanguageSchema } from '../settings/schema.js';
import { CodeStatusSchema, DeclarationSchema } from '../applications/schema.js';

const Iso = z.iso.datetime({ offset: true });
const ReadId = z.string().min(8).max(64);

/**
 * One application as the resident sees it. `status` is the province's; QUEUED means it has not reached the province
 * yet (offline). `statusAsOf` says how old the news is: the screen labels a status that could not be refreshed.
 */
export const ResidentApplicationSchema = z
  .object({
    applicationId: z.uuid(),
    /** The number residents and staff quote (printed on the receipt and the code's complaint line). */
    ref: z.string().min(4).max(32),
    status: z.union([CodeStatusSchema, z.literal('QUEUED')]),
    statusAsOf: Iso.nullable(),
    /** false: the province could not be asked just now; this is the last known status. */
    fresh: z.boolean(),
    reviewDueAt: Iso.nullable(),
    validUntil: Iso.nullable(),
    /** The code id printed under the QR (Crockford base32 with check symbol), when a code exists. */
    humanId: z.string().nullable(),
    maskedName: z.string().nullable(),
    maskedNumber: z.string(),
    submittedAt: Iso,
    proxyMaskedName: z.string().nullable(),
    /** Why it waits for review (policy rules with their sentences), empty otherwise. */
    citations: z.array(CitationSchema),
  })
  .strict();
export type ResidentApplication = z.infer<typeof ResidentApplicationSchema>;

/** After "is this you?": the policy's extra questions, and the person's active application if there is one. */
export const BeginInputSchema = z.object({ readId: ReadId }).strict();
export const BeginOutputSchema = z
  .object({
    policyId: z.string(),
    /** Extra questions the policy in force asks (beyond the declaration), in order. */
    askAnswers: z.array(z.enum(answerIds)),
    existing: ResidentApplicationSchema.nullable(),
  })
  .strict();

export const SubmitInputSchema = z
  .object({
    readId: ReadId,
    declaration: DeclarationSchema,
    answers: AnswersSchema,
    /** The language the resident used: their slips print in it. */
    language: LanguageSchema,
  })
  .strict();

/** What was printed for the resident right away: the code, an acceptance receipt, or nothing (printer trouble). */
export const PrintedSchema = z.enum(['paper-code', 'receipt', 'none']);

export const SubmitOutputSchema = z.discriminatedUnion('outcome', [
  /** Refused by the policy in force: nothing was sent or kept; the rules say why. */
  z.object({ outcome: z.literal('refused'), citations: z.array(CitationSchema).min(1) }).strict(),
  z
    .object({
      outcome: z.literal('submitted'),
      application: ResidentApplicationSchema,
      printed: PrintedSchema,
      printJob: PrintJobSchema.nullable(),
    })
    .strict(),
]);
export type SubmitOutput = z.infer<typeof SubmitOutputSchema>;

export const ApplicationRefSchema = z.object({ readId: ReadId, applicationId: z.uuid() }).strict();

/** A reprint (补打) or a new code after a loss report (挂失): the application now, and the job printing it. */
export const ReprintOutputSchema = z
  .object({ application: ResidentApplicationSchema, printJob: PrintJobSchema.nullable(), queued: z.boolean() })
  .strict();
