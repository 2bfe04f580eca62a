// The one kiosk window: fullscreen kiosk when settings say so, and a renderer with no Node and no way out.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { MainLog } from './log.js';

export interface WindowConfig {
  kioskMode: boolean;
  /** Absolute path of the bundled CommonJS preload (dist/preload/index.cjs). */
  preloadPath: string;
}

export function windowOptions({ kioskMode, preloadPath }: WindowConfig): BrowserWindowConstructorOptions {
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
      // A keyboard left on a kiosk must not open DevTools; developers run with kioskMode off.
      devTools: !kioskMode,
    },
  };
}

export function createMainWindow(config: WindowConfig & { url: string; log?: MainLog }): BrowserWindow {
  const win = new BrowserWindow(windowOptions(config));
  if (config.kioskMode) win.removeMenu();
  win.once('ready-to-show', () => win.show());
  win.loadURL(config.url).catch((error: unknown) => {
    config.log?.({ event: 'load-failed', reason: error instanceof Error ? error.message.slice(0, 120) : 'unknown' });
  });
  return win;
}
