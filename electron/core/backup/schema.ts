// Backup settings and backup file names (pure zod and string work, no Node APIs): shared by settings, core and app.
import { z } from 'zod';

export const BackupSettingsSchema = z
  .object({
    /** Where backups go; relative to the data folder; `backups` in the data folder when not set. */
    dir: z.string().trim().min(1).optional(),
    /** Hours between scheduled backups. */
    everyHours: z.number().min(1).max(168),
    /** How many of the newest backups are kept; older ones are deleted after each backup. */
    keep: z.number().int().min(1).max(365),
  })
  .strict();
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = { everyHours: 24, keep: 7 };

/** `20261127T020000Z`: a UTC second, sortable as text, safe in file names on every OS. */
export function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `kiosk-20261127T020000Z.sqlite`, or `…Z-2.sqlite` for a second backup in the same second. */
export function backupFileName(at: Date, n = 1): string {
  return `kiosk-${fileStamp(at)}${n > 1 ? `-${n}` : ''}.sqlite`;
}

const BACKUP_NAME = /^kiosk-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-(\d+))?\.sqlite$/;

/** The time and same-second counter a backup's name carries; null for any other file. */
export function parseBackupFileName(name: string): { takenAt: Date; n: number } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const takenAt = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (Number.isNaN(takenAt.getTime()) || fileStamp(takenAt) !== name.slice(6, 22)) return null;
  return { takenAt, n: m[7] === undefined ? 1 : Number(m[7]) };
}
