// Settings migrations: index N upgrades a version-N settings object to N+1. Append only.
import { defaultSettings } from './schema.js';

type Raw = Record<string, unknown>;

export const settingsMigrations: Array<(raw: Raw) => Raw> = [
  // 0 → 1: the unversioned pilot file had `language` and a flat `idleSeconds`.
  (raw) => {
    const { language, idleSeconds, ...rest } = raw;
    return {
      ...defaultSettings,
      ...rest,
      defaultLanguage: language ?? defaultSettings.defaultLanguage,
      idle: typeof idleSeconds === 'number' ? { ...defaultSettings.idle, timeoutSeconds: idleSeconds } : defaultSettings.idle,
      schemaVersion: 1,
    };
  },
];
