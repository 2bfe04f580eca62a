// `db-check [--db FILE] [--json]`: migrate the configured or given database file and run SQLite's integrity check.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openNodeSettings } from '../../app/node-settings.js';
import { databaseFile, defaultDataDir, migrationsDir } from '../../app/paths.js';
import { loadMigrations, migrate, MigrationError } from '../../core/db/migrations.js';
import { integrityCheck, openDatabase } from '../../core/db/open.js';
import { report, UsageError, type Command } from '../command.js';

export const dbCheck: Command = {
  name: 'db-check',
  usage: 'db-check [--db FILE] [--json]',
  summary: 'apply pending migrations to the database and run PRAGMA integrity_check',
  run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const file = values.db ?? configuredDatabase(io.env);
    if (values.db !== undefined && values.db.trim() === '') throw new UsageError('--db needs a file path');
    mkdirSync(dirname(file), { recursive: true });
    const created = !existsSync(file);
    const db = openDatabase(file);
    try {
      const { schemaVersion, applied } = migrate(db, loadMigrations(migrationsDir()));
      const integrity = integrityCheck(db);
      report(io, values.json, { schemaVersion, integrity }, [
        `database: ${file}${created ? ' (created)' : ''}`,
        `migrations applied now: ${applied.length ? applied.join(', ') : 'none'}`,
        `schema version: ${schemaVersion}`,
        `integrity: ${integrity}`,
      ]);
      return integrity === 'ok' ? 0 : 1;
    } catch (error) {
      if (!(error instanceof MigrationError)) throw error;
      report(io, values.json, { error: error.problem, message: error.message }, [`refused: ${error.message}`]);
      return 1;
    } finally {
      db.close();
    }
  },
};

function configuredDatabase(env: NodeJS.ProcessEnv): string {
  const dataDir = defaultDataDir(env);
  return databaseFile(dataDir, openNodeSettings(dataDir).read().databasePath);
}
