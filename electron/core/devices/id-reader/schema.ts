// Card reader vocabulary shared by core and screen (pure zod): reader states, read problems, demo faults.
import { z } from 'zod';

export const ReaderStateSchema = z.enum(['not-configured', 'connecting', 'ready', 'disconnected', 'sam-fault']);
export type ReaderState = z.infer<typeof ReaderStateSchema>;

export const ReaderStatusSchema = z
  .object({
    state: ReaderStateSchema,
    /** 'emulator' in demo mode, 'serial' for a configured port, 'none' when neither. */
    kind: z.enum(['emulator', 'serial', 'none']),
    /** Set while a card is on the reader and already read: it must be lifted before the next read. */
    cardPresent: z.boolean(),
    lastError: z.string().nullable(),
  })
  .strict();
export type ReaderStatus = z.infer<typeof ReaderStatusSchema>;

/**
 * Why a tap did not give an identity; each has an i18n message `card.problems.<code>` saying what to do next.
 * removed-early: lifted mid-read · unreadable: card or SAM auth failed · invalid-number: the number on the card fails
 * its checks · expired: the card is past its validity · reader-fault: SAM or line trouble · unsupported: unknown card type.
 */
export const CardProblemSchema = z.enum(['removed-early', 'unreadable', 'invalid-number', 'expired', 'reader-fault', 'unsupported']);
export type CardProblem = z.infer<typeof CardProblemSchema>;

/** Faults the demo reader can be told to produce, for training staff and for tests. */
export const ReaderFaultSchema = z.enum(['none', 'no-card', 'remove-mid-read', 'corrupt-frames', 'silence', 'disconnect', 'sam-fault']);
export type ReaderFault = z.infer<typeof ReaderFaultSchema>;

/** A synthetic demo card as the trainer panel lists it: label and masked values only. */
export const DemoCardSchema = z
  .object({ id: z.string().min(1).max(32), label: z.string(), cardType: z.enum(['resident', 'foreign-permanent', 'hmt-permit']) })
  .strict();
export type DemoCard = z.infer<typeof DemoCardSchema>;
