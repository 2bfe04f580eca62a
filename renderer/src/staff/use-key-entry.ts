// Lets a physical keyboard drive an on-screen keypad: accepted characters, Backspace, Delete (clear) and Enter.
import { useEffect, useEffectEvent, type RefObject } from 'react';

interface KeyEntryOptions {
  /** The screen the keypad is on: keys are ignored while it is inert (the idle warning covers it). */
  scope: RefObject<HTMLElement | null>;
  /** One typed character → the character to add (e.g. upper-cased), or undefined to ignore it. */
  accept: (key: string) => string | undefined;
  onInput: (character: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  onEnter: () => void;
}

/** Keys that already do something on a focused control: left to it, so one press never acts twice. */
const ownsKey = (target: EventTarget | null, key: string) =>
  target instanceof HTMLElement && target.closest('button, a, input, select, textarea') !== null && (key === 'Enter' || key === ' ');

export function useKeyEntry({ scope, accept, onInput, onBackspace, onClear, onEnter }: KeyEntryOptions) {
  const input = useEffectEvent(onInput);
  const backspace = useEffectEvent(onBackspace);
  const clear = useEffectEvent(onClear);
  const enter = useEffectEvent(onEnter);
  const accepted = useEffectEvent(accept);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      if (!scope.current || scope.current.closest('[inert]')) return;
      if (ownsKey(event.target, event.key)) return;
      if (event.key === 'Backspace') backspace();
      else if (event.key === 'Delete') clear();
      else if (event.key === 'Enter') enter();
      else {
        const character = event.key.length === 1 ? accepted(event.key) : undefined;
        if (character === undefined) return;
        input(character);
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [scope]);
}
