// `db-check [--db FILE] [--json]`: migrate the configured or given database file and run SQLite's integrity check.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../../app/database.js';
import { MigrationError } from '../../core/db/migrations.js';
import { integrityCheck } from '../../core/db/open.js';
import { databaseArgument, report, type Command } from '../command.js';

export const dbCheck: Command = {
  name: 'db-check',
  usage: 'db-check [--db FILE] [--json]',
  summary: 'apply pending migrations to the database and run PRAGMA integrity_check',
  run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const file = databaseArgument(values.db, io.env);
    const created = !existsSync(file);
    let opened;
    try {
      opened = openMigratedDatabase(file);
    } catch (error) {
      if (!(error instanceof MigrationError)) throw error;
      report(io, values.json, { error: error.problem, message: error.message }, [`refused: ${error.message}`]);
      return 1;
    }
    const { db, schemaVersion, applied } = opened;
    try {
      const integrity = integrityCheck(db);
      report(io, values.json, { schemaVersion, integrity }, [
        `database: ${file}${created ? ' (created)' : ''}`,
        `migrations applied now: ${applied.length ? applied.join(', ') : 'none'}`,
        `schema version: ${schemaVersion}`,
        `integrity: ${integrity}`,
      ]);
      return integrity === 'ok' ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
