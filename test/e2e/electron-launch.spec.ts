// The real Electron window, where the binary exists: sandboxed, no Node in the page, the preload's two functions only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { buildSteps, electronBinary } from '../../electron/launcher/start.js';
import { projectRoot } from '../../electron/app/paths.js';

const root = projectRoot();
const binary = electronBinary(root);

test('Electron opens the home screen with only window.kiosk exposed', async () => {
  if (!binary) console.log('skipped: no Electron binary (node_modules/electron has no downloaded dist/)');
  test.skip(!binary, 'skipped: no Electron binary');
  test.setTimeout(180_000);
  for (const step of buildSteps(root)) expect(spawnSync(process.execPath, step.args, { cwd: root }).status, step.name).toBe(0);
  const userData = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('home')).toBeVisible();
    const exposed = await page.evaluate(() => ({
      kiosk: Object.keys(window.kiosk ?? {}).sort(),
      node: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ kiosk: ['invoke', 'on'], node: 'undefined', process: 'undefined' });
    expect(page.url()).toMatch(/^app:\/\/kiosk\//);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
