// The idle clock behind the "need more time?" warning: plain setTimeout/setInterval + Date.now(), so fake clocks drive it.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

/** What counts as "someone is still here": touches, clicks, keys, scrolling. Mere pointer movement does not. */
const inputEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const listenerOptions = { capture: true, passive: true } as const;
/** How often the countdown re-reads the clock; the shown number changes only once a second. */
const countdownPollMs = 250;

interface IdleTimerOptions {
  enabled: boolean;
  timeoutMs: number;
  warningMs: number;
  onExpire: () => void;
}

export function useIdleTimer({ enabled, timeoutMs, warningMs, onExpire }: IdleTimerOptions) {
  const warningSeconds = Math.ceil(warningMs / 1000);
  /** When the countdown ends, in Date.now() time; null while no warning is shown. */
  const [deadline, setDeadline] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(warningSeconds);
  const returnFocus = useRef<HTMLElement | null>(null);
  const expire = useEffectEvent(onExpire);

  // Watching: each input restarts the quiet period. One timer re-arms itself instead of being reset on every key.
  useEffect(() => {
    if (!enabled || deadline !== null) return;
    // Back from a warning: give focus back to where the person was (the screen is no longer inert now).
    returnFocus.current?.focus();
    returnFocus.current = null;

    let lastInput = Date.now();
    const onInput = () => {
      lastInput = Date.now();
    };
    const check = () => {
      const quietMs = Date.now() - lastInput;
      if (quietMs < timeoutMs) {
        timer = setTimeout(check, timeoutMs - quietMs);
        return;
      }
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setSecondsLeft(warningSeconds);
      setDeadline(Date.now() + warningMs);
    };
    let timer = setTimeout(check, timeoutMs);
    for (const name of inputEvents) window.addEventListener(name, onInput, listenerOptions);
    return () => {
      clearTimeout(timer);
      for (const name of inputEvents) window.removeEventListener(name, onInput, listenerOptions);
    };
  }, [enabled, deadline, timeoutMs, warningMs, warningSeconds]);

  // Warning: count down against Date.now(), so a throttled or late interval still ends on time.
  useEffect(() => {
    if (deadline === null) return;
    const id = setInterval(() => {
      const leftMs = deadline - Date.now();
      if (leftMs > 0) {
        setSecondsLeft(Math.ceil(leftMs / 1000));
        return;
      }
      clearInterval(id);
      returnFocus.current = null;
      setDeadline(null);
      expire();
    }, countdownPollMs);
    return () => clearInterval(id);
  }, [deadline]);

  const moreTime = useCallback(() => setDeadline(null), []);

  return { warning: enabled && deadline !== null, secondsLeft, moreTime };
}
