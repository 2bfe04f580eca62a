// The terminal's keeping jobs: the audit anchor, scheduled backups and the daily retention purge, started and stopped together.
import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { defaultBackupSettings } from '../core/backup/schema.js';
import { deleteBackups } from '../core/backup/files.js';
import { derivedKeyOf } from '../core/privacy/vault.js';
import { retentionDaysOf } from '../core/privacy/retention.js';
import type { SettingsStore } from '../core/settings/store.js';
import { startAuditAnchor } from './audit-anchor.js';
import { backupsDir, startBackups } from './backups.js';
import { startDailyPurge } from './purge-job.js';

export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';
/** Often enough that rows cut from the end of the log are seldom newer than the anchor (audit-anchor.ts). */
const ANCHOR_INTERVAL_MS = 5_000;

/** The anchor sits beside the database it vouches for (so `--db` elsewhere and the CLI find the same one). */
export const auditAnchorFile = (databaseFile: string): string => join(dirname(databaseFile), AUDIT_ANCHOR_FILE);

/**
 * After a restore the log is legitimately shorter than the anchor: the old anchor is kept beside it as evidence of
 * what the log held before, and anchoring starts again from the restored log. Returns the kept file, if any.
 */
export function setAnchorAside(databaseFile: string, stamp: string): string | null {
  const file = auditAnchorFile(databaseFile);
  if (!existsSync(file)) return null;
  const kept = `${file}.before-restore-${stamp}`;
  renameSync(file, kept);
  return kept;
}

export interface TrustJobsOptions {
  db: Db;
  databaseFile: string;
  dataDir: string;
  settings: SettingsStore;
  clock: Clock;
}

/** Logs name the job and an outcome code, never a value (DESIGN.md rule 5). */
export function startTrustJobs({ db, databaseFile, dataDir, settings, clock }: TrustJobsOptions) {
  const anchor = startAuditAnchor({
    db,
    file: auditAnchorFile(databaseFile),
    key: derivedKeyOf(db, 'audit-anchor'),
    intervalMs: ANCHOR_INTERVAL_MS,
    clock,
    onHold: (reason) => console.error(`[audit-anchor] the audit log no longer matches its anchor (${reason}): run \`kiosk audit-verify\``),
  });
  const backupSettings = settings.read().backup ?? defaultBackupSettings;
  const dir = backupsDir(dataDir, backupSettings.dir);
  const backups = startBackups({
    db,
    dir,
    clock,
    everyHours: backupSettings.everyHours,
    keep: backupSettings.keep,
    onResult: (outcome) => {
      if (!outcome.ok) console.error(`[backup] failed: ${outcome.key ?? 'error'}`);
    },
  });
  const purge = startDailyPurge({
    db,
    clock,
    retentionDays: () => retentionDaysOf(settings.read()),
    onResult: (outcome) => {
      if (!outcome.ok) console.error(`[purge] failed at ${outcome.stage} (${outcome.error})`);
    },
    // Backups made before a purge still hold what it removed: they go, and a fresh one replaces them at once.
    afterPurge: async (result) => {
      if (result.purged.applications === 0) return;
      const purgedAt = new Date(result.at).getTime();
      deleteBackups(dir, (backup) => backup.takenAt.getTime() <= purgedAt);
      const fresh = await backups.runNow();
      if (!fresh.ok) throw new Error('the backup after a purge failed');
    },
  });
  return {
    anchor,
    backups,
    purge,
    async stop(): Promise<void> {
      purge.stop();
      await backups.stop();
      anchor.stop();
    },
  };
}
export type TrustJobs = ReturnType<typeof startTrustJobs>;
