// The kiosk window: isolated sandboxed renderer without Node or <webview>, kiosk/fullscreen exactly when settings say.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { createMainWindow, windowOptions } from '../../electron/main/window.js';
import { BrowserWindow as StubWindow, app, resetElectronStub } from '../stubs/electron.js';

beforeEach(resetElectronStub);

const PRELOAD = '/opt/kiosk/dist/preload/index.cjs';
const devToolsOf = (win: StubWindow) => (win.options.webPreferences as { devTools?: boolean } | undefined)?.devTools;

test('the renderer is isolated, sandboxed, without Node integration, webview or insecure content', () => {
  const prefs = windowOptions({ kioskMode: true, preloadPath: PRELOAD }).webPreferences;
  assert.ok(prefs);
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.preload, PRELOAD);
});

test('kiosk mode on: kiosk and fullscreen, DevTools off', () => {
  const options = windowOptions({ kioskMode: true, preloadPath: PRELOAD });
  assert.equal(options.kiosk, true);
  assert.equal(options.fullscreen, true);
  assert.equal(options.webPreferences?.devTools, false);
});

test('kiosk mode off: a normal window a developer can inspect', () => {
  const options = windowOptions({ kioskMode: false, preloadPath: PRELOAD });
  assert.equal(options.kiosk, false);
  assert.equal(options.fullscreen, false);
  assert.equal(options.webPreferences?.devTools, true);
});

test('createMainWindow builds one window with those options, loads the URL, shows it when ready', () => {
  createMainWindow({ kioskMode: true, preloadPath: PRELOAD, url: 'app://kiosk/index.html' });
  assert.equal(StubWindow.instances.length, 1);
  const win = StubWindow.instances[0]!;
  assert.deepEqual(win.options, windowOptions({ kioskMode: true, preloadPath: PRELOAD }));
  assert.deepEqual(win.webContents.loads, ['app://kiosk/index.html']);
  assert.equal(win.menuRemoved, true);
  assert.equal(win.shown, false, 'hidden until painted');
  win.emit('ready-to-show');
  assert.equal(win.shown, true);
});

test('a packaged release never has DevTools, even with kiosk mode off for maintenance', () => {
  assert.equal(windowOptions({ kioskMode: false, preloadPath: PRELOAD, packaged: true }).webPreferences?.devTools, false);
  assert.equal(windowOptions({ kioskMode: true, preloadPath: PRELOAD, packaged: true }).webPreferences?.devTools, false);
  // createMainWindow asks Electron itself when not told.
  app.isPackaged = true;
  createMainWindow({ kioskMode: false, preloadPath: PRELOAD, url: 'app://kiosk/index.html' });
  assert.equal(devToolsOf(StubWindow.instances[0]!), false);
});

test('where DevTools are off, anything that still opens them has them shut at once', () => {
  const logged: Array<Record<string, unknown>> = [];
  createMainWindow({ kioskMode: true, preloadPath: PRELOAD, url: 'app://kiosk/index.html', log: (e) => logged.push(e) });
  const wc = StubWindow.instances[0]!.webContents;
  wc.openDevTools();
  assert.equal(wc.isDevToolsOpened(), false);
  assert.deepEqual(logged, [{ event: 'devtools-closed' }]);
});

test('control: a developer run from source (not packaged, kiosk mode off) keeps DevTools open', () => {
  createMainWindow({ kioskMode: false, preloadPath: PRELOAD, url: 'app://kiosk/index.html' });
  const wc = StubWindow.instances[0]!.webContents;
  assert.equal(devToolsOf(StubWindow.instances[0]!), true);
  wc.openDevTools();
  assert.equal(wc.isDevToolsOpened(), true);
});
