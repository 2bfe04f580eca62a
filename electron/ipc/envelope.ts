// The ok/error envelope every contract call answers with; errors cross as data (code + i18n key), never as throws.
import { z } from 'zod';
import { errorCodes } from '../core/errors.js';

export const ErrorDataSchema = z
  .object({
    code: z.enum(errorCodes),
    key: z.string().min(1),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** For invalid input: which fields were wrong (paths and zod codes only, never the values). */
    issues: z.array(z.object({ path: z.string(), code: z.string() })).optional(),
  })
  .strict();
export type ErrorData = z.infer<typeof ErrorDataSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (error: ErrorData): Envelope<never> => ({ ok: false, error });

export function envelopeSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }).strict(),
    z.object({ ok: z.literal(false), error: ErrorDataSchema }).strict(),
  ]);
}
