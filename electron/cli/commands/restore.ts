// `restore --from FILE [--db FILE] [--json]`: replace the database with a checked backup while the app is stopped.
import { parseArgs } from 'node:util';
import { migrationsDir } from '../../app/paths.js';
import { restoreBackup } from '../../core/backup/restore.js';
import { systemClock } from '../../core/clock.js';
import { loadMigrations } from '../../core/db/migrations.js';
import { setAnchorAside } from '../../app/trust-jobs.js';
import { fileStamp } from '../../core/backup/schema.js';
import { databaseArgument, report, UsageError, type Command } from '../command.js';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --from FILE [--db FILE] [--json]',
  summary: 'replace the database with a backup (refused while the app has it open); the old file is kept as <db>.before-restore-<time>',
  run(args, io) {
    const { values } = parseArgs({
      args,
      options: { from: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (values.from === undefined || values.from.trim() === '') throw new UsageError('--from needs the backup file');
    const file = databaseArgument(values.db, io.env);
    const result = restoreBackup({ from: values.from, db: file, clock: systemClock, migrations: loadMigrations(migrationsDir()) });
    const anchorKept = setAnchorAside(file, fileStamp(systemClock.now()));
    report(
      io,
      values.json,
      { ok: true, restoredFrom: result.restoredFrom, kept: result.kept, schemaVersion: result.schemaVersion, anchorKept },
      [
        `restored ${file} from ${result.restoredFrom}`,
        result.kept ? `the replaced database is kept as ${result.kept}` : 'there was no database before',
        ...(anchorKept ? [`the audit anchor of the replaced log is kept as ${anchorKept}`] : []),
        `schema version ${result.schemaVersion}${result.applied.length ? ` (applied now: ${result.applied.join(', ')})` : ''}`,
      ],
    );
    return 0;
  },
};
