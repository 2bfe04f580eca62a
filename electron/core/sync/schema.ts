// The sync state the screen and staff console show (pure zod), so the IPC contract can carry it.
import { z } from 'zod';

const Iso = z.iso.datetime({ offset: true });

export const SyncStateSchema = z
  .object({
    connection: z.enum(['connected', 'degraded', 'offline']),
    /** Items still to send. */
    queueLength: z.number().int().nonnegative(),
    oldestWaitingAt: Iso.nullable(),
    lastSuccessAt: Iso.nullable(),
    lastFailureAt: Iso.nullable(),
    /** Items the province refused for good: staff must look at them. */
    failed: z.number().int().nonnegative(),
  })
  .strict();
export type SyncState = z.infer<typeof SyncStateSchema>;
