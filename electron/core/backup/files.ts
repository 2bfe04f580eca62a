// The backup folder: list the finished backups, delete by a rule, keep the newest N, and the fsync helpers.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseBackupFileName } from './schema.js';

export interface BackupFile {
  /** Absolute path. */
  file: string;
  name: string;
  /** From the name (the backup's clock), not the file's mtime, which a copy to another disk changes. */
  takenAt: Date;
  bytes: number;
}

/** Finished backups only (a half-written one never carries a backup's name), oldest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const found: Array<BackupFile & { n: number }> = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) found.push({ file, name, takenAt: parsed.takenAt, bytes: stat.size, n: parsed.n });
  }
  found.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || a.n - b.n);
  return found.map(({ n: _n, ...backup }) => backup);
}

/** Deletes every backup the predicate picks (the purge passes "taken before the purge"); returns the deleted paths. */
export function deleteBackups(dir: string, predicate: (backup: BackupFile) => boolean): string[] {
  const doomed = listBackups(dir).filter(predicate);
  for (const backup of doomed) rmSync(backup.file, { force: true });
  if (doomed.length > 0) fsyncDir(dir);
  return doomed.map((b) => b.file);
}

/** Deletes all but the newest `keep` backups. */
export function keepNewest(dir: string, keep: number): string[] {
  const old = new Set(
    listBackups(dir)
      .slice(0, -keep)
      .map((b) => b.name),
  );
  return deleteBackups(dir, (b) => old.has(b.name));
}

/** The temporary name a backup is written under: hidden, and naming the process that writes it. */
export function partialName(finalName: string): string {
  return `.${finalName}.partial-${process.pid}`;
}

const PARTIAL = /^\.kiosk-.*\.partial-(\d+)(?:-journal)?$/;

/** Removes half-written backups left by a process that died (power cut, kill) before it could clean up. */
export function removeStalePartials(dir: string, inProgress: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = PARTIAL.exec(name);
    if (!m || inProgress.has(join(dir, name).replace(/-journal$/, ''))) continue;
    if (Number(m[1]) === process.pid || !processAlive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or delete durable: the directory entry itself is flushed (POSIX); Windows cannot open a folder. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
