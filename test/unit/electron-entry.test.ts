// The Electron entry end to end on the stub: settings from userData decide kiosk mode, and everything gets wired.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { defaultSettings } from '../../electron/core/settings/schema.js';
import { channelNames } from '../../electron/ipc/contract.js';
import {
  BrowserWindow as StubWindow,
  app,
  dialog,
  frame,
  ipcMain,
  powerSaveBlocker,
  protocol,
  resetElectronStub,
  session,
  StubEvent,
} from '../stubs/electron.js';

afterEach(async () => {
  // Closes the core the entry opened (it holds the quit until then), then forgets every listener, window and handler.
  const quit = new StubEvent();
  app.emit('will-quit', quit);
  for (let i = 0; quit.defaultPrevented && app.quitCalls === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 10));
  const dir = app.paths.userData;
  resetElectronStub();
  delete app.paths.userData;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Each import gets its own module instance (query string), as each Electron launch does. */
async function launch(tag: string, settings?: Record<string, unknown>) {
  if (settings) writeFileSync(join(app.getPath('userData'), 'settings.json'), JSON.stringify(settings));
  const entry = (await import(`../../electron/main/index.js?${tag}`)) as { started: Promise<boolean> };
  return entry.started;
}

test('first start (no settings file): kiosk window on app://kiosk, display kept awake, all channels wired', async () => {
  assert.equal(await launch('first'), true);
  assert.equal(StubWindow.instances.length, 1);
  const win = StubWindow.instances[0]!;
  assert.equal(win.options.kiosk, true);
  assert.equal(win.options.fullscreen, true);
  const prefs = win.options.webPreferences as Record<string, unknown>;
  assert.match(String(prefs.preload), /dist[/\\]preload[/\\]index\.cjs$/);
  assert.deepEqual(win.webContents.loads, ['app://kiosk/index.html']);
  assert.deepEqual(
    protocol.privileged.map((s) => (s as { scheme: string }).scheme),
    ['app'],
  );
  assert.deepEqual([...protocol.handlers.keys()], ['app']);
  assert.ok(session.defaultSession.permissionRequestHandler, 'security installed');
  assert.deepEqual(win.webContents.windowOpenHandler?.({ url: 'https://evil.example' }), { action: 'deny' });
  assert.deepEqual([...ipcMain.handlers.keys()].sort(), [...channelNames].sort());
  assert.deepEqual(ipcMain.eventNames(), [], "electron-store's raw listener is removed");
  assert.deepEqual(powerSaveBlocker.started, ['prevent-display-sleep']);
  assert.equal(win.webContents.listenerCount('render-process-gone'), 1, 'crash recovery installed');
});

test('kioskMode false in settings.json: a plain window, no power blocker, and app.info says so', async () => {
  assert.equal(await launch('dev', { ...defaultSettings, kioskMode: false }), true);
  const win = StubWindow.instances[0]!;
  assert.equal(win.options.kiosk, false);
  assert.equal(win.options.fullscreen, false);
  assert.deepEqual(powerSaveBlocker.started, []);
  const handler = ipcMain.handlers.get('app.info')!;
  const answer = (await handler({ sender: win.webContents, senderFrame: frame('app://kiosk/index.html') }, {})) as {
    ok: boolean;
    value: { kioskMode: boolean; shell: string };
  };
  assert.equal(answer.ok, true);
  assert.equal(answer.value.kioskMode, false);
  assert.equal(answer.value.shell, 'electron');
});

test('a second instance quits before ready and opens nothing', async () => {
  app.lockResult = false;
  assert.equal(await launch('second'), false);
  assert.equal(app.quitCalls, 1);
  assert.equal(StubWindow.instances.length, 0);
  assert.equal(ipcMain.handlers.size, 0);
});

test('a broken settings file stops startup with the field named, and exits non-zero', async () => {
  assert.equal(await launch('broken', { ...defaultSettings, idle: { timeoutSeconds: 60, warningSeconds: 5 } }), false);
  assert.deepEqual(app.exitCodes, [1]);
  assert.equal(StubWindow.instances.length, 0);
  assert.match(dialog.errors[0]?.content ?? '', /idle\.warningSeconds/);
});
