// `purge [--db FILE] [--days N] [--dry-run] [--json]`: scrub the personal values of closed, synced applications older
// than the retention period (settings retention.days, or --days), with an audit row; --dry-run only counts.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../../app/database.js';
import { openNodeSettings } from '../../app/node-settings.js';
import { defaultDataDir } from '../../app/paths.js';
import { systemClock } from '../../core/clock.js';
import { purgeExpired } from '../../core/privacy/purge.js';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, retentionDaysOf } from '../../core/privacy/retention.js';
import { databaseArgument, report, UsageError, type Command } from '../command.js';

/** --days as given by an operator: a whole number of days within the settings' bounds. */
function daysArgument(text: string | undefined, env: NodeJS.ProcessEnv): number {
  if (text === undefined) return retentionDaysOf(openNodeSettings(defaultDataDir(env)).read());
  const days = /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS)) {
    throw new UsageError(`--days "${text}" is not a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`);
  }
  return days;
}

export const purge: Command = {
  name: 'purge',
  usage: 'purge [--db FILE] [--days N] [--dry-run] [--json]',
  summary: 'scrub personal data of applications closed and synced longer than the retention period (settings, or --days)',
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        days: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const file = databaseArgument(values.db, io.env);
    // A purge of a file that is not there would create an empty database: a typo in --db must not pass as "0 purged".
    if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
    const retentionDays = daysArgument(values.days, io.env);
    const { db } = openMigratedDatabase(file);
    try {
      const result = purgeExpired(db, systemClock, { retentionDays, dryRun: values['dry-run'] });
      const { applications, printJobs, codes } = result.purged;
      const verb = result.dryRun ? 'would purge' : 'purged';
      report(io, values.json, { ok: true, purged: { applications, printJobs, codes }, before: result.before, dryRun: result.dryRun }, [
        `${verb} ${applications} applications closed and synced before ${result.before} (${retentionDays} days)`,
        `${verb} ${printJobs} print jobs and ${codes} cached codes`,
        ...(result.dryRun || result.walCleared ? [] : ['the WAL could not be emptied now (another reader); the next checkpoint does it']),
      ]);
      return 0;
    } finally {
      db.close();
    }
  },
};
