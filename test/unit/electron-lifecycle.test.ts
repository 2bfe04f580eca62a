// Lifecycle: a second instance quits and focuses the first, a crashed or hung screen reloads home, no display sleep.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { setupCrashRecovery, setupPowerSave, setupSingleInstance } from '../../electron/main/lifecycle.js';
import { createMainWindow } from '../../electron/main/window.js';
import { BrowserWindow as StubWindow, StubEvent, app, powerSaveBlocker, resetElectronStub } from '../stubs/electron.js';

beforeEach(resetElectronStub);

const HOME = 'app://kiosk/index.html';
const windowAt = (url: string) => {
  const win = createMainWindow({ kioskMode: true, preloadPath: '/p.cjs', url });
  return { win, stub: StubWindow.instances.at(-1)! };
};

test('without the single-instance lock the app quits and installs nothing', () => {
  app.lockResult = false;
  assert.equal(
    setupSingleInstance(() => undefined),
    false,
  );
  assert.equal(app.quitCalls, 1);
  assert.equal(app.listenerCount('second-instance'), 0);
});

test('with the lock, a second launch brings the existing window forward', () => {
  const { win, stub } = windowAt(HOME);
  assert.equal(
    setupSingleInstance(() => win),
    true,
  );
  assert.equal(app.quitCalls, 0);
  stub.minimized = true;
  app.emit('second-instance', new StubEvent(), [], '/');
  assert.equal(stub.minimized, false);
  assert.equal(stub.shown, true);
  assert.equal(stub.focused, true);
});

test('a crashed renderer reloads the home screen', () => {
  const { win, stub } = windowAt('app://kiosk/index.html#/staff/queue');
  setupCrashRecovery(win, HOME);
  stub.webContents.emit('render-process-gone', new StubEvent(), { reason: 'crashed', exitCode: 139 });
  assert.equal(stub.webContents.loads.at(-1), HOME);
  assert.equal(stub.webContents.loads.length, 2);
});

test('a hung renderer is killed and the home screen reloads', () => {
  const { win, stub } = windowAt('app://kiosk/index.html#/apply');
  setupCrashRecovery(win, HOME);
  stub.emit('unresponsive');
  assert.equal(stub.webContents.crashRequests, 1);
  assert.equal(stub.webContents.loads.at(-1), HOME);
});

test('a destroyed window is left alone', () => {
  const { win, stub } = windowAt(HOME);
  setupCrashRecovery(win, HOME);
  stub.destroyed = true;
  stub.webContents.emit('render-process-gone', new StubEvent(), { reason: 'crashed', exitCode: 1 });
  stub.emit('unresponsive');
  assert.equal(stub.webContents.loads.length, 1);
  assert.equal(stub.webContents.crashRequests, 0);
});

test('kiosk mode keeps the display awake until released; otherwise no blocker', () => {
  const release = setupPowerSave(true);
  assert.deepEqual(powerSaveBlocker.started, ['prevent-display-sleep']);
  assert.equal(powerSaveBlocker.active.size, 1);
  release();
  assert.equal(powerSaveBlocker.active.size, 0);
  setupPowerSave(false)();
  assert.deepEqual(powerSaveBlocker.started, ['prevent-display-sleep']);
});
