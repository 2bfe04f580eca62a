// Settings outside Electron (browser host, CLI, tests): the same SettingsStore over `conf` in the data folder.
import Conf from 'conf';
import { createSettingsStore, type SettingsStore } from '../core/settings/store.js';

export function openNodeSettings(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', projectName: 'mashangban-kiosk' });
  return createSettingsStore(conf);
}
