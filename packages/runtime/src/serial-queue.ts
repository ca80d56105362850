/**
 * Runs async steps one after another, so quick clicks or overlapping events never interleave them.
 * A failed step does not stop the ones after it.
 */
export function serialQueue(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>) => {
    const next = tail.then(step, step);
    tail = next.catch(() => undefined);
    return next;
  };
}
