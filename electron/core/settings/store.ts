// Reads, migrates and validates terminal settings over any key-value store (electron-store, conf, or a plain object).
import { KioskError } from '../errors.js';
import { defaultSettings, SETTINGS_VERSION, SettingsSchema, type Settings } from './schema.js';
import { settingsMigrations } from './migrations.js';

/** The port: electron-store and conf both expose their whole content as a `store` property. */
export interface KeyValueStore {
  store: Record<string, unknown>;
}

export interface SettingsStore {
  read(): Settings;
  update(patch: (current: Settings) => Settings): Settings;
}

/** Brings raw stored settings up to the current version; throws on a file newer than this app. */
export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > SETTINGS_VERSION) {
    throw new KioskError('conflict', 'errors.settingsTooNew', { found: version, supported: SETTINGS_VERSION });
  }
  let current = raw;
  while (version < SETTINGS_VERSION) {
    const step = settingsMigrations[version];
    if (!step) throw new Error(`no settings migration from version ${version}`);
    current = step(current);
    version = current.schemaVersion as number;
  }
  return current;
}

/** Parses settings, naming the first bad field (settings files are edited by hand in the field). */
export function parseSettings(raw: unknown): Settings {
  const result = SettingsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || '(root)';
  throw new KioskError('invalid-input', 'errors.settingsInvalid', { field, problem: issue?.message ?? 'invalid' });
}

export function createSettingsStore(kv: KeyValueStore): SettingsStore {
  const read = (): Settings => {
    const raw = kv.store;
    const empty = Object.keys(raw).length === 0;
    const migrated = empty ? { ...defaultSettings } : migrateSettings(raw);
    const settings = parseSettings(migrated);
    if (empty || migrated !== raw) kv.store = settings;
    return settings;
  };
  return {
    read,
    update(patch) {
      const next = parseSettings(patch(read()));
      kv.store = next;
      return next;
    },
  };
}
