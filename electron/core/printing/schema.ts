// Printing vocabulary shared by core and screen (pure zod): printer state, the job journal, the slips we print.
import { z } from 'zod';

const Iso = z.iso.datetime({ offset: true });

/** The slips the kiosk prints (printer-templates/). */
export const templateIds = ['paper-code', 'receipt', 'proxy-slip', 'timeout-notice', 'sla-report'] as const;
export const TemplateIdSchema = z.enum(templateIds);
export type TemplateId = z.infer<typeof TemplateIdSchema>;

/**
 * What `DLE EOT` (or its absence) says about the printer. `paper-near-end` still prints; every other state but
 * `ready` stops a job before it is sent. `unreachable`: no connection, or no status answer in time.
 */
export const printerStates = ['ready', 'paper-near-end', 'paper-end', 'cover-open', 'offline', 'error', 'unreachable'] as const;
export const PrinterStateSchema = z.enum(printerStates);
export type PrinterState = z.infer<typeof PrinterStateSchema>;

export const PrinterStatusSchema = z
  .object({
    state: PrinterStateSchema,
    checkedAt: Iso.nullable(),
    /** Failed jobs staff have not yet reprinted or dismissed. */
    failedJobs: z.number().int().nonnegative(),
    /** Jobs waiting or being sent. */
    pendingJobs: z.number().int().nonnegative(),
  })
  .strict();
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

export const jobStates = ['queued', 'sent', 'done', 'failed'] as const;
export const JobStateSchema = z.enum(jobStates);
export type JobState = z.infer<typeof JobStateSchema>;

/**
 * Why a job failed. The printer states say it was refused before a byte was sent (or found after); `timeout`: no
 * answer while sending; `disconnected`: the link broke mid-job; `interrupted`: the app stopped while the job was out.
 */
export const printFailures = [
  'paper-end',
  'cover-open',
  'offline',
  'error',
  'unreachable',
  'timeout',
  'disconnected',
  'interrupted',
] as const;
export const PrintFailureSchema = z.enum(printFailures);
export type PrintFailure = z.infer<typeof PrintFailureSchema>;

export const PrintJobSchema = z
  .object({
    id: z.number().int().positive(),
    template: TemplateIdSchema,
    /** What staff recognise the slip by, never personal data: a code id, an application number, a report date. */
    label: z.string().max(64),
    state: JobStateSchema,
    reason: PrintFailureSchema.nullable(),
    /** 0 for a first print; n for 补打 n. */
    reprintNumber: z.number().int().nonnegative(),
    /** The job this one reprints, if any. */
    reprintOf: z.number().int().positive().nullable(),
    /** Whether any byte may have reached the printer: then a retry is a reprint (补打), else a plain print. */
    mayHavePrinted: z.boolean(),
    /** A failed job that has been reprinted or dismissed is no longer waiting for staff. */
    resolved: z.boolean(),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .strict();
export type PrintJob = z.infer<typeof PrintJobSchema>;
