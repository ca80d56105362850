import { forwardExtensions } from './extensions.js';
import { STORAGE_METHODS, type Attempt, type LessonStateKey, type ProgressKey, type StorageAdapter, type StoredRecord } from './adapter.js';

/** What changed in storage; listeners re-read what they show rather than trusting a payload. */
export type StorageChange =
  | { type: 'progress'; learnerId: string; courseId: string }
  | { type: 'lesson-state'; learnerId: string; courseId: string; lessonId: string }
  | { type: 'attempt'; learnerId: string; courseId: string; activityId: string }
  | { type: 'outbox' }
  | { type: 'record'; collection: string; id: string; learnerId?: string; courseId?: string }
  | { type: 'value'; key: string };

export type StorageChangeListener = (change: StorageChange) => void;

export interface ObservableStorage extends StorageAdapter {
  /** Called for changes made through this page and, via BroadcastChannel, by other tabs on the same store. */
  subscribe(listener: StorageChangeListener): () => void;
}

const CHANNEL = 'lms-kit:storage-changes';

/** For each writing method: the change its arguments describe. Reads pass straight through. */
const WRITES: Partial<Record<keyof StorageAdapter, (...args: never[]) => StorageChange>> = {
  updateProgress: ({ learnerId, courseId }: ProgressKey) => ({ type: 'progress', learnerId, courseId }),
  updateLessonState: ({ learnerId, courseId, lessonId }: LessonStateKey) => ({ type: 'lesson-state', learnerId, courseId, lessonId }),
  putAttempt: ({ learnerId, courseId, activityId }: Attempt) => ({ type: 'attempt', learnerId, courseId, activityId }),
  setValue: (key: string) => ({ type: 'value', key }),
  deleteValue: (key: string) => ({ type: 'value', key }),
  enqueueStatements: () => ({ type: 'outbox' }),
  removeFromOutbox: () => ({ type: 'outbox' }),
  putRecord: (collection: string, { id, learnerId, courseId }: StoredRecord) => ({ type: 'record', collection, id, learnerId, courseId }),
  deleteRecord: (collection: string, id: string) => ({ type: 'record', collection, id }),
};

/**
 * Wraps an adapter so every write is announced, to this page and to other tabs. This is how a
 * `<lms-progress>` sidebar follows a player in the same page or in another tab.
 */
export function observeStorage(adapter: StorageAdapter): ObservableStorage {
  if (typeof (adapter as Partial<ObservableStorage>).subscribe === 'function') return adapter as ObservableStorage;
  const listeners = new Set<StorageChangeListener>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
  const deliver = (change: StorageChange) => listeners.forEach((listener) => listener(change));
  channel?.addEventListener('message', (event: MessageEvent<{ scope: string; change: StorageChange }>) => {
    if (event.data?.scope === adapter.scope) deliver(event.data.change);
  });

  const target = adapter as unknown as Record<string, (...args: never[]) => Promise<unknown>>;
  const observed: Record<string, unknown> = { scope: adapter.scope };
  for (const method of STORAGE_METHODS) {
    const describe = WRITES[method] as ((...args: never[]) => StorageChange) | undefined;
    observed[method] = async (...args: never[]) => {
      const result = await target[method](...args);
      if (describe) {
        const change = describe(...args);
        deliver(change);
        channel?.postMessage({ scope: adapter.scope, change });
      }
      return result;
    };
  }
  // A server's quiz grader (HttpStorageAdapter.quizzes) stays reachable through the observed adapter.
  const { quizzes } = adapter as { quizzes?: unknown };
  if (quizzes) observed.quizzes = quizzes;
  // What a server adds beside the contract (multi-learner reports, the catalog) passes through as well.
  forwardExtensions(adapter, observed, (method, args) => {
    if (method !== 'enrollInCourse') return;
    const change: StorageChange = { type: 'record', collection: 'enrollments', id: String(args[0]) };
    deliver(change);
    channel?.postMessage({ scope: adapter.scope, change });
  });
  observed.subscribe = (listener: StorageChangeListener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  observed.close = async () => {
    listeners.clear();
    channel?.close();
    await adapter.close();
  };
  return observed as unknown as ObservableStorage;
}
