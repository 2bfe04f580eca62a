// A piece of core's state the screen follows (reader, province link, printer): asked once at start, then every push
// of the event with the same name.
import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ChannelInput, ChannelOutput, EventPayload } from '../../../electron/ipc/contract.js';

/** Channels that core also pushes, under the same name, whenever their answer changes. */
export type CoreStateName = 'reader.status' | 'sync.status' | 'printer.status';

/** Undefined until core has answered (or when it could not): no news is not shown as bad news. */
export function useCoreState<N extends CoreStateName>(kiosk: KioskApi, name: N): ChannelOutput<N> | undefined {
  const [state, setState] = useState<ChannelOutput<N>>();

  useEffect(() => {
    let current = true;
    const unsubscribe = kiosk.on(name, (pushed: EventPayload<N>) => setState(pushed as ChannelOutput<N>));
    // Each of these channels takes no input.
    void kiosk.invoke(name, {} as ChannelInput<N>).then((envelope) => {
      // A push that arrived before the answer is newer than it; keep the push.
      if (current && envelope.ok) setState((previous) => previous ?? envelope.value);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [kiosk, name]);

  return state;
}
