import { useCallback, useRef, useState } from 'react';
import { plainErrorMessage } from '../platform/plain-error';

export type ActionOutcome<R> = { ok: true; value: R } | { ok: false; error: string };

/**
 * The one way a screen runs an action (a save, a send, a backup): it is busy while the work runs,
 * a second run while busy is ignored (no double submit), and a failure becomes a sentence a person
 * can act on (`plainErrorMessage`), kept in `error` until the next run or `clear()`.
 *
 *   const { run, busy, error } = useAction((id: string) => actions.report(id));
 *   const done = await run(change.id); // { ok: true, value } or { ok: false, error }
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R> | R) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  // A new `run` each render, so callers can pass an inline closure over their current state.
  const run = async (...args: A): Promise<ActionOutcome<R>> => {
    if (running.current) return { ok: false, error: 'Already running' };
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return { ok: true, value: await fn(...args) };
    } catch (e) {
      const message = plainErrorMessage(e);
      setError(message);
      return { ok: false, error: message };
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  const clear = useCallback(() => setError(null), []);
  return { run, busy, error, clear };
}
