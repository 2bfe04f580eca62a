// End-to-end: Debian's Chromium drives the real app in host mode (built screen, real core, real SQLite).
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_PORT = Number(process.env.KIOSK_E2E_PORT ?? 7790);
export const E2E_TOKEN = 'e2e-token-not-for-people';
/**
 * The host's KIOSK_DATA_DIR: printer tickets in printer-out/, the kiosk's SQLite file, the demo province's. Every
 * worker evaluates this file again, so the runner makes the folder once and hands it down in the environment: the host
 * and the specs agree on one folder.
 */
export const E2E_DATA_DIR = (process.env.KIOSK_E2E_DATA_DIR ||= mkdtempSync(join(tmpdir(), 'kiosk-e2e-')));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1080, height: 1920 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx electron/host/index.ts',
    url: `http://127.0.0.1:${E2E_PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { KIOSK_PORT: String(E2E_PORT), KIOSK_HOST_TOKEN: E2E_TOKEN, KIOSK_DATA_DIR: E2E_DATA_DIR },
  },
});
