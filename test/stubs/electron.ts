// Test stand-in for the `electron` module: the same names as plain EventEmitters, with every call recorded for asserts.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Fn = (...args: unknown[]) => unknown;

/** What Electron passes as an event: preventDefault is the one thing security code calls on it. */
export class StubEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A WebFrameMain look-alike; `parent` null means a top frame. */
export const frame = (url: string, parent: unknown = null) => ({ url, parent, top: null });

export class StubWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  loads: string[] = [];
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: Fn | undefined;
  crashRequests = 0;
  mainFrame = frame('');
  devToolsOpen = false;
  /** A WebContents made with its own partition has its own session; by default the shared one, as in Electron. */
  ownSession: StubSession | undefined;
  get session(): StubSession {
    return this.ownSession ?? session.defaultSession;
  }
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    this.url = url;
    this.mainFrame = frame(url);
    return Promise.resolve();
  }
  getURL(): string {
    return this.url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: Fn): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  openDevTools(): void {
    this.devToolsOpen = true;
    this.emit('devtools-opened');
  }
  closeDevTools(): void {
    this.devToolsOpen = false;
  }
  isDevToolsOpened(): boolean {
    return this.devToolsOpen;
  }
  /** Like Electron: killing the renderer is reported as render-process-gone with reason "killed". */
  forcefullyCrashRenderer(): void {
    this.crashRequests += 1;
    this.emit('render-process-gone', new StubEvent(), { reason: 'killed', exitCode: 0 });
  }
}

class StubApp extends EventEmitter {
  /** What requestSingleInstanceLock answers; set false to play the second instance. */
  lockResult = true;
  lockRequests = 0;
  quitCalls = 0;
  exitCodes: number[] = [];
  paths: Record<string, string> = {};
  /** What Electron says of a packaged release build; tests set it true to play one. */
  isPackaged = false;
  requestSingleInstanceLock(): boolean {
    this.lockRequests += 1;
    return this.lockResult;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  getPath(name: string): string {
    this.paths[name] ??= mkdtempSync(join(tmpdir(), `electron-stub-${name}-`));
    return this.paths[name];
  }
  getVersion(): string {
    return '0.0.0-stub';
  }
}
export const app = new StubApp();

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new StubWebContents();
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;
  menuRemoved = false;
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
    // Electron announces every new WebContents on `app`; security hooks rely on it.
    app.emit('web-contents-created', new StubEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  removeMenu(): void {
    this.menuRemoved = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

class StubIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Fn>();
  readonly handleCalls: string[] = [];
  handle(channel: string, handler: Fn): void {
    this.handleCalls.push(channel);
    // Electron throws on a second handler for a channel; so do we, so double registration cannot go unnoticed.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: Fn): void {
    this.handle(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new StubIpcMain();

class StubProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} already handled`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
}
export const protocol = new StubProtocol();

/** session.webRequest: records the one listener per hook, as Electron keeps only the last one set. */
class StubWebRequest {
  beforeRequest: { filter: { urls: string[] }; listener: Fn } | null = null;
  onBeforeRequest(filter: { urls: string[] }, listener: Fn | null): void {
    this.beforeRequest = listener ? { filter, listener } : null;
  }
}

export class StubSession {
  readonly webRequest = new StubWebRequest();
  permissionRequestHandler: Fn | null = null;
  permissionCheckHandler: Fn | null = null;
  devicePermissionHandler: Fn | null = null;
  setPermissionRequestHandler(handler: Fn | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Fn | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Fn | null): void {
    this.devicePermissionHandler = handler;
  }
}
export const session = { defaultSession: new StubSession() };

export const net = {
  fetch: (): Promise<Response> => Promise.reject(new Error('net.fetch is not stubbed: serve files with fs in tests')),
};

class StubPowerSaveBlocker {
  readonly active = new Map<number, string>();
  readonly started: string[] = [];
  private nextId = 1;
  start(type: string): number {
    this.started.push(type);
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}
export const powerSaveBlocker = new StubPowerSaveBlocker();

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
};

export const shell = {
  /** Every URL anything asked the OS to open: a kiosk must never hand a link to the desktop's browser. */
  openedExternally: [] as string[],
  openPath: (): Promise<string> => Promise.resolve('shell is not stubbed'),
  openExternal(url: string): Promise<void> {
    this.openedExternally.push(url);
    return Promise.reject(new Error('shell is not stubbed'));
  },
};

/**
 * safeStorage as on a Linux session without a keyring by default: "available" but on the plain-text 'basic_text'
 * backend. Tests set encryptionAvailable/backend to play DPAPI or libsecret; sealing is a reversible XOR, not plain.
 */
export const safeStorage = {
  encryptionAvailable: true,
  backend: 'basic_text' as string,
  isEncryptionAvailable(): boolean {
    return this.encryptionAvailable;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(text: string): Buffer {
    if (!this.encryptionAvailable) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('stub1:'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]);
  },
  decryptString(sealed: Buffer): string {
    if (!this.encryptionAvailable || sealed.subarray(0, 6).toString() !== 'stub1:')
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(6).map((b) => b ^ 0x5a)).toString('utf8');
  },
};

export const webContents = {
  getAllWebContents: (): StubWebContents[] => BrowserWindow.instances.map((w) => w.webContents),
};

// ---- renderer side (preload) ----

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    if (Object.hasOwn(this.exposed, key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed[key] = api;
  },
};

class StubIpcRenderer extends EventEmitter {
  readonly invokes: Array<{ channel: string; args: unknown[] }> = [];
  readonly rawSends: Array<{ channel: string; args: unknown[] }> = [];
  /** What main answers to invoke; tests replace it. */
  answer: (channel: string, input: unknown) => unknown = () => ({ ok: true, value: null });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invokes.push({ channel, args });
    return Promise.resolve(this.answer(channel, args[0]));
  }
  send(channel: string, ...args: unknown[]): void {
    this.rawSends.push({ channel, args });
  }
  sendSync(channel: string, ...args: unknown[]): unknown {
    this.rawSends.push({ channel, args });
    return undefined;
  }
}
export const ipcRenderer = new StubIpcRenderer();

// Node's `process.type` stays undefined, so electron-store takes the main-process path, as it does in Electron's main.
export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  net,
  powerSaveBlocker,
  dialog,
  shell,
  safeStorage,
  webContents,
  contextBridge,
  ipcRenderer,
};

/** Back to a fresh Electron between tests: no listeners, handlers, windows, exposures or recorded calls. */
export function resetElectronStub(): void {
  app.removeAllListeners();
  Object.assign(app, { lockResult: true, lockRequests: 0, quitCalls: 0, exitCodes: [], isPackaged: false });
  BrowserWindow.instances.length = 0;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcMain.handleCalls.length = 0;
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  Object.assign(session.defaultSession, { permissionRequestHandler: null, permissionCheckHandler: null, devicePermissionHandler: null });
  session.defaultSession.webRequest.beforeRequest = null;
  shell.openedExternally.length = 0;
  Object.assign(safeStorage, { encryptionAvailable: true, backend: 'basic_text' });
  powerSaveBlocker.active.clear();
  powerSaveBlocker.started.length = 0;
  dialog.errors.length = 0;
  contextBridge.exposed = {};
  ipcRenderer.removeAllListeners();
  ipcRenderer.invokes.length = 0;
  ipcRenderer.rawSends.length = 0;
}
