import { useCallback, useSyncExternalStore } from 'react';

/** The part of a headless session a hook reads: `subscribe` and a `getState()` that is stable between changes. */
export interface ObservableSession<State> {
  subscribe(listener: () => void): () => void;
  getState(): State;
}

/**
 * Re-renders the component whenever `session` changes and returns its state. Works with every
 * `@lms-kit/runtime` session (`CourseSession`, `QuizSession`, `PackageSession`) or anything shaped
 * like them.
 */
export function useSessionState<State>(session: ObservableSession<State>): State {
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const getState = useCallback(() => session.getState(), [session]);
  return useSyncExternalStore(subscribe, getState, getState);
}
