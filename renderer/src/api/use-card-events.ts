// Subscribes to the reader's pushes for as long as the app is mounted; the handlers may change every render.
import { useEffect, useEffectEvent } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { CardProblem, MaskedIdentity } from './card-types';

interface CardEventHandlers {
  onRead: (identity: MaskedIdentity) => void;
  onProblem: (problem: CardProblem) => void;
}

/** `card.removed` is deliberately not listened to: lifting the card changes nothing on screen (UX.md, step 6). */
export function useCardEvents(kiosk: KioskApi, { onRead, onProblem }: CardEventHandlers) {
  const read = useEffectEvent(onRead);
  const problem = useEffectEvent(onProblem);

  useEffect(() => {
    const offRead = kiosk.on('card.read', (identity) => read(identity));
    const offProblem = kiosk.on('card.problem', (payload) => problem(payload.problem));
    return () => {
      offRead();
      offProblem();
    };
  }, [kiosk]);
}
