// Process life of a kiosk: one instance only, a crashed or hung screen comes back home, the display never sleeps.
import { app, powerSaveBlocker, type BrowserWindow } from 'electron';
import type { MainLog } from './log.js';

/** Returns false (and quits) when another instance holds the lock; that instance's window is brought forward. */
export function setupSingleInstance(getWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}

/**
 * An unattended kiosk must never sit on a dead or frozen page. A hung renderer is killed (Electron's documented
 * recovery), which raises render-process-gone; that, like any crash, reloads the home screen in a fresh process.
 */
export function setupCrashRecovery(win: BrowserWindow, homeUrl: string, log: MainLog = () => {}): void {
  win.webContents.on('render-process-gone', (_event, details) => {
    log({ event: 'renderer-gone', reason: details.reason, exitCode: details.exitCode });
    if (win.isDestroyed()) return;
    win.loadURL(homeUrl).catch(() => log({ event: 'reload-failed' }));
  });
  win.on('unresponsive', () => {
    log({ event: 'renderer-unresponsive' });
    if (!win.isDestroyed()) win.webContents.forcefullyCrashRenderer();
  });
}

/** In kiosk mode the screen stays on; returns the function that releases the blocker. */
export function setupPowerSave(kioskMode: boolean): () => void {
  if (!kioskMode) return () => {};
  const id = powerSaveBlocker.start('prevent-display-sleep');
  return () => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  };
}
