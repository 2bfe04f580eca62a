// Sandboxed preload: exposes exactly one object, window.kiosk = { invoke, on }, built on the shared bridge over IPC.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import { createBridge, type KioskApi, type Transport } from '../ipc/bridge.js';
import { eventIpcChannel, isEventName } from '../ipc/contract.js';

// The page's CSP forbids eval; without this zod probes `new Function` and every screen logs a CSP violation.
z.config({ jitless: true });

/** The raw pipe stays in here: the page gets validated calls, never ipcRenderer, send or on for arbitrary channels. */
const ipcTransport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(event, listener) {
    if (!isEventName(event)) return () => {};
    const channel = eventIpcChannel(event);
    // The IpcRendererEvent is dropped: it references ipcRenderer itself and must not reach the page.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

const bridge = createBridge(ipcTransport);

// A fresh object with just these two functions, so nothing else the bridge might grow leaks into the page.
const api: KioskApi = {
  invoke: (channel, input) => bridge.invoke(channel, input),
  on: (event, listener) => bridge.on(event, listener),
};

contextBridge.exposeInMainWorld('kiosk', api);
