// IPC: one handler per contract channel, only our own top frame may call, input is validated before any handler runs.
import assert from 'node:assert/strict';
import { beforeEach, test, type TestContext } from 'node:test';
import { createEventHub } from '../../electron/app/events.js';
import { channelNames, eventIpcChannel, type AppInfo } from '../../electron/ipc/contract.js';
import type { Handlers } from '../../electron/ipc/dispatch.js';
import { setupIpc } from '../../electron/main/ipc.js';
import { createMainWindow } from '../../electron/main/window.js';
import { BrowserWindow as StubWindow, frame, ipcMain, resetElectronStub } from '../stubs/electron.js';

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
  // Every channel gets a recording handler, so any channel reached without authorisation or validation shows up.
  const handlers = Object.fromEntries(
    channelNames.map((channel) => [channel, () => (reached.push(channel), channel === 'app.info' ? info : undefined)]),
  ) as unknown as Handlers;
  const events = createEventHub();
  const win = createMainWindow({ kioskMode: true, preloadPath: '/p.cjs', url: 'app://kiosk/index.html' });
  const stubWin = StubWindow.instances[0]!;
  const dispose = setupIpc({ handlers, events, getWindow: () => win });
  t.after(dispose);
  const call = (channel: string, input: unknown, event: { sender: unknown; senderFrame: unknown }) => {
    const handler = ipcMain.handlers.get(channel);
    assert.ok(handler, `no handler for ${channel}`);
    return handler(event, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  };
  const ours = (url = 'app://kiosk/index.html') => ({ sender: stubWin.webContents, senderFrame: frame(url) });
  return { reached, events, stubWin, dispose, call, ours };
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
