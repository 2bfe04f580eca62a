// The checkpoint vocabulary the screen uses, taken from the contract (the screen may import nothing from electron/ but ipc).
import type { ChannelOutput } from '../../../electron/ipc/contract.js';

export type CheckpointResult = ChannelOutput<'code.verify'>;
export type GenuineCode = Extract<CheckpointResult, { valid: true }>;
export type CodeStatus = GenuineCode['status'];
export type HolderVerdict = GenuineCode['holder'];
/** Why the checker must not accept the code: core's reasons, plus a genuine code shown with someone else's card. */
export type Refusal = Extract<CheckpointResult, { valid: false }>['reason'] | 'holder-mismatch';

/** The refusal to explain, or none when the code may be accepted (a genuine code whose holder is not contradicted). */
export function refusalOf(result: CheckpointResult): Refusal | undefined {
  if (!result.valid) return result.reason;
  return result.holder === 'mismatch' ? 'holder-mismatch' : undefined;
}
