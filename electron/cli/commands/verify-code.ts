// `verify-code <payload-or-png>`: checks a paper code offline (signature, key, revocation, validity, holder) for an operator.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openMigratedDatabase } from '../../app/database.js';
import { translator, type Translate } from '../../app/locales.js';
import { systemClock, type Clock } from '../../core/clock.js';
import { holderVerdict, inspectCode, type Inspection } from '../../core/codes/checkpoint.js';
import { humanCodeId } from '../../core/codes/human-id.js';
import { dateOfMinutes } from '../../core/codes/payload.js';
import { decodeQrPng, isPng } from '../../core/codes/qr-image.js';
import { RevocationListSchema, TrustListSchema, type TrustList } from '../../core/codes/schema.js';
import { loadTrust } from '../../core/codes/trust-store.js';
import { parseDocumentNumber } from '../../core/identity/document-number.js';
import { cliLanguage } from '../messages.js';
import { databaseArgument, report, UsageError, type CliIo, type Command } from '../command.js';

/** The lists a verification runs against: from files given on the command line, or the kiosk database's cache. */
interface Trust {
  trustList: TrustList | null;
  revokedHashes: ReadonlySet<string>;
}

const Bundle = z.object({ trustList: TrustListSchema, revocations: RevocationListSchema.optional() }).strict();

/** Reads a JSON file and validates it; any problem is a usage error naming the file and what was wrong. */
function readJson<T>(file: string, what: string, parse: (value: unknown) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${what} "${file}" cannot be read as JSON (${(error as NodeJS.ErrnoException).code ?? 'syntax error'})`);
  }
  try {
    return parse(json);
  } catch (error) {
    const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
    throw new UsageError(
      `${what} "${file}" is not valid: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unknown shape'}`,
    );
  }
}

/** `--trust FILE`: a trust list, or `{ trustList, revocations }`. A file that does not exist means no trust list (refuse). */
function trustFromFile(file: string): Trust {
  if (!existsSync(file)) return { trustList: null, revokedHashes: new Set() };
  return readJson(file, 'trust file', (value) => {
    const bundle = Bundle.safeParse(value);
    if (bundle.success) return { trustList: bundle.data.trustList, revokedHashes: new Set(bundle.data.revocations?.hashes ?? []) };
    return { trustList: TrustListSchema.parse(value), revokedHashes: new Set<string>() };
  });
}

/** Without --trust: the lists the kiosk cached from the province. No database file yet means no lists (it is not created). */
function trustFromDatabase(file: string): Trust {
  if (!existsSync(file)) return { trustList: null, revokedHashes: new Set() };
  const { db } = openMigratedDatabase(file);
  try {
    const { trustList, revokedHashes } = loadTrust(db);
    return { trustList, revokedHashes };
  } finally {
    db.close();
  }
}

/** The code's text: read from a PNG when the argument names one (by extension or signature), else the argument itself. */
function codeText(argument: string): { kind: 'text'; text: string } | { kind: 'png'; text: string | null } {
  if (!existsSync(argument) || !statSync(argument).isFile()) return { kind: 'text', text: argument };
  const bytes = readFileSync(argument);
  if (!argument.toLowerCase().endsWith('.png') && !isPng(bytes)) return { kind: 'text', text: argument };
  return { kind: 'png', text: decodeQrPng(bytes) };
}

type Reason = 'ok' | 'no-qr' | 'holder-mismatch' | Extract<Inspection['result'], { valid: false }>['reason'];

/** The JSON answer: the same keys every time, null where the code did not (verifiably) say. */
interface Answer {
  valid: boolean;
  reason: Reason;
  status: string | null;
  validUntil: string | null;
  kid: string | null;
  statusAsOf: string | null;
  humanId: string | null;
  holder: 'match' | 'mismatch' | 'not-checked' | null;
}

function answerOf(inspection: Inspection, holderNumber: string | undefined): Answer {
  const { result, fields } = inspection;
  const holder = fields === null ? null : holderVerdict(fields, holderNumber);
  const facts = {
    status: fields?.status ?? null,
    validUntil: fields === null ? null : dateOfMinutes(fields.validUntil).toISOString(),
    kid: fields?.kid ?? null,
    statusAsOf: fields === null ? null : dateOfMinutes(fields.statusAsOf).toISOString(),
    humanId: fields === null ? null : humanCodeId(fields.codeId),
  };
  if (!result.valid) return { valid: false, reason: result.reason, ...facts, holder };
  // A genuine code shown with someone else's card is refused at a checkpoint: the code does not belong to this person.
  if (result.holder === 'mismatch') return { valid: false, reason: 'holder-mismatch', ...facts, holder };
  return { valid: true, reason: 'ok', ...facts, holder };
}

const noCode: Omit<Answer, 'valid' | 'reason'> = {
  status: null,
  validUntil: null,
  kid: null,
  statusAsOf: null,
  humanId: null,
  holder: null,
};

/** The answer in the operator's language: the verdict, then what the code says, then what to do. */
function humanLines(answer: Answer, t: Translate, proxy: boolean): string[] {
  const lines: string[] = [];
  const statusWord = (status: string) => t(`status.${status}`);
  if (answer.valid) lines.push(t('cli.valid', { status: statusWord(answer.status ?? '') }));
  else lines.push(t('cli.refused', { reason: t(`reasons.${answer.reason}`) }), t(`advice.${answer.reason}`));
  if (answer.status !== null && !answer.valid) lines.push(t('cli.signedStatus', { status: statusWord(answer.status) }));
  if (answer.statusAsOf !== null) lines.push(t('cli.statusAsOf', { time: answer.statusAsOf }));
  if (answer.validUntil !== null) lines.push(t('cli.validUntil', { time: answer.validUntil }));
  if (answer.humanId !== null) lines.push(t('cli.humanId', { id: answer.humanId }));
  if (answer.kid !== null) lines.push(t('cli.kid', { kid: answer.kid }));
  if (proxy) lines.push(t('result.proxy'));
  if (answer.holder !== null) lines.push(t(`holder.${answer.holder}`));
  return lines;
}

function parseCommandLine(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      trust: { type: 'string' },
      revocations: { type: 'string' },
      id: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  // Not trimmed: a space is a Base45 character, and a code may start or end with one.
  const [argument, ...extra] = positionals;
  if (argument === undefined || argument === '' || extra.length > 0) {
    throw new UsageError('give one code: its text (quoted: Base45 has spaces; after -- if it starts with -) or a PNG file');
  }
  for (const option of ['trust', 'revocations', 'db'] as const) {
    if (values[option]?.trim() === '') throw new UsageError(`--${option} needs a file path`);
  }
  return { argument, ...values };
}

/** The clock is injected (house rule 3); the registered command reads the system clock. */
export function verifyCodeCommand(clock: Clock): Command {
  return {
    name: 'verify-code',
    usage: 'verify-code <payload-or-png> [--trust FILE] [--revocations FILE] [--id NUMBER] [--db FILE] [--json]',
    summary: "verify a paper code offline (text or a PNG of its QR) against a trust list file or the kiosk's cached lists",
    run(args: string[], io: CliIo) {
      const options = parseCommandLine(args);
      const now = clock.now();
      let holderNumber: string | undefined;
      if (options.id !== undefined) {
        // The number itself is not repeated in the message: it is personal data, and the operator has it anyway.
        const parsed = parseDocumentNumber(options.id, now);
        if (!parsed.valid) throw new UsageError(`--id is not a valid document number (${parsed.reason})`);
        holderNumber = parsed.canonical;
      }
      const extraRevocations =
        options.revocations === undefined
          ? []
          : readJson(options.revocations, 'revocation file', (value) => RevocationListSchema.parse(value)).hashes;
      const t = translator(cliLanguage(io.env), 'verify');

      const code = codeText(options.argument);
      if (code.text === null) {
        const answer: Answer = { valid: false, reason: 'no-qr', ...noCode };
        report(io, options.json, answer, humanLines(answer, t, false));
        return 1;
      }
      const trust = options.trust === undefined ? trustFromDatabase(databaseArgument(options.db, io.env)) : trustFromFile(options.trust);
      // Revocations from every source count: a code revoked anywhere is revoked.
      const revokedHashes = new Set([...trust.revokedHashes, ...extraRevocations]);
      const inspection = inspectCode(code.text, { trustList: trust.trustList, revokedHashes, now, holderNumber });
      const answer = answerOf(inspection, holderNumber);
      report(io, options.json, answer, humanLines(answer, t, inspection.fields?.proxy ?? false));
      return answer.valid ? 0 : 1;
    },
  };
}

export const verifyCode = verifyCodeCommand(systemClock);
