// Electron entry: registers app:// before ready, then wires settings, core, protocol, security, IPC and the window.
import './pre-ready.js';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createKioskApp } from '../app/create-app.js';
import { projectRoot, rendererDistDir } from '../app/paths.js';
import { startupErrorText } from '../app/startup-error.js';
import { KioskError } from '../core/errors.js';
import { setupIpc } from './ipc.js';
import { electronKeyStore } from './key-store.js';
import { setupCrashRecovery, setupPowerSave, setupSingleInstance } from './lifecycle.js';
import { createMainLog } from './log.js';
import { HOME_URL } from './origin.js';
import { setupProtocol } from './protocol.js';
import { setupSecurity } from './security.js';
import { openSettingsStore } from './settings.js';
import { createMainWindow } from './window.js';

const log = createMainLog();
let win: BrowserWindow | undefined;

// A second kiosk must not boot at all: decided before anything opens the database.
const primary = setupSingleInstance(() => win);

async function start(): Promise<boolean> {
  await app.whenReady();
  // The terminal's data (SQLite, settings) lives in Electron's per-user folder.
  const dataDir = app.getPath('userData');
  const settings = openSettingsStore(dataDir);
  const { kioskMode } = settings.read();
  const kiosk = createKioskApp({ dataDir, settings, shell: 'electron', keyStore: electronKeyStore() });

  setupSecurity(log);
  setupProtocol(rendererDistDir());
  const stopIpc = setupIpc({ handlers: kiosk.handlers, events: kiosk.events, getWindow: () => win, log });
  const stopPowerSave = setupPowerSave(kioskMode);

  win = createMainWindow({ kioskMode, preloadPath: join(projectRoot(), 'dist', 'preload', 'index.cjs'), url: HOME_URL, log });
  setupCrashRecovery(win, HOME_URL, log);

  // One window is the whole app, on every platform: closing it ends the kiosk.
  app.on('window-all-closed', () => app.quit());
  // Closing the core is asynchronous (the reader's line, then the database): hold the quit until it is done.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    stopIpc();
    stopPowerSave();
    void kiosk.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  return true;
}

function failStartup(error: unknown): false {
  // Codes and field names only: a settings problem names the field, never its value.
  const detail =
    error instanceof KioskError
      ? `${error.code} ${error.key} ${JSON.stringify(error.params ?? {})}`
      : error instanceof Error
        ? error.name
        : 'unknown';
  log({ event: 'startup-failed', detail });
  // A refusal core explained (a missing data key, a bad setting) is shown in words, Chinese first, then English.
  const words = error instanceof KioskError ? `${startupErrorText(error)}\n\n` : '';
  dialog.showErrorBox('码上办', `${words}(${detail})`);
  app.exit(1);
  return false;
}

/** Resolves true once the window is up; false for a second instance or a failed start. Tests await it. */
export const started: Promise<boolean> = primary ? start().catch(failStartup) : Promise.resolve(false);
