// Security hooks: no navigation off app://kiosk, no popups, no <webview>, every permission denied, a strict CSP.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, setupSecurity } from '../../electron/main/security.js';
import { BrowserWindow as StubWindow, StubEvent, resetElectronStub, session } from '../stubs/electron.js';

beforeEach(() => {
  resetElectronStub();
  setupSecurity();
});

// Electron announces each new WebContents on `app`; the stub window does the same.
const contents = () => new StubWindow().webContents;
const hostile = [
  'https://evil.example/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'app://evil/index.html',
  'data:text/html,<h1>x',
  'http://127.0.0.1:7788/',
];

for (const kind of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
  test(`${kind}: hostile targets are prevented, our own pages are not`, () => {
    const wc = contents();
    for (const url of hostile) {
      const event = new StubEvent({ url });
      wc.emit(kind, event, url);
      assert.equal(event.defaultPrevented, true, `${kind} to ${url} must be blocked`);
    }
    const home = new StubEvent({ url: 'app://kiosk/index.html#/verify' });
    wc.emit(kind, home, home);
    assert.equal(home.defaultPrevented, false);
  });
}

test('window.open is denied, whatever the URL', () => {
  const wc = contents();
  assert.ok(wc.windowOpenHandler, 'a window-open handler is installed');
  for (const url of [...hostile, 'app://kiosk/index.html']) {
    assert.deepEqual(wc.windowOpenHandler({ url }), { action: 'deny' });
  }
});

test('attaching a <webview> is prevented', () => {
  const wc = contents();
  const event = new StubEvent();
  wc.emit('will-attach-webview', event, {}, {});
  assert.equal(event.defaultPrevented, true);
});

test('every permission request and check is denied, devices included', () => {
  const ses = session.defaultSession;
  assert.ok(ses.permissionRequestHandler && ses.permissionCheckHandler && ses.devicePermissionHandler);
  for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
    const answers: boolean[] = [];
    ses.permissionRequestHandler(contents(), permission, (granted: boolean) => answers.push(granted), {});
    assert.deepEqual(answers, [false], permission);
  }
  for (const permission of ['serial', 'hid', 'usb', 'media', 'geolocation']) {
    assert.equal(ses.permissionCheckHandler(null, permission, 'app://kiosk', {}), false, permission);
  }
  assert.equal(ses.devicePermissionHandler({ deviceType: 'serial', origin: 'app://kiosk' }), false);
});

test('the CSP allows only our own origin (and data: images), with no unsafe or remote sources', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
  const required: Record<string, string> = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'connect-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'frame-ancestors': "'none'",
    'form-action': "'none'",
  };
  for (const [name, value] of Object.entries(required)) assert.equal(directives.get(name), value, name);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-|\*|https?:|ws:/);
});
