/** Called when a session's state changed; read it again with `getState()`. */
export type StateListener = () => void;

/** Receives one event's detail; returning `false` cancels an event that can be cancelled (an intent). */
export type SessionEventListener<Detail> = (detail: Detail) => boolean | void;

/**
 * What every headless session shares: an observable state and typed events. `getState()` returns the
 * same object until the state changes (what `useSyncExternalStore` and similar adapters need), and
 * `subscribe` tells when to read it again. Events are named like the elements' DOM events.
 */
export abstract class Session<State, Events extends object> {
  private readonly stateListeners = new Set<StateListener>();
  private readonly eventListeners = new Map<keyof Events, Set<SessionEventListener<never>>>();
  private snapshot?: State;
  private disposed = false;

  /** Calls `listener` after each change of the state; returns the function that stops it. */
  subscribe(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** The state now: a new object after each change, the same one in between. */
  getState(): State {
    return (this.snapshot ??= this.snapshotState());
  }

  /** Listens to one kind of event; returns the function that stops listening. */
  on<K extends keyof Events>(type: K, listener: SessionEventListener<Events[K]>): () => void {
    let listeners = this.eventListeners.get(type);
    if (!listeners) this.eventListeners.set(type, (listeners = new Set()));
    listeners.add(listener as SessionEventListener<never>);
    return () => listeners.delete(listener as SessionEventListener<never>);
  }

  /** Stops timers and listeners the session holds; the session is not used after it. */
  dispose(): void {
    this.disposed = true;
    this.disconnect();
    this.stateListeners.clear();
    this.eventListeners.clear();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Starts listening to the page (visibility, page hide); views call it when shown. Idempotent. */
  connect(): void {}

  /** Stops listening to the page and saves what is pending; `connect()` resumes. */
  disconnect(): void {}

  protected abstract snapshotState(): State;

  /** Tells subscribers the state changed. */
  protected changed(): void {
    this.snapshot = undefined;
    for (const listener of [...this.stateListeners]) listener();
  }

  /** Sends an event; resolves to false when a listener cancelled it. */
  protected emit<K extends keyof Events>(type: K, detail: Events[K]): boolean {
    let proceed = true;
    for (const listener of [...(this.eventListeners.get(type) ?? [])]) {
      if ((listener as SessionEventListener<Events[K]>)(detail) === false) proceed = false;
    }
    return proceed;
  }
}
