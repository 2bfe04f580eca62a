// Locks every web page down: strict CSP, no navigation off our origin, no popups, no <webview>, no permissions, no network.
import { app, session, webContents, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy, securityHeaders } from '../app/csp.js';
import { isAppUrl } from './origin.js';
import type { MainLog } from './log.js';

/**
 * The renderer is a static Vite build served from app://kiosk: nothing inline, nothing remote, no eval. The policy is
 * shared with the browser host (app/csp.ts) so both shells enforce the same rules; Electron needs no extra sources.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers put on every response of the app:// protocol, including 404s. */
export const appProtocolHeaders = (): Record<string, string> => securityHeaders();

/** Applied to every WebContents Electron creates (our window and anything a page might try to spawn). */
export function hardenWebContents(contents: WebContents, log: MainLog = () => {}): void {
  // A kiosk page that leaves our origin would run remote code next to the preload's API: refuse outright.
  const guard = (event: { url: string; preventDefault(): void }, kind: string) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // Only the scheme is logged: a URL can carry query strings with personal data.
    log({ event: 'navigation-blocked', kind, scheme: schemeOf(event.url) });
  };
  contents.on('will-navigate', (event) => guard(event, 'navigate'));
  contents.on('will-frame-navigate', (event) => guard(event, 'frame-navigate'));
  contents.on('will-redirect', (event) => guard(event, 'redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    log({ event: 'window-open-denied', scheme: schemeOf(url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log({ event: 'webview-blocked' });
  });
  // Web Bluetooth picks the first device in range when nobody answers this event: answer "none".
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
    log({ event: 'bluetooth-denied' });
  });
  // A page given its own partition would otherwise start with Electron's allow-everything defaults.
  hardenSession(contents.session, log);
}

/**
 * The renderer only ever loads app://kiosk and talks to core over IPC (the province client runs in main with Node's
 * fetch, outside any session). Refusing http(s)/ws(s) in the network service itself means even a compromised page
 * cannot send a resident's data anywhere, whatever the CSP.
 */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** Every permission, device and network request of one session refused. Idempotent: each setter replaces the last. */
export function hardenSession(ses: Session, log: MainLog = () => {}): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log({ event: 'permission-denied', permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (details, callback) => {
    log({ event: 'request-blocked', scheme: schemeOf(details.url) });
    callback({ cancel: true });
  });
}

/**
 * Must run after `ready` (sessions exist only then) and before the window is created. Devices (card reader,
 * printer) are driven by main through core, so the page never needs camera, serial, HID, USB or anything else.
 */
export function setupSecurity(log: MainLog = () => {}): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  hardenSession(session.defaultSession, log);
  // Anything created before this ran (should the entry's order ever change) is hardened too.
  for (const contents of webContents.getAllWebContents()) hardenWebContents(contents, log);
}

function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match?.[1]?.toLowerCase() ?? '(none)';
}
