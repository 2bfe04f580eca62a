// Small real filesystems for storage-fault tests: a size-limited tmpfs, and an ext4 image on a loop device that the
// kernel turns read-only on an error. Both need root; each answers a reason instead when it cannot be had here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface Mounted {
  dir: string;
  /** `mount -o remount,<mode> dir`; throws (with mount's message) when the kernel refuses, e.g. busy. */
  remount(mode: 'ro' | 'rw'): void;
  /** Unmounts (lazily if something still holds a file open) and removes the mount point. Safe to call twice. */
  unmount(): void;
}

export type MountResult = { ok: true; mount: Mounted } | { ok: false; reason: string };

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function message(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}

function rootReason(): string | null {
  return process.getuid?.() === 0 ? null : 'mounting a filesystem needs root (run as root, as CI does)';
}

function mounted(dir: string, cleanup: () => void = () => {}): Mounted {
  let done = false;
  return {
    dir,
    remount: (mode) => run('mount', ['-o', `remount,${mode}`, dir]),
    unmount: () => {
      if (done) return;
      done = true;
      try {
        run('umount', [dir]);
      } catch {
        // A handle a failed open leaked keeps the mount busy: detach it now, the kernel frees it at process exit.
        run('umount', ['-l', dir]);
      }
      rmSync(dir, { recursive: true, force: true });
      cleanup();
    },
  };
}

/** A tmpfs of `sizeKb` KiB at a fresh directory under the system temp folder. */
export function mountTmpfs(sizeKb: number): MountResult {
  const notRoot = rootReason();
  if (notRoot) return { ok: false, reason: notRoot };
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-tmpfs-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: `mount -t tmpfs failed: ${message(error)}` };
  }
  return { ok: true, mount: mounted(dir) };
}

export interface Ext4Mounted extends Mounted {
  /** Makes the kernel record a filesystem error: with errors=remount-ro, ext4 goes read-only at once. */
  triggerError(): void;
  /** Unmounts, repairs the image with e2fsck and mounts it again read-write (what staff do after such an error). */
  repairAndRemount(): void;
}

export type Ext4Result = { ok: true; mount: Ext4Mounted } | { ok: false; reason: string };

/**
 * A `sizeMb` ext4 image (in the system temp folder) mounted through a loop device with errors=remount-ro, the
 * default of many Linux installs: the way a disk really turns read-only under a running program. A tmpfs cannot
 * show this: the kernel refuses `remount,ro` while any file on it is open for writing.
 */
export function mountExt4(sizeMb: number): Ext4Result {
  const notRoot = rootReason();
  if (notRoot) return { ok: false, reason: notRoot };
  const work = mkdtempSync(join(tmpdir(), 'kiosk-ext4-'));
  const image = join(work, 'disk.img');
  const dir = join(work, 'mnt');
  mkdirSync(dir);
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  const options = ['-o', 'loop,errors=remount-ro', image, dir];
  try {
    writeFileSync(image, Buffer.alloc(0));
    run('truncate', ['-s', `${sizeMb}M`, image]);
    run('mkfs.ext4', ['-q', '-F', image]);
    run('mount', options);
  } catch (error) {
    removeWork();
    return { ok: false, reason: `an ext4 image on a loop device could not be mounted: ${message(error)}` };
  }
  const device = () => basename(execFileSync('findmnt', ['-n', '-o', 'SOURCE', dir]).toString().trim());
  const trigger = `/sys/fs/ext4/${device()}/trigger_fs_error`;
  const base = mounted(dir, removeWork);
  if (!existsSync(trigger)) {
    base.unmount();
    return { ok: false, reason: `this kernel has no ${trigger}` };
  }
  return {
    ok: true,
    mount: {
      ...base,
      triggerError: () => writeFileSync(`/sys/fs/ext4/${device()}/trigger_fs_error`, 'storage-faults test\n'),
      repairAndRemount: () => {
        run('umount', [dir]);
        try {
          run('e2fsck', ['-f', '-y', image]);
        } catch (error) {
          // Exit 1 and 2 mean "errors corrected"; anything higher is a failure the caller must see.
          if (((error as { status?: number }).status ?? 8) > 2) throw error;
        }
        run('mount', options);
      },
    },
  };
}
