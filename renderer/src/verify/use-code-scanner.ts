// Tells a keyboard-wedge QR scanner from a person on the checkpoint screen: a fast burst of Base45 characters + Enter.
import { useEffect, useEffectEvent, type RefObject } from 'react';
import { WEDGE_MAX_GAP_MS, WEDGE_MEAN_GAP_MS, WEDGE_MIN_LENGTH } from '../kiosk/use-wedge-reader';

/** The QR alphanumeric set, which is exactly Base45's: digits, capitals, space and $ % * + - . / : */
const base45Character = /^[0-9A-Z $%*+\-./:]$/;
/** Keys a scanner may send between characters (Shift for capitals and symbols) without breaking the burst. */
const passThrough = new Set(['Shift', 'CapsLock']);

interface CodeScannerOptions {
  enabled: boolean;
  /** The screen: scans are ignored while it is inert (the idle warning covers it and asks first). */
  scope: RefObject<HTMLElement | null>;
  /** A burst of Base45 characters ended by Enter: the text as scanned, inner and outer spaces kept. */
  onScan: (text: string) => void;
  /** A scanner-fast burst ended by Enter that held a character outside Base45: not a paper code (a URL, a lower-case text). */
  onForeign: () => void;
}

/**
 * Same timing rules as the ID-number wedge reader (use-wedge-reader): a person typing is ignored, one late key is
 * forgiven, the burst as a whole must be scanner-fast. Nothing is trimmed: a space is a Base45 character.
 */
export function useCodeScanner({ enabled, scope, onScan, onForeign }: CodeScannerOptions) {
  const scan = useEffectEvent(onScan);
  const foreign = useEffectEvent(onForeign);

  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let length = 0;
    let alien = false;
    let started = 0;
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey || passThrough.has(event.key)) return;
      if (!scope.current || scope.current.closest('[inert]')) {
        length = 0;
        return;
      }
      // A scanned space must not press whatever button has focus (buttons here are touched, or pressed with Enter).
      if (event.key === ' ') event.preventDefault();
      // Date.now(), not event.timeStamp: fake clocks drive it in tests, and both are wall time in milliseconds.
      const now = Date.now();
      const inBurst = length > 0 && now - last <= WEDGE_MAX_GAP_MS;
      last = now;
      if (event.key.length === 1) {
        if (!inBurst) {
          started = now;
          buffer = '';
          length = 0;
          alien = false;
        }
        length += 1;
        if (base45Character.test(event.key)) buffer += event.key;
        else alien = true;
        return;
      }
      const typed = { text: buffer, length, alien };
      buffer = '';
      length = 0;
      alien = false;
      const meanGap = (now - started) / Math.max(typed.length, 1);
      if (event.key !== 'Enter' || !inBurst || typed.length < WEDGE_MIN_LENGTH || meanGap > WEDGE_MEAN_GAP_MS) return;
      // The scanner's Enter must not also press whatever button happens to have focus.
      event.preventDefault();
      if (typed.alien) foreign();
      else scan(typed.text);
    };
    // Space activates a focused button on key-up: stop that too, or a scanned space could press "Back".
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, [enabled, scope]);
}
