// Paper-code vocabulary shared by core and screen (pure zod): printable statuses, verify reasons, trust and revocation lists.
import { z } from 'zod';
import { CodeStatusSchema } from '../applications/schema.js';

/**
 * The statuses a paper code can carry. EXPIRED and REVOKED are what a verifier concludes (from validUntil and the
 * revocation list), and UNKNOWN is a failed lookup: none of them is ever signed into a code.
 */
export const paperStatuses = ['PENDING', 'GREEN', 'YELLOW', 'RED'] as const;
export const PaperStatusSchema = CodeStatusSchema.extract(paperStatuses);
export type PaperStatus = z.infer<typeof PaperStatusSchema>;

/** Why a scanned code is not accepted; in the order `verifyCode` checks them (docs/paper-code.md). */
export const verifyFailures = ['format', 'unknown-key', 'signature', 'revoked', 'not-yet-valid', 'expired'] as const;
export const VerifyFailureSchema = z.enum(verifyFailures);
export type VerifyFailure = z.infer<typeof VerifyFailureSchema>;

const Iso = z.iso.datetime({ offset: true });
/** 32 bytes in standard base64 are 43 characters and one `=`; the last character carries 2 padding bits that must be 0. */
const RawEd25519Base64 = z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'base64 of a raw 32-byte Ed25519 public key');

export const TrustedKeySchema = z
  .object({
    /** First 4 bytes of SHA-256 over the raw public key, lowercase hex; the verifier recomputes it and ignores a key whose kid lies. */
    kid: z.string().regex(/^[0-9a-f]{8}$/),
    alg: z.literal('Ed25519'),
    publicKey: RawEd25519Base64,
    /** A code is accepted only if it was issued inside [validFrom, validTo] and `now` is not past validTo. */
    validFrom: Iso,
    /** null: no end announced yet. */
    validTo: Iso.nullable(),
  })
  .strict()
  .refine((key) => key.validTo === null || Date.parse(key.validTo) > Date.parse(key.validFrom), {
    message: 'validTo must be after validFrom',
    path: ['validTo'],
  });
export type TrustedKey = z.infer<typeof TrustedKeySchema>;

export const TrustListSchema = z
  .object({
    issuer: z.string().min(1).max(200),
    keys: z.array(TrustedKeySchema),
    updatedAt: Iso,
  })
  .strict();
export type TrustList = z.infer<typeof TrustListSchema>;

/** First 8 bytes of SHA-256 over a code's signed bytes, lowercase hex (16 digits). */
export const RevocationHashSchema = z.string().regex(/^[0-9a-f]{16}$/);

export const RevocationListSchema = z
  .object({
    hashes: z.array(RevocationHashSchema),
    updatedAt: Iso,
  })
  .strict();
export type RevocationList = z.infer<typeof RevocationListSchema>;

/**
 * A checkpoint's answer for one scanned code (screen and CLI). `holder`: whether the tapped ID card matches the code's
 * holder tag; `not-checked` when no card was tapped. A refused code says why; `no-trust-list`: this terminal has no
 * issuer keys yet, so it cannot say anything about any code.
 */
export const CheckpointResultSchema = z.discriminatedUnion('valid', [
  z
    .object({
      valid: z.literal(true),
      status: PaperStatusSchema,
      statusAsOf: Iso,
      validUntil: Iso,
      issuedAt: Iso,
      kid: z.string().regex(/^[0-9a-f]{8}$/),
      /** The id printed under the QR (Crockford base32 with its check symbol, grouped). */
      humanId: z.string(),
      hallId: z.number().int().nonnegative(),
      proxy: z.boolean(),
      holder: z.enum(['match', 'mismatch', 'not-checked']),
    })
    .strict(),
  z.object({ valid: z.literal(false), reason: z.union([VerifyFailureSchema, z.literal('no-trust-list')]) }).strict(),
]);
export type CheckpointResult = z.infer<typeof CheckpointResultSchema>;
