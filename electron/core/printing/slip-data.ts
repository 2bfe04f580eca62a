// What each slip prints (pure zod): one schema per template, masked data only, and renderSlip (validate, then render).
import { z } from 'zod';
import { slipTemplates } from '../../../printer-templates/index.js';
import { PaperStatusSchema } from '../codes/schema.js';
import { StaffNoSchema } from '../staff/schema.js';
import type { TemplateId } from './schema.js';
import type { Slip } from './slip.js';
import { renderTemplate, type RenderOptions, type Template } from './template.js';

// Paper outlives the session and lies on counters: a full ID number or mobile number must never reach it. Checked on
// the NFKC form (full-width digits) and again with spaces and hyphens removed ("138-1234-5678", "+86 138 1234 5678").
const idNumberLike = /(?<!\d)(?:\d{17}[\dX]|\d{15})(?![\dA-Z])/i;
const mobileLike = /(?<!\d)(?:0{0,2}86)?1[3-9]\d{9}(?!\d)/; // with or without the country code

/** Whether a string contains something that reads as a full resident ID number (18 or old 15 digits) or a mobile number. */
export function looksLikePersonalNumber(text: string): boolean {
  const normalised = text.normalize('NFKC');
  const joined = normalised.replace(/[\s\-‐‑–—]+/g, '');
  return [normalised, joined].some((candidate) => idNumberLike.test(candidate) || mobileLike.test(candidate));
}

const unmasked = 'looks like a full ID or phone number: print only masked data';
const safe = <S extends z.ZodString>(schema: S) => schema.refine((text) => !looksLikePersonalNumber(text), unmasked);

/** Free text that is not personal (hall and community names). */
const Text = (max: number) => safe(z.string().trim().min(1).max(max));
/** maskName output: at least one `*`, or it was not masked. */
const MaskedName = safe(z.string().trim().min(1).max(40)).refine((name) => name.includes('*'), 'not masked (maskName)');
/** maskIdNumber / maskPhone output: letters, digits and at least one `*`. */
const MaskedNumber = safe(z.string().regex(/^[0-9A-Za-z*]{1,30}$/)).refine((n) => n.includes('*'), 'not masked (maskIdNumber)');
/** Application and complaint reference numbers: what staff and residents quote on the phone. */
const Ref = safe(z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,31}$/));
const StaffNo = safe(StaffNoSchema);
const Iso = z.iso.datetime({ offset: true });
const ReprintNumber = z.number().int().nonnegative().max(999);
const Count = z.number().int().nonnegative();
const Minutes = z.number().nonnegative().max(100_000);
/**
 * The QR content: Base45 of the province's signed payload (docs/paper-code.md). Not checked for number-like runs: it
 * encodes binary, so digit runs occur by chance and mean nothing, and it carries no plaintext the kiosk wrote.
 */
const Base45Text = z.string().regex(/^[0-9A-Z $%*+\-./:]{1,400}$/, 'not Base45');
/** humanCodeId: 13 Crockford symbols and the check symbol in groups of four, `8YEJ-WFTD-HTBT-6=`. */
const HumanId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z][0-9A-HJKMNP-TV-Z*~$=U]$/);

const MaskedPerson = z.object({ maskedName: MaskedName, maskedNumber: MaskedNumber }).strict();
const Officer = z.object({ staffNo: StaffNo, maskedName: MaskedName }).strict();

export const PaperCodeDataSchema = z
  .object({
    hallName: Text(60),
    status: PaperStatusSchema,
    codeText: Base45Text,
    humanId: HumanId,
    maskedName: MaskedName,
    maskedNumber: MaskedNumber,
    validUntil: Iso,
    statusAsOf: Iso,
    /** Someone applied on the holder's behalf: printed as the proxy marker. */
    proxyMaskedName: MaskedName.nullable(),
    /** 0 for the first print; n prints "补打 n". */
    reprintNumber: ReprintNumber,
    complaintRef: Ref,
  })
  .strict();
export type PaperCodeData = z.infer<typeof PaperCodeDataSchema>;

/** Why a receipt and not a code: an officer must review, or the province cannot be reached now. */
export const receiptReasons = ['review', 'offline'] as const;

export const ReceiptDataSchema = z
  .object({
    hallName: Text(60),
    applicationRef: Ref,
    maskedName: MaskedName,
    maskedNumber: MaskedNumber,
    submittedAt: Iso,
    /** When review is due (null: not known, e.g. while offline). */
    expectedBy: Iso.nullable(),
    why: z.enum(receiptReasons),
    proxyMaskedName: MaskedName.nullable(),
    complaintRef: Ref,
    reprintNumber: ReprintNumber,
  })
  .strict();
export type ReceiptData = z.infer<typeof ReceiptDataSchema>;

/** The proxy's relationship to the holder (DOMAIN.md §1: family, care home, community staff). */
export const proxyRelationships = [
  'spouse',
  'parent',
  'child',
  'grandparent',
  'grandchild',
  'sibling',
  'other-relative',
  'care-home',
  'staff',
] as const;
/** How the holder's consent was shown. */
export const consentKinds = ['signed-form', 'verbal-witnessed', 'card-presented'] as const;

export const ProxySlipDataSchema = z
  .object({
    hallName: Text(60),
    applicationRef: Ref,
    proxy: MaskedPerson,
    subject: MaskedPerson,
    relationship: z.enum(proxyRelationships),
    consent: z.enum(consentKinds),
    /** The officer who handled it, if staff did. */
    staffNo: StaffNo.nullable(),
    at: Iso,
    reprintNumber: ReprintNumber,
  })
  .strict();
export type ProxySlipData = z.infer<typeof ProxySlipDataSchema>;

export const TimeoutNoticeDataSchema = z
  .object({
    hallName: Text(60),
    applicationRef: Ref,
    maskedName: MaskedName,
    maskedNumber: MaskedNumber,
    submittedAt: Iso,
    dueAt: Iso,
    autoDefaultAt: Iso,
    /** What the province issued by default (green under the 03-04 rule). */
    issuedStatus: PaperStatusSchema,
    /** The officer the breach is recorded against. */
    officer: Officer,
    community: Text(60),
    reprintNumber: ReprintNumber,
  })
  .strict();
export type TimeoutNoticeData = z.infer<typeof TimeoutNoticeDataSchema>;

export const SlaReportDataSchema = z
  .object({
    hallName: Text(60),
    /** The report's calendar day, YYYY-MM-DD (hall time). */
    date: z.iso.date(),
    officer: Officer,
    decided: Count,
    onTime: Count,
    breaches: Count,
    /** Time from submission to decision; null when nothing was decided that day. */
    medianMinutes: Minutes.nullable(),
    /** null when too few decisions for a 90th percentile. */
    p90Minutes: Minutes.nullable(),
    pending: Count,
    breachRefs: z.array(Ref).max(200),
    reprintNumber: ReprintNumber,
  })
  .strict()
  .refine((report) => report.onTime <= report.decided, { message: 'onTime exceeds decided', path: ['onTime'] });
export type SlaReportData = z.infer<typeof SlaReportDataSchema>;

export interface SlipDataByTemplate {
  'paper-code': PaperCodeData;
  receipt: ReceiptData;
  'proxy-slip': ProxySlipData;
  'timeout-notice': TimeoutNoticeData;
  'sla-report': SlaReportData;
}

export const slipDataSchemas: { [K in TemplateId]: z.ZodType<SlipDataByTemplate[K]> } = {
  'paper-code': PaperCodeDataSchema,
  receipt: ReceiptDataSchema,
  'proxy-slip': ProxySlipDataSchema,
  'timeout-notice': TimeoutNoticeDataSchema,
  'sla-report': SlaReportDataSchema,
};

/** Slip data that failed its schema: names the template and the field, never the value (it may be personal). */
export class SlipDataError extends Error {
  override readonly name = 'SlipDataError';
  constructor(
    readonly template: TemplateId,
    readonly field: string,
    problem: string,
  ) {
    super(`slip data for ${template} is invalid at ${field}: ${problem}`);
  }
}

/** Validates `data` against the template's schema (SlipDataError naming the field), then renders it. */
export function renderSlip(templateId: TemplateId, data: unknown, options: RenderOptions): Slip {
  const parsed = slipDataSchemas[templateId].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SlipDataError(templateId, issue?.path.join('.') || '(data)', issue?.message ?? 'invalid');
  }
  // The registry pairs each id with its own data type; TypeScript cannot correlate the two through the index.
  return renderTemplate(slipTemplates[templateId] as Template<unknown>, parsed.data, options);
}
