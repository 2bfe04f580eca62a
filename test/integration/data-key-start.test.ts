// The kiosk starts only with its data key: a configured terminal without one, or with another, refuses and saves nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createKioskApp } from '../../electron/app/create-app.js';
import { DEMO_KEY_FILE } from '../../electron/app/data-key.js';
import { openNodeSettings } from '../../electron/app/node-settings.js';
import { startupErrorText } from '../../electron/app/startup-error.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import { TEST_DATA_KEY } from '../helpers/data-key.js';
import { tempDir } from '../helpers/temp.js';

const refusedWith = (key: string) => (error: unknown) => error instanceof KioskError && error.key === key;

test('a configured terminal with no data key refuses to start, in words, and leaves no key behind', (t) => {
  const dataDir = tempDir(t);
  const settings = openNodeSettings(dataDir);
  settings.update((s) => ({ ...s, province: { endpoint: 'http://127.0.0.1:9/', hallId: '370202001' } }));
  let refusal: unknown;
  assert.throws(
    () => createKioskApp({ dataDir, settings, shell: 'browser', tickMs: 0 }),
    (error) => ((refusal = error), refusedWith('errors.dataKeyMissing')(error)),
  );
  assert.equal(existsSync(join(dataDir, DEMO_KEY_FILE)), false);
  const words = startupErrorText(refusal);
  assert.match(words, /数据密钥/);
  assert.match(words, /KIOSK_DATA_KEY_FILE/);
  // The database was closed again: the folder can go at once (an open handle would keep the WAL).
  rmSync(dataDir, { recursive: true, force: true });
});

test('the first key seals; a later start with another key is refused before anything is written', async (t) => {
  const dataDir = tempDir(t);
  const settings = openNodeSettings(dataDir);
  settings.update((s) => ({ ...s, province: { endpoint: 'http://127.0.0.1:9/', hallId: '370202001' } }));
  const first = createKioskApp({ dataDir, settings, shell: 'browser', tickMs: 0, dataKey: TEST_DATA_KEY });
  const audits = (first.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
  await first.close();
  assert.throws(
    () => createKioskApp({ dataDir, settings, shell: 'browser', tickMs: 0, dataKey: new Uint8Array(32).fill(9) }),
    refusedWith('errors.dataKeyMismatch'),
  );
  const file = openDatabase(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  assert.equal((file.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n, audits, 'the refused start wrote nothing');
  file.close();
  const again = createKioskApp({ dataDir, settings, shell: 'browser', tickMs: 0, dataKey: TEST_DATA_KEY });
  t.after(() => again.close());
});

test('a demo terminal makes its own demo key beside the database and reuses it', async (t) => {
  const dataDir = tempDir(t);
  const first = createKioskApp({ dataDir, settings: openNodeSettings(dataDir), shell: 'browser', tickMs: 0 });
  await first.close();
  const key = readFileSync(join(dataDir, DEMO_KEY_FILE), 'utf8');
  const second = createKioskApp({ dataDir, settings: openNodeSettings(dataDir), shell: 'browser', tickMs: 0 });
  await second.close();
  assert.equal(readFileSync(join(dataDir, DEMO_KEY_FILE), 'utf8'), key);
});
