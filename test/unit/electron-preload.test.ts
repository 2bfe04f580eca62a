// Preload: the page gets exactly window.kiosk = { invoke, on } over IPC, and never ipcRenderer or its events.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { KioskApi } from '../../electron/ipc/bridge.js';
import { eventIpcChannel } from '../../electron/ipc/contract.js';
import { StubEvent, contextBridge, ipcRenderer, resetElectronStub } from '../stubs/electron.js';

let kiosk: KioskApi;

before(async () => {
  resetElectronStub();
  // The preload does its work on load, as it does in Electron.
  await import('../../electron/preload/index.js');
  kiosk = contextBridge.exposed.kiosk as KioskApi;
});

test('exactly one global, `kiosk`, holding exactly invoke and on', () => {
  assert.deepEqual(Object.keys(contextBridge.exposed), ['kiosk']);
  assert.deepEqual(Object.keys(kiosk).sort(), ['invoke', 'on']);
  assert.equal(typeof kiosk.invoke, 'function');
  assert.equal(typeof kiosk.on, 'function');
  for (const value of Object.values(contextBridge.exposed)) assert.notEqual(value, ipcRenderer);
});

test('invoke goes over ipcRenderer.invoke on the channel and comes back validated', async () => {
  const value = { schemaVersion: 1, integrity: 'ok', now: '2026-01-01T08:00:00.000+08:00' };
  ipcRenderer.answer = () => ({ ok: true, value });
  ipcRenderer.invokes.length = 0;
  assert.deepEqual(await kiosk.invoke('system.health', {}), { ok: true, value });
  assert.deepEqual(ipcRenderer.invokes, [{ channel: 'system.health', args: [{}] }]);
  // A reply that breaks the contract is not handed to the page as if it were data.
  ipcRenderer.answer = () => ({ ok: true, value: { integrity: 42 } });
  assert.equal((await kiosk.invoke('system.health', {})).ok, false);
});

test('unknown channels never reach IPC, and nothing uses raw send', async () => {
  ipcRenderer.invokes.length = 0;
  const answer = await kiosk.invoke('shell.exec' as 'app.info', {});
  assert.equal(answer.ok, false);
  assert.deepEqual(ipcRenderer.invokes, []);
  assert.deepEqual(ipcRenderer.rawSends, []);
});

test('on subscribes to the event channel, passes only the payload, and its remover unsubscribes', () => {
  const channel = eventIpcChannel('clock.tick');
  const received: unknown[][] = [];
  const off = kiosk.on('clock.tick', (...args: unknown[]) => received.push(args));
  assert.equal(ipcRenderer.listenerCount(channel), 1);
  const payload = { now: '2026-01-01T08:01:00.000+08:00' };
  ipcRenderer.emit(channel, new StubEvent({ sender: ipcRenderer }), payload);
  ipcRenderer.emit(channel, new StubEvent(), { now: 'not a time' });
  assert.deepEqual(received, [[payload]], 'one valid payload, without the IPC event');
  off();
  assert.equal(ipcRenderer.listenerCount(channel), 0);
});
