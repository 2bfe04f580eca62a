// Batch proxy for a care home: a CSV list checked line by line, then imported all rows or none (online channel).
import { appendAudit } from '../audit/log.js';
import { refDay } from '../applications/refs.js';
import { activeApplicationId } from '../applications/store.js';
import { submitApplication, type ProxyRecord, type SubmitRequest } from '../applications/submit.js';
import type { Proxy } from '../applications/schema.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { evaluate } from '../policy/evaluate.js';
import type { Policy } from '../policy/schema.js';
import { maskName } from '../privacy/mask.js';
import { applicantKey } from '../sync/outbox.js';
import { parseBatchCsv, type ParsedBatch } from './csv.js';
import { dailyLimit, proxyApplicationsToday, staffProxyKey } from './limits.js';
import { BatchInputSchema, type BatchInput, type BatchProblem, type BatchReport } from './schema.js';
import { checkedOfficer, type ProxyOfficer } from './staff.js';

/** Batch residents are not in front of an officer: online, so reviews run on working hours with the auto-default. */
const CHANNEL = 'online';
/** Importing the list is the officer's word that the care home holds each resident's signed consent (docs/proxy.md). */
const BATCH_CONSENT = 'signed-form';

const CheckInputSchema = BatchInputSchema.pick({ csv: true, batchName: true });

/**
 * Every problem of the file against this database and policy at `now`: the CSV's own (csv.ts), then the whole-file
 * policy refusals (channel or batch proxies not allowed) and the daily limit, then per row an active application or
 * a refusing rule. Sorted by line; a line may have several.
 */
function problemsOf(db: Db, parsed: ParsedBatch, policy: Policy, now: Date, lookupKey: Uint8Array, staffNo: string | null): BatchProblem[] {
  const problems = [...parsed.problems];
  if (parsed.stopped) return problems;
  // Permissions would be cited by every row alike: said once, for the file, and left out of the rows' citations.
  const fileRules = [policy.channels[CHANNEL], policy.channels['proxy-batch']].filter((p) => !p.allowed).map((p) => p.id);
  if (fileRules.length > 0)
    problems.push({ line: 1, column: null, reason: 'errors.batchRefused', params: { rules: fileRules.join(', ') } });
  const limit = dailyLimit(policy, 'batch');
  if (limit !== null) {
    const today = staffNo === null ? 0 : proxyApplicationsToday(db, staffProxyKey(staffNo, lookupKey), now);
    if (today + parsed.rows > limit.value) {
      // The first row past the limit (the first row, when the officer has none left today).
      problems.push({
        line: parsed.lines[Math.max(0, limit.value - today)]!,
        column: null,
        reason: 'errors.batchOverLimit',
        params: { max: limit.value, today, rows: parsed.rows, rules: limit.ruleId },
      });
    }
  }
  const proxy: Proxy = { kind: 'batch', officerStaffNo: staffNo ?? '0000', batchId: 'check', consent: true };
  for (const row of parsed.valid) {
    if (activeApplicationId(db, applicantKey(row.identity.number, lookupKey), now) !== null) {
      problems.push({ line: row.line, column: 'idNumber', reason: 'errors.batchActive' });
    }
    const evaluation = evaluate(policy, {
      channel: CHANNEL,
      declaration: row.declaration,
      proxy,
      documentType: row.identity.documentType,
      birthDate: row.identity.birthDate,
      at: now,
      // The daily limit is the file's problem above, not each row's.
      proxyApplicationsToday: 0,
      answers: {},
    });
    const rules = evaluation.citations.filter((c) => c.effect === 'refuse' && !fileRules.includes(c.ruleId)).map((c) => c.ruleId);
    if (rules.length > 0)
      problems.push({ line: row.line, column: null, reason: 'errors.batchRefused', params: { rules: rules.join(', ') } });
  }
  return problems.sort((a, b) => a.line - b.line);
}

export interface CheckBatchRequest {
  csv: string;
  batchName: string;
  policy: Policy;
  now: Date;
  lookupKey: Uint8Array;
  /** The officer who will import it: their applications today count against the daily limit when it applies. */
  officerStaffNo?: string | null;
}

const report = (parsed: ParsedBatch, problems: BatchProblem[]): BatchReport => ({
  rows: parsed.rows,
  problems,
  imported: 0,
  batchId: null,
  refs: [],
});

/** The validation report of a list; nothing is stored. Throws invalid-input (errors.invalidInput) for a bad input. */
export function checkBatch(db: Db, request: CheckBatchRequest): BatchReport {
  const input = CheckInputSchema.safeParse({ csv: request.csv, batchName: request.batchName });
  if (!input.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const parsed = parseBatchCsv(input.data.csv, request.now);
  const staffNo = request.officerStaffNo ?? null;
  return report(parsed, problemsOf(db, parsed, request.policy, request.now, request.lookupKey, staffNo));
}

export interface ImportBatchRequest {
  officer: ProxyOfficer;
  input: BatchInput;
  policy: Policy;
  hallId: string;
  lookupKey: Uint8Array;
  /** Runs inside the transaction for every row submitted (see submitApplication); a throw rolls the whole batch back. */
  onSubmitted?: SubmitRequest['onSubmitted'];
  refPrefix?: string;
}

/** Thrown inside the transaction to roll it back with the report in hand. */
class Rejected extends Error {
  constructor(readonly report: BatchReport) {
    super('batch rejected');
  }
}

/**
 * All rows in one IMMEDIATE transaction, or none: any problem (the same checks as checkBatch, made inside the
 * transaction) gives the report with imported 0 and nothing written but one 'proxy.batch-rejected' audit row of
 * counts. Success audits every application and one 'proxy.batch-imported' row. Throws invalid-input
 * (errors.invalidInput) for a bad input or officer.
 */
export function importBatch(db: Db, clock: Clock, random: RandomSource, request: ImportBatchRequest): BatchReport {
  const input = BatchInputSchema.safeParse(request.input);
  if (!input.success) throw new KioskError('invalid-input', 'errors.invalidInput');
  const officer = checkedOfficer(request.officer);
  const { policy, lookupKey } = request;
  try {
    return db
      .transaction((): BatchReport => {
        const now = clock.now();
        const parsed = parseBatchCsv(input.data.csv, now);
        const problems = problemsOf(db, parsed, policy, now, lookupKey, officer.staffNo);
        if (problems.length > 0) throw new Rejected(report(parsed, problems));
        // Lower-case hex after the day: readable, and never a digit run the audit log would take for personal data.
        const batchId = `batch-${refDay(now)}-${Buffer.from(random.bytes(4)).toString('hex')}`;
        const proxy: Proxy = { kind: 'batch', officerStaffNo: officer.staffNo, batchId, consent: true };
        const record: ProxyRecord = {
          kind: 'batch',
          maskedName: maskName(officer.name),
          proxyKey: staffProxyKey(officer.staffNo, lookupKey),
          relationship: null,
          consent: BATCH_CONSENT,
          verification: null,
          batchId,
          staffNo: officer.staffNo,
        };
        const refs: string[] = [];
        for (const row of parsed.valid) {
          const result = submitApplication(db, clock, random, {
            identity: row.identity,
            declaration: row.declaration,
            answers: {},
            language: input.data.language,
            policy,
            hallId: request.hallId,
            lookupKey,
            channel: CHANNEL,
            proxy,
            proxyRecord: record,
            actor: officer.staffNo,
            onSubmitted: request.onSubmitted,
            refPrefix: request.refPrefix,
          });
          // Checked above in this same transaction, so a refusal here means the checks and submit disagree: none stored.
          if (result.outcome === 'refused') {
            const rules = result.citations.map((c) => c.ruleId).join(', ');
            throw new Rejected(report(parsed, [{ line: row.line, column: null, reason: 'errors.batchRefused', params: { rules } }]));
          }
          refs.push(result.ref);
        }
        appendAudit(db, {
          at: now,
          actor: officer.staffNo,
          action: 'proxy.batch-imported',
          subject: `batch:${batchId}`,
          detail: { rows: parsed.rows, imported: refs.length, channel: CHANNEL },
        });
        return { rows: parsed.rows, problems: [], imported: refs.length, batchId, refs };
      })
      .immediate();
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    // Counts only: the lines and reasons are in the report the officer holds, and may say whose number was wrong.
    appendAudit(db, {
      at: clock.now(),
      actor: officer.staffNo,
      action: 'proxy.batch-rejected',
      subject: `staff:${officer.staffNo}`,
      detail: { rows: error.report.rows, problems: error.report.problems.length },
    });
    return error.report;
  }
}
