import { useEffect, useState } from 'react';

/** The time now, moving on every `everyMs` (each minute by default), for "Synced 2 minutes ago". */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
