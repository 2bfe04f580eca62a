// Wires the contract to Electron IPC: one ipcMain.handle per channel, callers checked, events pushed to the window.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventHub } from '../app/events.js';
import { channelNames, eventIpcChannel } from '../ipc/contract.js';
import { createDispatcher, type Handlers } from '../ipc/dispatch.js';
import { fail } from '../ipc/envelope.js';
import type { MainLog } from './log.js';
import { isAppUrl } from './origin.js';

export interface IpcOptions {
  handlers: Handlers;
  events: EventHub;
  getWindow: () => BrowserWindow | undefined;
  log?: MainLog;
}

/**
 * Only our window's own top frame, showing app://kiosk, may call. A sub-frame, a page that slipped to another origin,
 * or any other WebContents is refused — the sender's frame is checked per call because pages can change.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, win: BrowserWindow | undefined): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame disposed mid-call throws on access: a caller we cannot identify is refused, never let through.
    return false;
  }
}

/** Registers the handlers and the event forwarding; the returned function undoes both. */
export function setupIpc({ handlers, events, getWindow, log = () => {} }: IpcOptions): () => void {
  const dispatch = createDispatcher(handlers, log);
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, getWindow())) {
        log({ event: 'ipc-unauthorized', channel });
        return fail({ code: 'unauthorized', key: 'errors.unauthorized' });
      }
      return dispatch(channel, input, { transport: 'ipc' });
    });
  }
  const unsubscribe = events.subscribe((event, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(eventIpcChannel(event), payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
