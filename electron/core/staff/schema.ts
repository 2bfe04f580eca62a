// Staff vocabulary shared by core and screen (pure zod): roles, sign-in input, the signed-in officer as screens see it.
import { z } from 'zod';

/** DOMAIN.md §1: officers review; approvers hold approval rights; the community head escalates; admins manage. */
export const roles = ['officer', 'approver', 'community-head', 'admin'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

export const StaffNoSchema = z.string().regex(/^\d{4,12}$/);
export const PinSchema = z.string().regex(/^\d{6,8}$/);

export const SignInSchema = z.object({ staffNo: StaffNoSchema, pin: PinSchema }).strict();

/** The signed-in officer as screens show it: staff number, masked name, roles — nothing else. */
export const SignedInOfficerSchema = z
  .object({ staffNo: StaffNoSchema, maskedName: z.string(), roles: z.array(RoleSchema).min(1) })
  .strict();
export type SignedInOfficer = z.infer<typeof SignedInOfficerSchema>;

export const StaffSessionSchema = z.object({ officer: SignedInOfficerSchema.nullable() }).strict();
export type StaffSession = z.infer<typeof StaffSessionSchema>;

/** The province's roster of a hall's staff (GET /v1/roster, or the same JSON exported to a file). */
export const RosterEntrySchema = z
  .object({
    staffNo: StaffNoSchema,
    name: z.string().trim().min(1).max(40),
    roles: z.array(RoleSchema).min(1),
    /** The officer's own ID card number: kept only as a keyed hash, to recognise the card at sign-in. */
    idNumber: z.string().min(15).max(18),
  })
  .strict();

export const RosterSchema = z
  .object({ officers: z.array(RosterEntrySchema).max(500), updatedAt: z.iso.datetime({ offset: true }) })
  .strict();
export type Roster = z.infer<typeof RosterSchema>;
