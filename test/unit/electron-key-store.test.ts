// The data key's OS key store in Electron: real keyrings count, Linux's plain-text 'basic_text' fallback does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeStorage } from 'electron';
import { resolveDataKey } from '../../electron/app/data-key.js';
import { KioskError } from '../../electron/core/errors.js';
import { electronKeyStore } from '../../electron/main/key-store.js';
import { tempDir } from '../helpers/temp.js';

type StubSafeStorage = typeof safeStorage & { encryptionAvailable: boolean; backend: string };
const stub = safeStorage as StubSafeStorage;

function playing(backend: string, available: boolean, run: () => void): void {
  const before = { backend: stub.backend, available: stub.encryptionAvailable };
  stub.backend = backend;
  stub.encryptionAvailable = available;
  try {
    run();
  } finally {
    stub.backend = before.backend;
    stub.encryptionAvailable = before.available;
  }
}

test('linux: gnome-libsecret or kwallet is a key store; basic_text is not, nor is "unavailable"', () => {
  playing('gnome_libsecret', true, () => assert.equal(electronKeyStore('linux').available(), true));
  playing('kwallet5', true, () => assert.equal(electronKeyStore('linux').available(), true));
  playing('basic_text', true, () => assert.equal(electronKeyStore('linux').available(), false));
  playing('gnome_libsecret', false, () => assert.equal(electronKeyStore('linux').available(), false));
  // Windows (DPAPI) and macOS (Keychain) have no such fallback: available means real.
  playing('unknown', true, () => assert.equal(electronKeyStore('win32').available(), true));
});

test('a configured Linux terminal on basic_text refuses to start; with libsecret it makes and keeps its key', (t) => {
  const keyDir = tempDir(t);
  playing('basic_text', true, () =>
    assert.throws(
      () => resolveDataKey({ keyDir, demo: false, env: {}, keyStore: electronKeyStore('linux') }),
      (error) => error instanceof KioskError && error.key === 'errors.dataKeyMissing',
    ),
  );
  playing('gnome_libsecret', true, () => {
    const first = resolveDataKey({ keyDir, demo: false, env: {}, keyStore: electronKeyStore('linux') });
    const second = resolveDataKey({ keyDir, demo: false, env: {}, keyStore: electronKeyStore('linux') });
    assert.equal(first.source, 'os-key-store');
    assert.deepEqual(second.key, first.key);
  });
});
