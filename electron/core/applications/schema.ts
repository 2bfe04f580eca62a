// The application vocabulary shared by core, screen and the provincial contract (pure zod): statuses and declaration.
import { z } from 'zod';
import { DocumentTypeSchema } from '../identity/schema.js';

/** DOMAIN.md §6: every upstream status maps onto this set; UNKNOWN means a lookup failed, not a status. */
export const codeStatuses = ['PENDING', 'GREEN', 'YELLOW', 'RED', 'EXPIRED', 'REVOKED', 'UNKNOWN'] as const;
export const CodeStatusSchema = z.enum(codeStatuses);
export type CodeStatus = z.infer<typeof CodeStatusSchema>;

export const channels = ['offline', 'online'] as const;
export const ChannelSchema = z.enum(channels);

export const purposes = ['work', 'school', 'family', 'medical', 'other'] as const;

/**
 * The declaration (GB/T 38962 health and trip elements; Shandong's required fields). Identity fields travel beside it
 * in the submission; the resident-flow issue may add questions, each a new optional field with a policy rule behind it.
 */
export const DeclarationSchema = z
  .object({
    /** Measured by staff or a thermometer at the hall; null when not measured. */
    temperatureC: z.number().min(34).max(43).nullable(),
    fever: z.boolean(),
    coughOrOtherSymptoms: z.boolean(),
    travelOutsideProvince14d: z.boolean(),
    contactWithCase14d: z.boolean(),
    purpose: z.enum(purposes),
    /** For SMS from the province; feature phones welcome; optional. */
    phone: z
      .string()
      .regex(/^1\d{10}$/)
      .nullable(),
    commitment: z.literal(true),
  })
  .strict();
export type Declaration = z.infer<typeof DeclarationSchema>;

export const ProxySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('family'),
      proxyIdNumber: z.string().min(15).max(18),
      relationship: z.string().min(1).max(20),
      consent: z.literal(true),
    })
    .strict(),
  z
    .object({
      kind: z.literal('staff'),
      officerStaffNo: z.string().regex(/^\d{4,12}$/),
      verification: z.string().min(1).max(40),
      consent: z.literal(true),
    })
    .strict(),
  z
    .object({
      kind: z.literal('batch'),
      officerStaffNo: z.string().regex(/^\d{4,12}$/),
      batchId: z.string().min(1).max(64),
      consent: z.literal(true),
    })
    .strict(),
]);
export type Proxy = z.infer<typeof ProxySchema>;

export const ApplicantSchema = z
  .object({
    documentType: DocumentTypeSchema,
    /** Canonical document number: sent to the province over TLS, which is the source of truth for applications. */
    idNumber: z.string().min(15).max(18),
    name: z.string().min(1).max(60),
  })
  .strict();
