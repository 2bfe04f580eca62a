// How a browser finds the host's token: the #token= fragment (then saved and hidden), else this tab's sessionStorage.
import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY, takeBrowserToken, type TokenSources } from '../../renderer/src/api/browser-token';
import { installKiosk } from '../../renderer/src/api/install-kiosk';

function sources(hash: string, stored: string | null = null): TokenSources & { saved: Map<string, string> } {
  const saved = new Map<string, string>();
  if (stored !== null) saved.set(TOKEN_STORAGE_KEY, stored);
  return {
    saved,
    location: { hash, pathname: '/index.html', search: '?kiosk=1' },
    history: { state: null, replaceState: vi.fn() },
    storage: { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => void saved.set(k, v) },
  };
}

describe('takeBrowserToken', () => {
  it('takes the fragment token, saves it and removes it from the address bar', () => {
    const s = sources('#token=abc123');
    expect(takeBrowserToken(s)).toBe('abc123');
    expect(s.saved.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(s.history.replaceState).toHaveBeenCalledWith(null, '', '/index.html?kiosk=1');
  });

  it('prefers a fresh fragment over an old saved token', () => {
    expect(takeBrowserToken(sources('#token=new', 'old'))).toBe('new');
  });

  it('falls back to the saved token, leaving the address bar alone', () => {
    const s = sources('', 'saved-token');
    expect(takeBrowserToken(s)).toBe('saved-token');
    expect(s.history.replaceState).not.toHaveBeenCalled();
  });

  it('has nothing when neither is there, or the fragment is empty', () => {
    expect(takeBrowserToken(sources(''))).toBeUndefined();
    expect(takeBrowserToken(sources('#token='))).toBeUndefined();
  });

  it('still works for this load when storage refuses', () => {
    const s = sources('#token=abc');
    s.storage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(takeBrowserToken(s)).toBe('abc');
  });
});

describe('installKiosk', () => {
  it('reports no-token when the browser has no token', () => {
    window.history.replaceState(null, '', '/');
    expect(installKiosk()).toEqual({ kind: 'no-token' });
    expect(window.kiosk).toBeUndefined();
  });

  it('builds window.kiosk over HTTP from the fragment token', () => {
    window.history.replaceState(null, '', '/#token=t0k3n');
    expect(installKiosk()).toEqual({ kind: 'ready' });
    expect(typeof window.kiosk?.invoke).toBe('function');
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('t0k3n');
  });

  it('keeps a bridge the preload already installed', () => {
    const preloaded = { invoke: vi.fn(), on: vi.fn() };
    window.kiosk = preloaded;
    expect(installKiosk()).toEqual({ kind: 'ready' });
    expect(window.kiosk).toBe(preloaded);
  });
});
