// Settings: defaults on first start, migration of the unversioned file, a specific error for each bad field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Conf from 'conf';
import { KioskError } from '../../electron/core/errors.js';
import { defaultSettings, isDemo, SETTINGS_VERSION } from '../../electron/core/settings/schema.js';
import { createSettingsStore, type KeyValueStore } from '../../electron/core/settings/store.js';
import { tempDir } from '../helpers/temp.js';

const memory = (store: Record<string, unknown> = {}): KeyValueStore => ({ store });

test('an empty store gets the defaults written back, in demo mode', () => {
  const kv = memory();
  const settings = createSettingsStore(kv).read();
  assert.deepEqual(settings, defaultSettings);
  assert.equal(kv.store.schemaVersion, SETTINGS_VERSION);
  assert.equal(isDemo(settings), true);
});

test('the unversioned pilot file is migrated and saved as version 1', () => {
  const kv = memory({ language: 'en', idleSeconds: 45, hallName: '浮山后社区' });
  const settings = createSettingsStore(kv).read();
  assert.equal(settings.defaultLanguage, 'en');
  assert.equal(settings.idle.timeoutSeconds, 45);
  assert.equal(settings.hallName, '浮山后社区');
  assert.equal(kv.store.schemaVersion, 1);
  assert.equal('language' in kv.store, false);
});

test('a bad field is named, and nothing is written', () => {
  const bad = { ...defaultSettings, idle: { timeoutSeconds: 60, warningSeconds: 5 } };
  const kv = memory(structuredClone(bad));
  assert.throws(
    () => createSettingsStore(kv).read(),
    (e: unknown) => e instanceof KioskError && e.key === 'errors.settingsInvalid' && e.params?.field === 'idle.warningSeconds',
  );
  assert.deepEqual(kv.store, bad);
});

test('a settings file from a newer app is refused', () => {
  const kv = memory({ ...defaultSettings, schemaVersion: SETTINGS_VERSION + 1 });
  assert.throws(
    () => createSettingsStore(kv).read(),
    (e: unknown) => e instanceof KioskError && e.key === 'errors.settingsTooNew',
  );
});

test('update validates the whole result before saving', () => {
  const kv = memory();
  const store = createSettingsStore(kv);
  assert.throws(() => store.update((s) => ({ ...s, hallName: '   ' })), KioskError);
  assert.equal(store.read().hallName, defaultSettings.hallName);
  const next = store.update((s) => ({ ...s, province: { endpoint: 'https://province.example/api' } }));
  assert.equal(isDemo(next), false);
});

test('conf on a real file is a working KeyValueStore', (t) => {
  const cwd = tempDir(t);
  const conf = new Conf<Record<string, unknown>>({ cwd, configName: 'settings', projectName: 'kiosk-test' });
  createSettingsStore(conf).update((s) => ({ ...s, voice: false }));
  const reopened = new Conf<Record<string, unknown>>({ cwd, configName: 'settings', projectName: 'kiosk-test' });
  assert.equal(createSettingsStore(reopened).read().voice, false);
});
