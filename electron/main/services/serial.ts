/**
 * Runs work one piece at a time, in the order it was asked for; a failure is its caller's and does
 * not stop the work queued after it. For files that must never see two writers at once.
 */
export function createSerial(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
}
