// One background job run again and again: never two rounds at once, errors never end the loop, stop waits for the round.
export interface Repeater<T> {
  /** One round now; a round already in progress is returned instead of starting a second one. */
  once(): Promise<T>;
  /** Runs rounds until stop(); `delayAfter` says how long to wait after each (undefined: the round threw). */
  start(delayAfter: (result: T | undefined) => number): void;
  stop(): Promise<void>;
}

export function createRepeater<T>(round: () => Promise<T>, failureLine: string): Repeater<T> {
  let running: Promise<T> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;

  const once = (): Promise<T> => (running ??= round().finally(() => (running = null)));

  return {
    once,
    start(delayAfter) {
      if (!stopped) return;
      stopped = false;
      const loop = async () => {
        if (stopped) return;
        let result: T | undefined;
        try {
          result = await once();
        } catch {
          // A database error must not kill the loop; the next round tries again. No details: they may hold personal data.
          console.error(failureLine);
        }
        if (stopped) return;
        timer = setTimeout(() => void loop(), delayAfter(result));
      };
      void loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
