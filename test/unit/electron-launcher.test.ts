// `npm start` helpers: finding the Electron binary, the one-line fallback, and the Chromium kiosk flags.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  buildSteps,
  canOpenBrowser,
  chromiumArgs,
  electronBinary,
  FALLBACK_NOTICE,
  findChromium,
  tryInstallElectron,
} from '../../electron/launcher/start.js';
import { tempDir } from '../helpers/temp.js';

test('builds run the local vite and tsc entry points, renderer first', () => {
  const steps = buildSteps('/repo');
  assert.deepEqual(
    steps.map((s) => s.name),
    ['renderer', 'main', 'preload'],
  );
  assert.equal(steps[0]?.args[0], join('/repo', 'node_modules', 'vite', 'bin', 'vite.js'));
  assert.deepEqual(steps[1]?.args.slice(1), ['-p', 'tsconfig.build.json']);
  assert.ok(steps[2]?.args.includes('electron/preload/vite.config.ts'));
  for (const step of buildSteps(process.cwd())) assert.ok(existsSync(step.args[0]!), `${step.args[0]} exists`);
});

test('the Electron binary is found only when path.txt and the file it names both exist', (t) => {
  const root = tempDir(t);
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  assert.equal(electronBinary(root), undefined);
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  assert.equal(electronBinary(root), undefined, 'path.txt without dist/electron');
  writeFileSync(join(pkg, 'dist', 'electron'), '');
  assert.equal(electronBinary(root), join(pkg, 'dist', 'electron'));
});

test('the installer runs once when allowed, and not at all under ELECTRON_SKIP_BINARY_DOWNLOAD', (t) => {
  const root = tempDir(t);
  const marker = join(root, 'installer-ran');
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  // A stand-in install.js that leaves a trace and succeeds.
  writeFileSync(join(root, 'node_modules', 'electron', 'install.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`);
  t.mock.method(console, 'log', () => {});
  assert.equal(tryInstallElectron(root, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }), false);
  assert.equal(existsSync(marker), false);
  assert.equal(tryInstallElectron(root, {}), true);
  assert.equal(existsSync(marker), true);
});

test('the fallback notice is one line naming browser mode and its command', () => {
  assert.doesNotMatch(FALLBACK_NOTICE, /\n/);
  assert.match(FALLBACK_NOTICE, /browser mode/);
  assert.match(FALLBACK_NOTICE, /npm run start:browser/);
});

test('Chromium: Debian path first, then PATH; a browser opens only with a display and no KIOSK_NO_BROWSER', () => {
  const only =
    (...paths: string[]) =>
    (p: string) =>
      paths.includes(p);
  assert.equal(findChromium({ PATH: '/opt/bin' }, only('/usr/bin/chromium', '/opt/bin/google-chrome')), '/usr/bin/chromium');
  assert.equal(findChromium({ PATH: '/a:/opt/bin' }, only('/opt/bin/google-chrome')), '/opt/bin/google-chrome');
  assert.equal(findChromium({ PATH: '/a' }, only()), undefined);
  assert.equal(canOpenBrowser({ DISPLAY: ':0' }), true);
  assert.equal(canOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }), true);
  assert.equal(canOpenBrowser({}), false);
  assert.equal(canOpenBrowser({ DISPLAY: ':0', KIOSK_NO_BROWSER: '1' }), false);
});

test('Chromium runs as an app window in kiosk mode with its own profile and no background network', () => {
  assert.deepEqual(chromiumArgs('http://127.0.0.1:7788/#t', '/data'), [
    '--app=http://127.0.0.1:7788/#t',
    '--kiosk',
    `--user-data-dir=${join('/data', 'chromium')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ]);
});
