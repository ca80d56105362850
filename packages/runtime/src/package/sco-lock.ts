/**
 * One live attempt per SCO per learner: a tab that plays a SCO holds a Web Lock on it for as long as
 * the SCO's session lives. Another tab of the same site asking for it is told it is open elsewhere
 * and waits; it launches as soon as the first tab ends the session, closes or crashes (the browser
 * releases a dead page's locks). Two live copies would each start their own attempt, and one tab's
 * data would overwrite the other's.
 */
export interface ScoLock {
  release(): void;
}

const noLock: ScoLock = { release: () => undefined };

/**
 * Takes the lock `name`; if another tab holds it, calls `onWait` and waits for it. Resolves to the
 * lock, or to undefined if `signal` aborted the wait (the learner moved on).
 */
export async function acquireScoLock(name: string, signal: AbortSignal, onWait: () => void): Promise<ScoLock | undefined> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return noLock;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const lock = { release: () => release() };
  const now = await new Promise<boolean>((resolve) => {
    void locks.request(name, { ifAvailable: true }, (granted) => {
      resolve(!!granted);
      return granted ? held : undefined;
    });
  });
  if (now) return lock;
  if (signal.aborted) return undefined;
  onWait();
  return new Promise((resolve) => {
    locks
      .request(name, { signal }, () => {
        resolve(lock);
        return held;
      })
      .catch(() => resolve(undefined));
  });
}
