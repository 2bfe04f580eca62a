// IPC: one handler per contract channel, only our own top frame may call, input is validated before any handler runs.
import assert from 'node:assert/strict';
import { beforeEach, test, type TestContext } from 'node:test';
import { createEventHub } from '../../electron/app/events.js';
import { channelNames, eventIpcChannel, type AppInfo } from '../../electron/ipc/contract.js';
import type { Handlers } from '../../electron/ipc/dispatch.js';
import { setupIpc } from '../../electron/main/ipc.js';
import { createMainWindow } from '../../electron/main/window.js';
import { setupSecurity } from '../../electron/main/security.js';
import { BrowserWindow as StubWindow, StubEvent, StubWebContents, app, frame, ipcMain, resetElectronStub } from '../stubs/electron.js';

beforeEach(resetElectronStub);

const info: AppInfo = {
  version: '1.0.0',
  demo: true,
  hallName: '测试大厅',
  defaultLanguage: 'zh-CN',
  kioskMode: true,
  voice: true,
  idle: { timeoutSeconds: 90, warningSeconds: 30 },
  shell: 'electron',
};

function setup(t: TestContext) {
  const reached: string[] = [];
  const logged: Array<Record<string, unknown>> = [];
  // Every channel gets a recording handler, so any channel reached without authorisation or validation shows up.
  const handlers = Object.fromEntries(
    channelNames.map((channel) => [channel, () => (reached.push(channel), channel === 'app.info' ? info : undefined)]),
  ) as unknown as Handlers;
  const events = createEventHub();
  const win = createMainWindow({ kioskMode: true, preloadPath: '/p.cjs', url: 'app://kiosk/index.html' });
  const stubWin = StubWindow.instances[0]!;
  const dispose = setupIpc({ handlers, events, getWindow: () => win, log: (entry) => logged.push(entry) });
  t.after(dispose);
  const call = (channel: string, input: unknown, event: { sender: unknown; senderFrame: unknown }) => {
    const handler = ipcMain.handlers.get(channel);
    assert.ok(handler, `no handler for ${channel}`);
    return handler(event, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  };
  const ours = (url = 'app://kiosk/index.html') => ({ sender: stubWin.webContents, senderFrame: frame(url) });
  return { reached, logged, events, stubWin, dispose, call, ours };
}

test('every contract channel has exactly one ipcMain handler, and there is nothing else', (t) => {
  setup(t);
  assert.deepEqual([...ipcMain.handlers.keys()].sort(), [...channelNames].sort());
  assert.deepEqual([...ipcMain.handleCalls].sort(), [...channelNames].sort(), 'each channel registered once');
  assert.deepEqual(ipcMain.eventNames(), [], 'no raw ipcMain.on listeners');
});

test('our own top frame on app://kiosk reaches the handler and gets an ok envelope', async (t) => {
  const { call, ours, reached } = setup(t);
  const answer = await call('app.info', {}, ours('app://kiosk/index.html#/staff'));
  assert.deepEqual(answer, { ok: true, value: info });
  assert.deepEqual(reached, ['app.info']);
});

test('calls from a foreign URL, another host, a sub-frame, a lost frame or another WebContents are unauthorized', async (t) => {
  const { call, ours, reached, stubWin } = setup(t);
  const other = new StubWindow().webContents;
  const hostile = [
    ours('https://evil.example/'),
    ours('file:///etc/passwd'),
    ours('app://evil/index.html'),
    { sender: stubWin.webContents, senderFrame: frame('app://kiosk/index.html', frame('app://kiosk/index.html')) },
    { sender: stubWin.webContents, senderFrame: null },
    { sender: other, senderFrame: frame('app://kiosk/index.html') },
  ];
  for (const event of hostile) {
    const answer = await call('app.info', {}, event);
    assert.equal(answer.ok, false);
    assert.equal(answer.error?.code, 'unauthorized');
  }
  assert.deepEqual(reached, [], 'no handler ran');
});

test('malformed input answers invalid-input and never reaches the handler', async (t) => {
  const { call, ours, reached } = setup(t);
  for (const input of [{ extra: 1 }, 'app.info', 42, [1, 2]]) {
    const answer = await call('app.info', input, ours());
    assert.equal(answer.ok, false);
    assert.equal(answer.error?.code, 'invalid-input');
  }
  assert.deepEqual(reached, []);
});

test('events from the hub reach the window on their event channel, until disposed', (t) => {
  const { events, stubWin, dispose } = setup(t);
  const payload = { now: '2026-01-01T08:00:00.000+08:00' };
  events.emit('clock.tick', payload);
  assert.deepEqual(stubWin.webContents.sent, [{ channel: eventIpcChannel('clock.tick'), args: [payload] }]);
  dispose();
  events.emit('clock.tick', payload);
  assert.equal(stubWin.webContents.sent.length, 1);
  assert.equal(ipcMain.handlers.size, 0);
});

/** A WebFrameMain whose frame is gone: Electron throws on every property read. */
function disposedFrame() {
  const fail = () => {
    throw new Error('Render frame was disposed before WebFrameMain could be accessed');
  };
  return Object.defineProperties({}, { url: { get: fail }, parent: { get: fail } });
}

test('hostile callers on every channel: refused with an envelope, nothing reaches a handler, the log names no URL', async (t) => {
  const { call, ours, reached, logged, stubWin } = setup(t);
  // A WebContents Electron made for something else (announced like any other, hardened, still not our window).
  const stray = new StubWebContents();
  app.emit('web-contents-created', new StubEvent(), stray);
  const top = 'app://kiosk/index.html';
  const hostile = [
    ours('https://evil.example/?id=110101199003077777'),
    ours('data:text/html,<script>kiosk.invoke()</script>'),
    ours('about:blank'),
    ours('app://kiosk.evil/index.html'),
    ours('app://user:pw@kiosk/index.html'),
    ours('file:///opt/kiosk/dist/renderer/index.html'),
    // A sub-frame of our own page, even one showing our own origin.
    { sender: stubWin.webContents, senderFrame: frame(top, frame(top)) },
    { sender: stubWin.webContents, senderFrame: frame('https://ads.example/', frame(top)) },
    { sender: stubWin.webContents, senderFrame: null },
    { sender: stubWin.webContents, senderFrame: disposedFrame() },
    { sender: stray, senderFrame: frame(top) },
    { sender: null, senderFrame: frame(top) },
  ];
  for (const channel of channelNames) {
    for (const event of hostile) {
      const answer = await call(channel, {}, event);
      assert.equal(answer.ok, false, channel);
      assert.equal(answer.error?.code, 'unauthorized', channel);
    }
  }
  assert.deepEqual(reached, [], 'no handler ran');
  assert.equal(logged.length, channelNames.length * hostile.length);
  assert.ok(logged.every((entry) => entry.event === 'ipc-unauthorized' && Object.keys(entry).sort().join() === 'channel,event'));
  // Control: the same harness lets our own top frame through, so the refusals above are the check at work.
  assert.equal((await call('app.info', {}, ours(top))).ok, true);
});

test('a destroyed window refuses even its own frame', async (t) => {
  const { call, ours, reached, stubWin } = setup(t);
  stubWin.destroyed = true;
  assert.equal((await call('app.info', {}, ours())).error?.code, 'unauthorized');
  assert.deepEqual(reached, []);
});

test('with the security hooks on, the window itself stays trusted and its own calls still work', async (t) => {
  setupSecurity();
  const { call, ours, reached } = setup(t);
  assert.equal((await call('app.info', {}, ours())).ok, true);
  assert.deepEqual(reached, ['app.info']);
});
