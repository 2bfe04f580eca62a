// Terminal settings kept by electron-store in Electron's userData folder, read through core's validating store.
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { createSettingsStore, type SettingsStore } from '../core/settings/store.js';

export const SETTINGS_FILE_NAME = 'settings';

export function openSettingsStore(userDataDir: string): SettingsStore {
  const store = new Store<Record<string, unknown>>({ cwd: userDataDir, name: SETTINGS_FILE_NAME });
  // electron-store installs a raw ipcMain listener for renderer-side stores; our renderer has none, and every
  // channel the page can reach must be one of the contract's, so it goes.
  ipcMain.removeAllListeners('electron-store-get-data');
  return createSettingsStore(store);
}
