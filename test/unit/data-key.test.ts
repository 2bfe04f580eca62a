// Where the data key comes from: the operator's file, the OS key store, a demo key — and a configured terminal without one refused.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEMO_KEY_FILE, OS_SEALED_KEY_FILE, resolveDataKey, type OsKeyStore } from '../../electron/app/data-key.js';
import { KioskError } from '../../electron/core/errors.js';
import { tempDir } from '../helpers/temp.js';

const refusedWith = (key: string) => (error: unknown) => error instanceof KioskError && error.key === key;

/** A key store that "encrypts" by reversing bytes: enough to see the file is not the key in the clear. */
function fakeStore(available = true): OsKeyStore & { calls: number } {
  const store = {
    calls: 0,
    available: () => available,
    encrypt: (text: string) => {
      store.calls++;
      return Buffer.from(text).reverse();
    },
    decrypt: (sealed: Buffer) => Buffer.from(sealed).reverse().toString(),
  };
  return store;
}

test('an operator key file wins: 64 hex digits or 32 raw bytes, readable by its owner only', (t) => {
  const dir = tempDir(t);
  const hex = join(dir, 'hex.key');
  writeFileSync(hex, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
  const got = resolveDataKey({ keyDir: dir, demo: false, env: { KIOSK_DATA_KEY_FILE: hex }, keyStore: fakeStore() });
  assert.equal(got.source, 'key-file');
  assert.deepEqual(Buffer.from(got.key), Buffer.alloc(32, 0xab));
  const raw = join(dir, 'raw.key');
  writeFileSync(raw, Buffer.alloc(32, 7), { mode: 0o600 });
  assert.deepEqual(Buffer.from(resolveDataKey({ keyDir: dir, demo: false, env: { KIOSK_DATA_KEY_FILE: raw } }).key), Buffer.alloc(32, 7));
  chmodSync(raw, 0o644);
  assert.throws(
    () => resolveDataKey({ keyDir: dir, demo: true, env: { KIOSK_DATA_KEY_FILE: raw } }),
    refusedWith('errors.dataKeyFileOpen'),
  );
  const short = join(dir, 'short.key');
  writeFileSync(short, 'abcd', { mode: 0o600 });
  assert.throws(
    () => resolveDataKey({ keyDir: dir, demo: true, env: { KIOSK_DATA_KEY_FILE: short } }),
    refusedWith('errors.dataKeyFileInvalid'),
  );
  assert.throws(
    () => resolveDataKey({ keyDir: dir, demo: true, env: { KIOSK_DATA_KEY_FILE: join(dir, 'none') } }),
    refusedWith('errors.dataKeyFileUnreadable'),
  );
});

test('the OS key store: a key made once, kept sealed beside the database, the same key ever after', (t) => {
  const dir = tempDir(t);
  const store = fakeStore();
  const first = resolveDataKey({ keyDir: dir, demo: false, env: {}, keyStore: store });
  assert.equal(first.source, 'os-key-store');
  const stored = readFileSync(join(dir, OS_SEALED_KEY_FILE));
  assert.equal(stored.indexOf(Buffer.from(Buffer.from(first.key).toString('hex'))), -1, 'the file is not the key in the clear');
  const second = resolveDataKey({ keyDir: dir, demo: false, env: {}, keyStore: store });
  assert.deepEqual(second.key, first.key);
  assert.equal(store.calls, 1);
  // The keyring is gone (a Linux session without it): refused, never a fallback to a new or demo key.
  assert.throws(
    () => resolveDataKey({ keyDir: dir, demo: true, env: {}, keyStore: fakeStore(false) }),
    refusedWith('errors.dataKeyStoreUnavailable'),
  );
});

test('no key store (plain-text fallback): a demo terminal gets a demo key, a configured one refuses to start', (t) => {
  const dir = tempDir(t);
  assert.throws(
    () => resolveDataKey({ keyDir: dir, demo: false, env: {}, keyStore: fakeStore(false) }),
    refusedWith('errors.dataKeyMissing'),
  );
  assert.equal(existsSync(join(dir, DEMO_KEY_FILE)), false, 'a refusal leaves nothing behind');
  const demo = resolveDataKey({ keyDir: dir, demo: true, env: {}, keyStore: fakeStore(false) });
  assert.equal(demo.source, 'demo');
  assert.deepEqual(resolveDataKey({ keyDir: dir, demo: true, env: {} }).key, demo.key);
  // Configured later with the demo key still there: still refused (the demo key sits beside the data).
  assert.throws(() => resolveDataKey({ keyDir: dir, demo: false, env: {} }), refusedWith('errors.dataKeyMissing'));
});
