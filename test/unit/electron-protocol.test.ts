// app:// protocol: serves dist/renderer under app://kiosk/ with the CSP, and 404s every way out of that folder.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, test, type TestContext } from 'node:test';
import { createAppProtocolHandler, mapUrlToPath, registerAppScheme, setupProtocol } from '../../electron/main/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.js';
import { protocol, resetElectronStub } from '../stubs/electron.js';
import { tempDir } from '../helpers/temp.js';

beforeEach(resetElectronStub);

/** tmp/renderer holds the build; tmp/secret.txt sits right outside it, where a traversal would land. */
function fixture(t: TestContext) {
  const base = tempDir(t, 'kiosk-protocol-');
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>码上办</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  const secret = join(base, 'secret.txt');
  writeFileSync(secret, 'SECRET');
  const serve = createAppProtocolHandler(root);
  const get = (url: string, method = 'GET') => serve(new Request(url, { method }));
  return { base, root, secret, get };
}

test('app://kiosk/index.html and app://kiosk/ serve the page, with the CSP and nosniff', async (t) => {
  const { get } = fixture(t);
  for (const url of ['app://kiosk/index.html', 'app://kiosk/', 'app://kiosk/index.html?lang=en#/staff']) {
    const response = await get(url);
    assert.equal(response.status, 200, url);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await response.text(), /码上办/);
  }
  const script = await get('app://kiosk/assets/app.js');
  assert.equal(script.status, 200);
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
});

const escapes = (secret: string) => [
  'app://kiosk/%2e%2e%2fsecret.txt',
  'app://kiosk/%2E%2E%2Fsecret.txt',
  'app://kiosk/assets/..%2f..%2fsecret.txt',
  'app://kiosk/..%5csecret.txt',
  `app://kiosk/${encodeURIComponent(secret)}`,
  `app://kiosk/${secret}`,
  'app://kiosk//etc/passwd',
  'app://kiosk/%2Fetc%2Fpasswd',
  'app://kiosk/index.html%00.png',
  'app://kiosk/%E0%A4%A',
];

test('the path guard maps no traversal, encoded traversal or absolute path to any file', (t) => {
  const { root, secret } = fixture(t);
  // Checked without the filesystem, so the guard itself is what is tested, not whether a file happens to exist.
  for (const url of escapes(secret)) assert.equal(mapUrlToPath(root, url), undefined, url);
  assert.equal(mapUrlToPath(root, 'app://kiosk/assets/app.js'), join(root, 'assets', 'app.js'));
  assert.equal(mapUrlToPath(root, 'app://kiosk/'), join(root, 'index.html'));
});

test('those requests answer 404 with the CSP, and a symlink out of the build is refused', async (t) => {
  const { get, secret, root } = fixture(t);
  // Literal and dotted-encoded ../ are folded by the URL parser itself into a path inside the build (and missing there).
  for (const url of [...escapes(secret), 'app://kiosk/../../etc/passwd', 'app://kiosk/%2e%2e/secret.txt']) {
    const response = await get(url);
    assert.equal(response.status, 404, url);
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.notEqual(await response.text(), 'SECRET', url);
  }
  symlinkSync(secret, join(root, 'assets', 'link.txt'));
  assert.equal((await get('app://kiosk/assets/link.txt')).status, 404);
});

test('unknown hosts, folders, missing files and non-GET methods get no content', async (t) => {
  const { get } = fixture(t);
  assert.equal((await get('app://evil/index.html')).status, 404);
  assert.equal((await get('app://kiosk/assets')).status, 404);
  assert.equal((await get('app://kiosk/assets/')).status, 404);
  assert.equal((await get('app://kiosk/missing.js')).status, 404);
  assert.equal((await get('app://kiosk/index.html', 'POST')).status, 405);
  const head = await get('app://kiosk/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test('the app scheme is registered privileged (standard, secure) and handled', (t) => {
  const { root } = fixture(t);
  registerAppScheme();
  assert.deepEqual(protocol.privileged, [
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
  setupProtocol(root);
  assert.deepEqual([...protocol.handlers.keys()], ['app']);
});
