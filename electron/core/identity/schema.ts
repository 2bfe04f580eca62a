// Identity vocabulary shared by core and screen (pure zod): document types, rejection reasons, card-read shapes.
import { z } from 'zod';

export const documentTypes = ['resident', 'resident-legacy', 'foreign-permanent', 'hmt-permit'] as const;
export const DocumentTypeSchema = z.enum(documentTypes);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** Why a document number was refused; each has an i18n message `identity.reasons.<code>`. */
export const rejectReasons = ['length', 'charset', 'check-digit', 'birth-date', 'region', 'type'] as const;
export const RejectReasonSchema = z.enum(rejectReasons);
export type RejectReason = z.infer<typeof RejectReasonSchema>;

/** Where an identity came from: a SAM card read, a keyboard-wedge reader, or staff typing it. */
export const IdentitySourceSchema = z.enum(['card', 'wedge', 'manual']);
export type IdentitySource = z.infer<typeof IdentitySourceSchema>;

/** What the screen may see of an identity: masked values only; the full number stays in core. */
export const MaskedIdentitySchema = z
  .object({
    /** Opaque handle for the identity held in core for this session (later steps refer to it). */
    readId: z.string().min(8).max(64),
    source: IdentitySourceSchema,
    documentType: DocumentTypeSchema,
    maskedName: z.string().nullable(),
    maskedNumber: z.string(),
    /** A displayable image (data: URL) when the photo could be decoded; never stored. */
    photo: z.string().startsWith('data:image/').nullable(),
    /** Card validity end: an ISO date, "long-term" (长期), or null when unknown (wedge, manual). */
    validTo: z.union([z.iso.date(), z.literal('long-term')]).nullable(),
    expired: z.boolean(),
  })
  .strict();
export type MaskedIdentity = z.infer<typeof MaskedIdentitySchema>;
