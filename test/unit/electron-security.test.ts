// Hostile content on the stub: no navigation off app://kiosk, no popups or external links, no <webview>, no permission,
// no device, no network from any page or session, and every WebContents ever created gets the same locks.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { BLOCKED_REQUEST_URLS, CONTENT_SECURITY_POLICY, setupSecurity } from '../../electron/main/security.js';
import {
  BrowserWindow as StubWindow,
  StubEvent,
  StubSession,
  StubWebContents,
  app,
  resetElectronStub,
  session,
  shell,
} from '../stubs/electron.js';

let logged: Array<Record<string, unknown>> = [];
beforeEach(() => {
  resetElectronStub();
  logged = [];
  setupSecurity((entry) => logged.push(entry));
});

// Electron announces each new WebContents on `app`; the stub window does the same.
const contents = () => new StubWindow().webContents;
/** A WebContents that is no window of ours (a devtools host, a background page…), announced the way Electron does. */
function bareContents(ownSession?: StubSession): StubWebContents {
  const wc = new StubWebContents();
  wc.ownSession = ownSession;
  app.emit('web-contents-created', new StubEvent(), wc);
  return wc;
}
// An ID number in a query string: blocked URLs must never reach a log line.
const CANARY = '110101199003077777';
const hostile = [
  'https://evil.example/',
  `https://evil.example/steal?id=${CANARY}`,
  'http://10.0.0.1/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'app://evil/index.html',
  'app://kiosk.evil/index.html',
  'app://user:pw@kiosk/index.html',
  'data:text/html,<h1>x',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'http://127.0.0.1:7788/',
  'not a url',
];

function assertNavigationLocks(wc: StubWebContents) {
  for (const kind of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    for (const url of hostile) {
      const event = new StubEvent({ url });
      wc.emit(kind, event, url);
      assert.equal(event.defaultPrevented, true, `${kind} to ${url} must be blocked`);
    }
    const ownUrl = 'app://kiosk/index.html#/verify';
    const home = new StubEvent({ url: ownUrl });
    wc.emit(kind, home, ownUrl);
    assert.equal(home.defaultPrevented, false, `${kind} inside our own origin stays allowed`);
  }
  assert.ok(wc.windowOpenHandler, 'a window-open handler is installed');
  for (const url of [...hostile, 'app://kiosk/index.html']) assert.deepEqual(wc.windowOpenHandler({ url }), { action: 'deny' });
  const webview = new StubEvent();
  wc.emit('will-attach-webview', webview, {}, {});
  assert.equal(webview.defaultPrevented, true, '<webview> attach prevented');
}

test('navigations, redirects and frame navigations off app://kiosk are prevented; our own pages are not', () => {
  const wc = contents();
  assertNavigationLocks(wc);
});

test('a missing or odd event URL fails closed', () => {
  const wc = contents();
  for (const url of [undefined, '', 'APP://KIOSK.evil/']) {
    const event = new StubEvent({ url });
    wc.emit('will-navigate', event, url);
    assert.equal(event.defaultPrevented, true, String(url));
  }
});

test('window.open is denied and no link is ever handed to the desktop (kiosk: no external browser)', () => {
  const wc = contents();
  for (const url of ['https://www.gov.cn/', 'mailto:a@b.c', 'tel:12345', ...hostile]) {
    assert.deepEqual(wc.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }), { action: 'deny' });
    const nav = new StubEvent({ url });
    wc.emit('will-navigate', nav, url);
  }
  assert.deepEqual(shell.openedExternally, [], 'shell.openExternal never called');
});

test('attaching a <webview> is prevented', () => {
  const wc = contents();
  const event = new StubEvent();
  wc.emit('will-attach-webview', event, { preload: '/evil.js' }, { src: 'https://evil.example/' });
  assert.equal(event.defaultPrevented, true);
});

test('Web Bluetooth gets no device: the chooser is answered with "none" instead of the first device in range', () => {
  const wc = contents();
  const event = new StubEvent();
  const picked: string[] = [];
  wc.emit('select-bluetooth-device', event, [{ deviceId: 'AA:BB', deviceName: 'phone' }], (id: string) => picked.push(id));
  assert.equal(event.defaultPrevented, true);
  assert.deepEqual(picked, ['']);
});

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'keyboardLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'idle-detection',
  'window-management',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'fileSystem',
  'serial',
  'hid',
  'usb',
  'bluetooth',
  'unknown',
];

function assertSessionLocked(ses: StubSession, requester: StubWebContents) {
  assert.ok(ses.permissionRequestHandler && ses.permissionCheckHandler && ses.devicePermissionHandler, 'all handlers set');
  for (const permission of PERMISSIONS) {
    const answers: boolean[] = [];
    const details = { requestingUrl: 'app://kiosk/index.html', isMainFrame: true, mediaTypes: ['video', 'audio'] };
    ses.permissionRequestHandler(requester, permission, (granted: boolean) => answers.push(granted), details);
    assert.deepEqual(answers, [false], `request ${permission}`);
    for (const origin of ['app://kiosk', 'https://evil.example'])
      assert.equal(ses.permissionCheckHandler(requester, permission, origin, { isMainFrame: true }), false, `check ${permission}`);
  }
  for (const deviceType of ['serial', 'hid', 'usb'])
    assert.equal(ses.devicePermissionHandler({ deviceType, origin: 'app://kiosk', device: {} }), false, deviceType);
  // Network: http(s) and ws(s) refused in the session itself, whatever the page's CSP.
  const hook = ses.webRequest.beforeRequest;
  assert.ok(hook, 'a request filter is installed');
  assert.deepEqual([...hook.filter.urls].sort(), ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
  for (const url of [`https://evil.example/?id=${CANARY}`, 'wss://evil.example/socket', 'http://127.0.0.1:7788/api']) {
    const answers: unknown[] = [];
    hook.listener({ url, method: 'POST', resourceType: 'xhr' }, (response: unknown) => answers.push(response));
    assert.deepEqual(answers, [{ cancel: true }], url);
  }
}

test('every permission request and check is denied, devices and network included, on the default session', () => {
  assertSessionLocked(session.defaultSession, contents());
  assert.deepEqual(BLOCKED_REQUEST_URLS.length, 4);
});

test('a WebContents created anywhere gets the same locks, its own session included', () => {
  const shared = bareContents();
  assertNavigationLocks(shared);
  const partition = new StubSession();
  const isolated = bareContents(partition);
  assertNavigationLocks(isolated);
  assertSessionLocked(partition, isolated);
});

test('control: a WebContents nobody announced has no locks (so the checks above can fail)', () => {
  const unannounced = new StubWebContents();
  assert.equal(unannounced.windowOpenHandler, undefined);
  assert.equal(unannounced.listenerCount('will-navigate'), 0);
  const fresh = new StubSession();
  assert.equal(fresh.permissionRequestHandler, null);
  assert.equal(fresh.webRequest.beforeRequest, null);
});

test('WebContents that existed before setupSecurity ran are locked too', () => {
  resetElectronStub();
  const early = new StubWindow().webContents;
  assert.equal(early.windowOpenHandler, undefined, 'nothing hardened it yet');
  setupSecurity();
  assertNavigationLocks(early);
});

test('log lines name the scheme and the permission, never a URL or its query', () => {
  const wc = contents();
  const url = `https://evil.example/steal?id=${CANARY}`;
  wc.emit('will-navigate', new StubEvent({ url }), url);
  wc.windowOpenHandler?.({ url });
  session.defaultSession.webRequest.beforeRequest?.listener({ url }, () => {});
  session.defaultSession.permissionRequestHandler?.(wc, 'geolocation', () => {}, { requestingUrl: url });
  const text = JSON.stringify(logged);
  assert.ok(logged.length >= 4, text);
  assert.doesNotMatch(text, new RegExp(CANARY));
  assert.doesNotMatch(text, /evil\.example/);
  assert.match(text, /"scheme":"https"/);
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
