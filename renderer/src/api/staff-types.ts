// The staff vocabulary the screen uses, taken from the contract (the screen may import nothing from electron/ but ipc).
import type { ChannelInput, ChannelOutput } from '../../../electron/ipc/contract.js';

export type StaffSession = ChannelOutput<'staff.session'>;
export type SignedInOfficer = NonNullable<StaffSession['officer']>;
export type Role = SignedInOfficer['roles'][number];
export type StaffSignIn = ChannelInput<'staff.signIn'>;
export type ManualAnswer = ChannelOutput<'identity.manual'>;

/** The shapes core accepts (contract: 4–12 digits, 6–8 digits); checked here too, so the screen can say so first. */
export const staffNoLength = { min: 4, max: 12 } as const;
export const pinLength = { min: 6, max: 8 } as const;
/** The longest document number a person types (18 characters); the contract allows more, nobody needs it. */
export const manualMaxLength = 18;
