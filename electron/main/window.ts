// The one kiosk window: fullscreen kiosk when settings say so, and a renderer with no Node and no way out.
import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { MainLog } from './log.js';

export interface WindowConfig {
  kioskMode: boolean;
  /** Absolute path of the bundled CommonJS preload (dist/preload/index.cjs). */
  preloadPath: string;
  /** A packaged release (app.isPackaged): never DevTools, even with kiosk mode off for maintenance. */
  packaged?: boolean;
}

export function windowOptions({ kioskMode, preloadPath, packaged = false }: WindowConfig): BrowserWindowConstructorOptions {
  return {
    title: '码上办',
    width: 1280,
    height: 800,
    // Shown on ready-to-show so residents never see a white flash or a half-drawn screen.
    show: false,
    backgroundColor: '#ffffff',
    kiosk: kioskMode,
    fullscreen: kioskMode,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A keyboard left on a kiosk must not open DevTools; developers run from source with kioskMode off.
      devTools: !kioskMode && !packaged,
    },
  };
}

export function createMainWindow(config: WindowConfig & { url: string; log?: MainLog }): BrowserWindow {
  const options = windowOptions({ ...config, packaged: config.packaged ?? app.isPackaged });
  const win = new BrowserWindow(options);
  if (config.kioskMode) win.removeMenu();
  // Belt and braces: should anything still open DevTools where they are off, they are shut at once.
  if (!options.webPreferences?.devTools) {
    win.webContents.on('devtools-opened', () => {
      win.webContents.closeDevTools();
      config.log?.({ event: 'devtools-closed' });
    });
  }
  win.once('ready-to-show', () => win.show());
  win.loadURL(config.url).catch((error: unknown) => {
    config.log?.({ event: 'load-failed', reason: error instanceof Error ? error.message.slice(0, 120) : 'unknown' });
  });
  return win;
}
