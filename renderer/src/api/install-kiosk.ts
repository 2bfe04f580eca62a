// Makes sure `window.kiosk` exists before the first render: Electron's preload set it, or a browser builds it over HTTP.
import { createBridge } from '../../../electron/ipc/bridge.js';
import { createHttpTransport } from '../../../electron/ipc/transport-http.js';
import { takeBrowserToken } from './browser-token';

export type KioskAccess = { kind: 'ready' } | { kind: 'no-token' };

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const browserTokenSources = () => ({
  location: window.location,
  history: window.history,
  storage: sessionStorageOrUndefined(),
});

/**
 * Opening a new link in a tab that already shows the app only changes the fragment, without a reload. After a host
 * restart that link carries the new token: save it and start over with it.
 */
function reloadOnNewToken() {
  window.addEventListener('hashchange', () => {
    if (!/(^#|&)token=./.test(window.location.hash)) return;
    takeBrowserToken(browserTokenSources());
    window.location.reload();
  });
}

export function installKiosk(): KioskAccess {
  if (window.kiosk) return { kind: 'ready' };
  reloadOnNewToken();
  const token = takeBrowserToken(browserTokenSources());
  if (!token) return { kind: 'no-token' };
  window.kiosk = createBridge(createHttpTransport({ origin: window.location.origin, token }));
  return { kind: 'ready' };
}
