// `audit-verify [--db FILE] [--anchor FILE] [--json]`: walk the audit log's hash chain, read-only, name the first bad row.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readAuditAnchor } from '../../core/audit/anchor.js';
import { verifyAuditChain, type AuditVerdict } from '../../core/audit/log.js';
import { openDatabase } from '../../core/db/open.js';
import { resolveDataKey } from '../../app/data-key.js';
import { openNodeSettings } from '../../app/node-settings.js';
import { defaultDataDir } from '../../app/paths.js';
import { auditAnchorFile } from '../../app/trust-jobs.js';
import { deriveKey } from '../../core/privacy/seal.js';
import { isDemo } from '../../core/settings/schema.js';
import { databaseArgument, report, UsageError, type CliIo, type Command } from '../command.js';

/** Where the anchor's MAC key comes from; undefined = none here, so the MAC is reported as "unchecked". */
export type AnchorKeySource = (io: CliIo, databaseFile: string) => Uint8Array | undefined;

/**
 * `KIOSK_ANCHOR_KEY_HEX` (64+ hex digits) when set — an auditor may hold the anchor key alone — else the key derived
 * from the terminal's data key where this machine can find one (key file, demo key; never made here). Without a key
 * the check still learns whether the log holds the anchored row.
 */
export const anchorKeyOfTerminal: AnchorKeySource = (io, databaseFile) => {
  const hex = io.env.KIOSK_ANCHOR_KEY_HEX?.trim();
  if (hex) {
    if (!/^(?:[0-9a-fA-F]{2}){32,}$/.test(hex)) throw new UsageError('KIOSK_ANCHOR_KEY_HEX must be at least 64 hex digits');
    return Buffer.from(hex, 'hex');
  }
  try {
    const demo = isDemo(openNodeSettings(defaultDataDir(io.env)).read());
    return deriveKey(resolveDataKey({ keyDir: dirname(databaseFile), demo, env: io.env, existingOnly: true }).key, 'audit-anchor');
  } catch {
    return undefined;
  }
};

export function auditVerifyCommand(anchorKeyOf: AnchorKeySource = anchorKeyOfTerminal): Command {
  return {
    name: 'audit-verify',
    usage: 'audit-verify [--db FILE] [--anchor FILE] [--json]',
    summary: 'check the audit log hash chain (read-only; --anchor: against the anchor file): {"ok":true,"rows":N} or the first broken row',
    run(args, io) {
      const { values } = parseArgs({
        args,
        options: { db: { type: 'string' }, anchor: { type: 'string' }, json: { type: 'boolean', default: false } },
        strict: true,
      });
      const file = databaseArgument(values.db, io.env);
      // Read-only, so checking a copy or a backup never migrates or otherwise changes it.
      if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
      if (values.anchor !== undefined && !existsSync(values.anchor)) throw new UsageError(`${values.anchor} does not exist`);
      // The terminal's own anchor, beside the database, unless another is named: a cut-off tail is then seen too.
      const anchorFile = values.anchor ?? (existsSync(auditAnchorFile(file)) ? auditAnchorFile(file) : undefined);
      const anchor = anchorFile === undefined ? undefined : readAuditAnchor(anchorFile);
      const anchorKey = anchor ? anchorKeyOf(io, file) : undefined;
      const db = openDatabase(file, { readonly: true });
      try {
        const verdict = verifyAuditChain(db, { anchor, anchorKey });
        report(io, values.json, verdict, humanLines(verdict));
        return verdict.ok ? 0 : 1;
      } finally {
        db.close();
      }
    },
  };
}

export const auditVerify = auditVerifyCommand();

function humanLines(verdict: AuditVerdict): string[] {
  const mac = verdict.anchorMac === 'unchecked' ? ['anchor MAC not checked (no data key here, and no KIOSK_ANCHOR_KEY_HEX)'] : [];
  if (verdict.ok) return [`audit log intact: ${verdict.rows} rows${verdict.anchorMac ? ', anchored row present' : ''}`, ...mac];
  const where: Record<typeof verdict.reason, string> = {
    hash: `row ${verdict.firstBadSeq} does not match its hash`,
    link: `row ${verdict.firstBadSeq} does not link to the row before`,
    gap: `row ${verdict.firstBadSeq} is missing`,
    truncated: `rows from ${verdict.firstBadSeq} on were cut off (the anchor saw more)`,
    rewritten: `the anchored row ${verdict.firstBadSeq} is not the row it was`,
    anchor: 'the anchor file is not signed by this terminal',
  };
  return [`audit log BROKEN: ${where[verdict.reason]} (${verdict.reason}; ${verdict.rows} rows)`, ...mac];
}
