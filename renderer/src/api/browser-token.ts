// Finds the host's per-launch token in a browser: from the link's #token=… fragment (then hidden), else this tab's session.
export const TOKEN_STORAGE_KEY = 'kiosk.token';

export interface TokenSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** Undefined when the browser refuses storage (e.g. disabled); the fragment alone then still works for this load. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

function fromFragment(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token ? token : undefined;
}

function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

export function takeBrowserToken({ location, history, storage }: TokenSources): string | undefined {
  const fresh = fromFragment(location.hash);
  if (fresh) {
    // Keep it for reloads in this tab only, and take it off the address bar so it is not shown, bookmarked or shared.
    safely(() => storage?.setItem(TOKEN_STORAGE_KEY, fresh));
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fresh;
  }
  return safely(() => storage?.getItem(TOKEN_STORAGE_KEY)) ?? undefined;
}
