// Our one trusted origin (app://kiosk) and the test every navigation, IPC sender and protocol request is held to.
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the window starts and where it goes back to after a renderer crash. */
export const HOME_URL = `${APP_ORIGIN}/index.html`;

/** True only for app://kiosk/… — never another host of our scheme, never file:, http(s):, javascript: or data:. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
