// `audit-verify [--db FILE] [--json]`: walk the audit log's hash chain, read-only, and name the first row that fails.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../../core/audit/log.js';
import { openDatabase } from '../../core/db/open.js';
import { databaseArgument, report, UsageError, type Command } from '../command.js';

export const auditVerify: Command = {
  name: 'audit-verify',
  usage: 'audit-verify [--db FILE] [--json]',
  summary: 'check the audit log hash chain (read-only): {"ok":true,"rows":N} or the first broken row; exit 1 when broken',
  run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const file = databaseArgument(values.db, io.env);
    // Read-only, so checking a copy or a backup never migrates or otherwise changes it.
    if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
    const db = openDatabase(file, { readonly: true });
    try {
      const verdict = verifyAuditChain(db);
      report(
        io,
        values.json,
        verdict,
        verdict.ok
          ? [`audit log intact: ${verdict.rows} rows`]
          : [`audit log BROKEN at row ${verdict.firstBadSeq} (${verdict.reason}) of ${verdict.rows}`],
      );
      return verdict.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
