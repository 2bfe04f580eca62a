// The one typed contract between screen and core: channel → input schema → output schema, plus push events.
import { z } from 'zod';
import { CardProblemSchema, DemoCardSchema, ReaderFaultSchema, ReaderStatusSchema } from '../core/devices/id-reader/schema.js';
import { MaskedIdentitySchema, RejectReasonSchema } from '../core/identity/schema.js';
import { IdleSchema, LanguageSchema } from '../core/settings/schema.js';
import { RoleSchema, SignInSchema, StaffNoSchema, StaffSessionSchema } from '../core/staff/schema.js';
import { CheckpointResultSchema } from '../core/codes/schema.js';
import { PrintJobSchema, PrinterStatusSchema } from '../core/printing/schema.js';
import { PolicySchema } from '../core/policy/schema.js';
import {
  ApplicationRefSchema,
  BeginInputSchema,
  BeginOutputSchema,
  ReprintOutputSchema,
  ResidentApplicationSchema,
  SubmitInputSchema,
  SubmitOutputSchema,
} from '../core/resident/schema.js';
import { SyncStateSchema } from '../core/sync/schema.js';
import {
  DecideInputSchema,
  OfficerDutyInputSchema,
  OfficerViewSchema,
  QueueItemSchema,
  QueuePageSchema,
  QueueQuerySchema,
  ReassignInputSchema,
  ReviewDetailSchema,
  SlaBoardQuerySchema,
  SlaExportSchema,
  SlaBoardSchema,
} from '../core/approvals/queue/schema.js';
import {
  batchColumns,
  BatchInputSchema,
  BatchReportSchema,
  FamilyProxyInputSchema,
  ProxyOutputSchema,
  StaffProxyInputSchema,
} from '../core/proxy/schema.js';

const NoInput = z.object({}).strict();

export const AppInfoSchema = z
  .object({
    version: z.string(),
    demo: z.boolean(),
    hallName: z.string(),
    defaultLanguage: LanguageSchema,
    kioskMode: z.boolean(),
    voice: z.boolean(),
    idle: IdleSchema,
    /** Which shell serves the screen: the Electron window or a browser on loopback. */
    shell: z.enum(['electron', 'browser']),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SystemHealthSchema = z
  .object({
    schemaVersion: z.number().int().nonnegative(),
    integrity: z.string(),
    now: z.iso.datetime({ offset: true }),
  })
  .strict();
export type SystemHealth = z.infer<typeof SystemHealthSchema>;

export const ClockTickSchema = z.object({ now: z.iso.datetime({ offset: true }) }).strict();

const Ok = z.object({ ok: z.literal(true) }).strict();

/** A number typed by a keyboard-wedge reader or by staff, and core's answer: the masked identity or the reason. */
const TypedNumber = z.object({ typed: z.string().max(64) }).strict();
const TypedNumberAnswer = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), identity: MaskedIdentitySchema }).strict(),
  z.object({ valid: z.literal(false), reason: RejectReasonSchema }).strict(),
]);

const JobRef = z.object({ jobId: z.number().int().positive() }).strict();

export const channels = {
  'app.info': { input: NoInput, output: AppInfoSchema },
  'system.health': { input: NoInput, output: SystemHealthSchema },
  'reader.status': { input: NoInput, output: ReaderStatusSchema },
  /** The link to the provincial service: connected / degraded / offline, the queue and its oldest item. */
  'sync.status': { input: NoInput, output: SyncStateSchema },
  /** A keyboard-wedge reader typed a number + Enter: core validates it and answers the masked identity or the reason. */
  'identity.wedge': { input: TypedNumber, output: TypedNumberAnswer },
  /** Staff typing a number by hand (signed-in staff only; residents never type): same answer as a wedge read. */
  'identity.manual': { input: TypedNumber, output: TypedNumberAnswer },
  /** Forget the identity of the session that just ended (the screen calls it on goodbye and on idle expiry). */
  'identity.clear': { input: NoInput, output: Ok },
  /** Staff sign-in on this terminal: staff number + PIN; wrong PINs lock the account for a while. */
  'staff.signIn': { input: SignInSchema, output: StaffSessionSchema },
  /** Staff sign-in by tapping the officer's own ID card (the readId of that read) and the PIN. */
  'staff.cardSignIn': {
    input: z.object({ readId: z.string().min(8).max(64), pin: SignInSchema.shape.pin }).strict(),
    output: StaffSessionSchema,
  },
  'staff.signOut': { input: NoInput, output: StaffSessionSchema },
  'staff.session': { input: NoInput, output: StaffSessionSchema },
  /** The printer as residents and staff see it: its state and how many jobs wait or failed. */
  'printer.status': { input: NoInput, output: PrinterStatusSchema },
  /** Staff: the print journal, newest first (failed jobs stay until reprinted or dismissed). */
  'printer.jobs': { input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(), output: z.array(PrintJobSchema) },
  /** Staff: print a failed or finished job again; marked 补打 n when the earlier one may have come out. */
  'printer.reprint': { input: JobRef, output: PrintJobSchema },
  /** Staff: a failed job the resident no longer needs (they left, or it was printed elsewhere) stops waiting. */
  'printer.dismiss': { input: JobRef, output: PrintJobSchema },
  /** Staff: the slip of a job as an SVG image, made from the same template as the bytes. */
  'printer.preview': { input: JobRef, output: z.object({ svg: z.string() }).strict() },
  /** Checkpoint: verify a scanned paper code offline; with the readId of a tapped card, also the holder binding. */
  'code.verify': {
    input: z.object({ text: z.string().max(512), readId: z.string().min(1).max(64).optional() }).strict(),
    output: CheckpointResultSchema,
  },
  /** The policy in force now (rules with ids and sentences), for the "current rules" screen. */
  'policy.current': { input: NoInput, output: PolicySchema },
  /** After "is this you?": the policy's extra questions, and the person's active application (a second tap). */
  'application.begin': { input: BeginInputSchema, output: BeginOutputSchema },
  /** The resident's declaration: refused with the rules cited, or submitted (code or receipt printed). */
  'application.submit': { input: SubmitInputSchema, output: SubmitOutputSchema },
  /** A second tap: the person's active application, refreshed from the province when it answers. */
  'application.status': { input: z.object({ readId: z.string().min(8).max(64) }).strict(), output: ResidentApplicationSchema.nullable() },
  /** 补打: print the person's code (or receipt) again, marked and audited. */
  'application.reprint': { input: ApplicationRefSchema, output: ReprintOutputSchema },
  /** 挂失: the old code is revoked at the province and a new one printed (when the province answers). */
  'application.reportLoss': { input: ApplicationRefSchema, output: ReprintOutputSchema },
  /** Approval queue: mine (assigned, delegated or escalated to me), the team's, or the overdue; overdue first. */
  'queue.list': { input: QueueQuerySchema, output: QueuePageSchema },
  /** The decision screen: declaration, the rules that applied, the rules a refusal may cite, the history. */
  'queue.detail': { input: z.object({ applicationId: z.uuid() }).strict(), output: ReviewDetailSchema },
  /** Approve, refuse citing a rule, or ask for information: recorded, attributed and sent to the province (outbox). */
  'queue.decide': { input: DecideInputSchema, output: ReviewDetailSchema },
  /** Give an open item to another approver; the SLA clock keeps running. */
  'queue.reassign': { input: ReassignInputSchema, output: QueueItemSchema },
  /** Print the timeout-default notice (超时默认通知书) of an application the province issued by default. */
  'queue.printNotice': { input: z.object({ applicationId: z.uuid() }).strict(), output: PrintJobSchema },
  /** Officers of this hall with duty, delegation, backup and load. */
  'officers.list': { input: NoInput, output: z.array(OfficerViewSchema) },
  /**
   * Admin: a new officer, identified by their own ID card on the reader (its name is the account's); they choose their
   * PIN at their first card sign-in, so nobody else ever knows it.
   */
  'officers.add': {
    input: z.object({ staffNo: StaffNoSchema, roles: z.array(RoleSchema).min(1).max(4), readId: z.string().min(8).max(64) }).strict(),
    output: OfficerViewSchema,
  },
  /** Duty, absence and delegation (one's own), backup (community head or admin). */
  'officers.duty': { input: OfficerDutyInputSchema, output: OfficerViewSchema },
  /** SLA board per officer for a range of days: on-time rate, median and p90 time to decision, breaches, load. */
  'sla.board': { input: SlaBoardQuerySchema, output: SlaBoardSchema },
  /** Records an export of the board (officers' figures) in the audit log; the screen writes the CSV only after this. */
  'sla.exported': { input: SlaExportSchema, output: Ok },
  /** Proxy wizard step 1: keep the proxy's card read (the next tap is the subject's). */
  'proxy.holdProxy': {
    input: z.object({ readId: z.string().min(8).max(64) }).strict(),
    output: z.object({ proxyReadId: z.string(), identity: MaskedIdentitySchema }).strict(),
  },
  /** 为家人代办: submitted and printed with the proxy marker, or refused citing the rules. */
  'proxy.family': { input: FamilyProxyInputSchema, output: ProxyOutputSchema },
  /** Staff applies for a walk-in resident, recording how identity was checked. */
  'proxy.staff': { input: StaffProxyInputSchema, output: ProxyOutputSchema },
  /** A care home's CSV: a report of each bad line, nothing stored. */
  'proxy.batchCheck': { input: BatchInputSchema, output: BatchReportSchema },
  /** Import the CSV: every row or none. */
  'proxy.batchImport': { input: BatchInputSchema, output: BatchReportSchema },
  /** Trainer panel, demo mode only: the synthetic cards, placing one on the emulated reader, lifting it, faults. */
  'demo.cards': { input: NoInput, output: z.array(DemoCardSchema) },
  'demo.tapCard': { input: z.object({ cardId: z.string().min(1).max(32) }).strict(), output: Ok },
  'demo.removeCard': { input: NoInput, output: Ok },
  'demo.fault': { input: z.object({ fault: ReaderFaultSchema }).strict(), output: Ok },
  /** Take the demo province off the network and back, to show that the kiosk keeps working; demo terminals only. */
  'demo.province': { input: z.object({ online: z.boolean() }).strict(), output: Ok },
  /** The demo officer's sign-in, shown to trainers; demo terminals only. */
  'demo.staff': { input: NoInput, output: SignInSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  /** The terminal's clock, once a minute: screens show core's time, not the browser's. */
  'clock.tick': ClockTickSchema,
  /** A card was read and its number checked: masked identity only. */
  'card.read': MaskedIdentitySchema,
  /** A tap that gave no identity, with the reason the screen explains in plain words. */
  'card.problem': z.object({ problem: CardProblemSchema }).strict(),
  /** The card was lifted from the reader (the next tap may be read). */
  'card.removed': z.object({}).strict(),
  'reader.status': ReaderStatusSchema,
  /** The link to the province changed (state, queue length, last success). */
  'sync.status': SyncStateSchema,
  /** The printer's state or its journal counts changed. */
  'printer.status': PrinterStatusSchema,
  /** Staff signed in or out (also when core signs an idle officer out). */
  'staff.session': StaffSessionSchema,
  /** The approval queue changed (new item, decision, reassignment, an SLA step fired): screens refetch. */
  'queue.changed': z.object({}).strict(),
  /** An SLA step fired (warning, escalation, overdue, auto-default): who it concerns and the application's ref. */
  'sla.alert': z
    .object({
      applicationId: z.uuid(),
      ref: z.string(),
      kind: z.enum(['warned', 'escalated', 'overdue', 'auto-defaulted']),
      step: z.string().max(32).nullable(),
      staffNo: z.string().nullable(),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as Channel[];

/** The care-home CSV's columns: core reads them, the screen shows them as the sample header line. */
export { batchColumns };
export const eventNames = Object.keys(events) as EventName[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);

/** Electron IPC channel used to push an event to the window (one per event name). */
export const eventIpcChannel = (event: EventName): string => `event:${event}`;
