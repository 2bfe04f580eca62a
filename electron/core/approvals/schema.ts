// Approval SLA shapes (pure zod, shared with the screen): the holiday dataset's format and what `sla-explain` prints.
import { z } from 'zod';

/** A real calendar day as the dataset keys it: 2020-05-09. */
export const CalendarDaySchema = z.iso.date('a day looks like 2020-05-09 (a real calendar day)');

/**
 * The maintained holiday dataset (chinese-days' `dist/chinese-days.json`, or an operator's file of the same shape):
 * `holidays` are statutory days off, `workdays` the make-up working days (调休) that fall on a weekend. Values are
 * "English name,中文名,days" upstream; any non-empty text is accepted. Other keys (upstream's `inLieuDays`) are
 * ignored. `firstYear` / `lastYear` may state the covered years; otherwise they are the first and last year with data.
 */
export const CalendarDataSchema = z.object({
  holidays: z.record(CalendarDaySchema, z.string().min(1)),
  workdays: z.record(CalendarDaySchema, z.string().min(1)),
  firstYear: z.number().int().min(1900).max(2999).optional(),
  lastYear: z.number().int().min(1900).max(2999).optional(),
});
export type CalendarData = z.infer<typeof CalendarDataSchema>;

/** Which clock a deadline runs on: decided at once, wall-clock hours (offline with verification), or working hours. */
export const slaBases = ['immediate', 'clock', 'working'] as const;
export type SlaBasis = (typeof slaBases)[number];

/** `sla-explain --json`: exactly the shape; times are ISO 8601 with the Beijing offset (+08:00). */
export const SlaExplainOutputSchema = z
  .object({
    dueAt: z.iso.datetime({ offset: true }),
    warnAt: z.array(z.iso.datetime({ offset: true })),
    autoDefaultAt: z.iso.datetime({ offset: true }).nullable(),
    explanation: z.string().min(1),
  })
  .strict();
export type SlaExplainOutput = z.infer<typeof SlaExplainOutputSchema>;
