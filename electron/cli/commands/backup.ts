// `backup [--db FILE] [--to DIR] [--json]`: an on-demand backup with SQLite's online backup API, safe while the app runs.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { backupsDir } from '../../app/backups.js';
import { openNodeSettings } from '../../app/node-settings.js';
import { defaultDataDir } from '../../app/paths.js';
import { takeBackup } from '../../core/backup/backup.js';
import { defaultBackupSettings } from '../../core/backup/schema.js';
import { systemClock } from '../../core/clock.js';
import { openDatabase } from '../../core/db/open.js';
import { databaseArgument, report, UsageError, type Command } from '../command.js';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup [--db FILE] [--to DIR] [--json]',
  summary: 'back up the database now (checked, then renamed into place; the newest N kept): {"ok":true,"file":…,"bytes":N}',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const file = databaseArgument(values.db, io.env);
    if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
    if (values.to !== undefined && values.to.trim() === '') throw new UsageError('--to needs a folder');
    const dataDir = defaultDataDir(io.env);
    const configured = openNodeSettings(dataDir).read().backup ?? defaultBackupSettings;
    // With --db the backups go beside that file, not into this machine's data folder.
    const dir = values.to ?? (values.db === undefined ? backupsDir(dataDir, configured.dir) : backupsDir(dirname(file)));
    // Read-only: the backup API only reads the source, and a read-only connection can never change the live file.
    const db = openDatabase(file, { readonly: true });
    try {
      const result = await takeBackup({ db, dir, clock: systemClock, keep: configured.keep });
      report(io, values.json, { ok: true, file: result.file, bytes: result.bytes, pages: result.pages, ms: result.ms }, [
        `backup written: ${result.file}`,
        `${result.bytes} bytes (${result.pages} pages) in ${result.ms} ms; the newest ${configured.keep} kept`,
      ]);
      return 0;
    } finally {
      db.close();
    }
  },
};
