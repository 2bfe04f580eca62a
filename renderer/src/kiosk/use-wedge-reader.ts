// Tells a keyboard-wedge card reader from a person: a burst of fast keystrokes (ID characters) ended by Enter.
import { useEffect, useEffectEvent } from 'react';

/** A wedge "types" a character every few ms; even a fast typist needs ~80 ms or more between keys, on average. */
export const WEDGE_MEAN_GAP_MS = 50;
/**
 * One late key (a busy machine, a USB hiccup) must not lose a swipe, so a single gap may be longer; the burst as a
 * whole must still average WEDGE_MEAN_GAP_MS. A longer pause starts a new burst.
 */
export const WEDGE_MAX_GAP_MS = 150;
/** The shortest document number (a 15-digit legacy resident number). */
export const WEDGE_MIN_LENGTH = 15;

const idCharacter = /^[0-9A-Za-z]$/;
/** Keys a wedge may send between characters (Shift for an upper-case X) without breaking the burst. */
const passThrough = new Set(['Shift', 'CapsLock']);

interface WedgeOptions {
  enabled: boolean;
  onScan: (typed: string) => void;
}

export function useWedgeReader({ enabled, onScan }: WedgeOptions) {
  const scan = useEffectEvent(onScan);

  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let started = 0;
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey || passThrough.has(event.key)) return;
      // Date.now(), not event.timeStamp: fake clocks drive it in tests, and both are wall time in milliseconds.
      const now = Date.now();
      const inBurst = buffer !== '' && now - last <= WEDGE_MAX_GAP_MS;
      last = now;
      if (idCharacter.test(event.key)) {
        if (!inBurst) started = now;
        buffer = inBurst ? buffer + event.key : event.key;
        return;
      }
      const typed = buffer;
      buffer = '';
      // Gaps counted from the first character to the Enter: one per character typed.
      const meanGap = (now - started) / Math.max(typed.length, 1);
      if (event.key !== 'Enter' || !inBurst || typed.length < WEDGE_MIN_LENGTH || meanGap > WEDGE_MEAN_GAP_MS) return;
      // The reader's Enter must not also press whatever button happens to have focus.
      event.preventDefault();
      scan(typed);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled]);
}
