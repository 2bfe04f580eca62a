// The browser's Date.now(), renewed every second while mounted: drives countdowns between answers from core (which
// gives the remaining time; only the seconds elapsed since are measured here). Fake clocks drive it in tests.
import { useEffect, useState } from 'react';

export function useTicker(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
