// The README's first command: `npm start` on a machine without the Electron binary must still end with the app on screen.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { electronBinary, FALLBACK_NOTICE } from '../../electron/launcher/start.js';
import { projectRoot } from '../../electron/app/paths.js';

const root = projectRoot();

test('npm start falls back to browser mode, says so in one line, and serves the home screen', async ({ page }) => {
  test.skip(electronBinary(root) !== undefined, 'this machine has the Electron binary: see electron-launch.spec.ts');
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-start-'));
  let child: ChildProcess | undefined;
  try {
    child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORT: '0', KIOSK_NO_BROWSER: '1', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${output}`)));
    });
    expect(output).toContain(FALLBACK_NOTICE);
    await page.goto(url);
    await expect(page.getByTestId('home')).toBeVisible();
    await expect(page.getByTestId('demo-banner')).toBeVisible();
  } finally {
    // npm starts tsx which starts node: end the whole group.
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
