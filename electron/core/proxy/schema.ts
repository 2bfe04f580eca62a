// The proxy wizard's vocabulary (pure zod, carried by the IPC contract): family, staff and batch proxies.
import { z } from 'zod';
import { DeclarationSchema } from '../applications/schema.js';
import { AnswersSchema, CitationSchema } from '../policy/schema.js';
import { consentKinds } from '../printing/slip-data.js';
import { PrintJobSchema } from '../printing/schema.js';
import { LanguageSchema } from '../settings/schema.js';
import { ResidentApplicationSchema } from '../resident/schema.js';

const ReadId = z.string().min(8).max(64);

/** The subject (the person the code is for): a card read at this terminal, or a number and name typed by staff. */
export const ProxySubjectSchema = z.union([
  z.object({ readId: ReadId }).strict(),
  z.object({ typed: z.string().max(64), name: z.string().trim().min(1).max(60) }).strict(),
]);
export type ProxySubject = z.infer<typeof ProxySubjectSchema>;

export const ConsentKindSchema = z.enum(consentKinds);

/** How staff checked a walk-in resident's identity (recorded; the policy may require one). */
export const verificationMethods = ['card-read', 'document-checked', 'household-register', 'known-in-person'] as const;
export const VerificationMethodSchema = z.enum(verificationMethods);

const Common = {
  subject: ProxySubjectSchema,
  declaration: DeclarationSchema,
  answers: AnswersSchema,
  /** The subject's language: their slips print in it. */
  language: LanguageSchema,
};

/** 为家人代办: the proxy's own card (read earlier and kept by proxy.holdProxy), the subject, the relationship, consent. */
export const FamilyProxyInputSchema = z
  .object({ proxyReadId: ReadId, relationship: z.string().regex(/^[a-z][a-z-]*$/), consent: ConsentKindSchema, ...Common })
  .strict();
export type FamilyProxyInput = z.infer<typeof FamilyProxyInputSchema>;

/** Community staff for a walk-in resident: the signed-in officer is the proxy; the verification method is recorded. */
export const StaffProxyInputSchema = z.object({ verification: VerificationMethodSchema, consent: ConsentKindSchema, ...Common }).strict();
export type StaffProxyInput = z.infer<typeof StaffProxyInputSchema>;

export const ProxyOutputSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('refused'), citations: z.array(CitationSchema).min(1) }).strict(),
  z
    .object({
      outcome: z.literal('submitted'),
      application: ResidentApplicationSchema,
      /** The paper code or receipt printed for the subject (with the proxy marker), and the proxy slip. */
      printJob: PrintJobSchema.nullable(),
      proxySlipJob: PrintJobSchema.nullable(),
    })
    .strict(),
]);
export type ProxyOutput = z.infer<typeof ProxyOutputSchema>;

/** The batch CSV's columns, in order (docs/proxy.md; csv.ts reads them, the screen shows them as the sample header). */
export const batchColumns = [
  'idNumber',
  'name',
  'temperatureC',
  'fever',
  'coughOrOtherSymptoms',
  'travelOutsideProvince14d',
  'contactWithCase14d',
  'purpose',
  'phone',
] as const;
export type BatchColumn = (typeof batchColumns)[number];

/** A care home's list: UTF-8 CSV text with a header row (docs/proxy.md names the columns). */
export const BatchInputSchema = z
  .object({
    csv: z.string().max(1_000_000),
    /** The care home or unit, as staff type it (printed on the proxy slips; not personal data). */
    batchName: z.string().trim().min(1).max(60),
    language: LanguageSchema,
  })
  .strict();
export type BatchInput = z.infer<typeof BatchInputSchema>;

/** One bad line: 1-based line number in the file, the column if one is at fault, and an errors.* i18n key. */
export const BatchProblemSchema = z
  .object({
    line: z.number().int().positive(),
    column: z.string().nullable(),
    reason: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .strict();
export type BatchProblem = z.infer<typeof BatchProblemSchema>;

/** check: nothing is stored. import: all rows or none; `problems` non-empty means nothing was imported. */
export const BatchReportSchema = z
  .object({
    rows: z.number().int().nonnegative(),
    problems: z.array(BatchProblemSchema),
    imported: z.number().int().nonnegative(),
    batchId: z.string().nullable(),
    /** Refs of the imported applications, in file order. */
    refs: z.array(z.string()),
  })
  .strict();
export type BatchReport = z.infer<typeof BatchReportSchema>;
