import type { CourseProgress, LessonState, Statement } from '@lms-kit/core';
import type { Attempt, LessonStateKey, ProgressKey, StorageAdapter, StoredRecord } from './adapter.js';

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

interface ChannelMessage {
  scope: string;
  change: StorageChange;
}

/**
 * Wraps an adapter so every write is announced, to this page and to other tabs. This is how a
 * `<lms-progress>` sidebar follows a player in the same page or in another tab.
 */
export function observeStorage(adapter: StorageAdapter): ObservableStorage {
  if (isObservable(adapter)) return adapter;
  const listeners = new Set<StorageChangeListener>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
  const deliver = (change: StorageChange) => listeners.forEach((listener) => listener(change));
  channel?.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
    if (event.data?.scope === adapter.scope) deliver(event.data.change);
  });
  const announce = (change: StorageChange) => {
    deliver(change);
    channel?.postMessage({ scope: adapter.scope, change } satisfies ChannelMessage);
  };
  const after = async <T>(work: Promise<T>, change: StorageChange): Promise<T> => {
    const result = await work;
    announce(change);
    return result;
  };

  return {
    scope: adapter.scope,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getProgress: (key) => adapter.getProgress(key),
    updateProgress: (key: ProgressKey, mutate: (current: CourseProgress | undefined) => CourseProgress) =>
      after(adapter.updateProgress(key, mutate), { type: 'progress', ...pick(key) }),
    listProgress: (learnerId) => adapter.listProgress(learnerId),
    getLessonState: (key) => adapter.getLessonState(key),
    updateLessonState: (key: LessonStateKey, mutate: (current: LessonState | undefined) => LessonState) =>
      after(adapter.updateLessonState(key, mutate), { type: 'lesson-state', ...pick(key), lessonId: key.lessonId }),
    putAttempt: (attempt: Attempt) =>
      after(adapter.putAttempt(attempt), {
        type: 'attempt',
        learnerId: attempt.learnerId,
        courseId: attempt.courseId,
        activityId: attempt.activityId,
      }),
    getAttempt: (id) => adapter.getAttempt(id),
    listAttempts: (query) => adapter.listAttempts(query),
    getValue: (key) => adapter.getValue(key),
    setValue: (key, value) => after(adapter.setValue(key, value), { type: 'value', key }),
    deleteValue: (key) => after(adapter.deleteValue(key), { type: 'value', key }),
    enqueueStatements: (statements: Statement[]) => after(adapter.enqueueStatements(statements), { type: 'outbox' }),
    readOutbox: (limit) => adapter.readOutbox(limit),
    removeFromOutbox: (seqs) => after(adapter.removeFromOutbox(seqs), { type: 'outbox' }),
    countOutbox: () => adapter.countOutbox(),
    putRecord: (collection: string, record: StoredRecord) =>
      after(adapter.putRecord(collection, record), {
        type: 'record',
        collection,
        id: record.id,
        learnerId: record.learnerId,
        courseId: record.courseId,
      }),
    getRecord: (collection, id) => adapter.getRecord(collection, id),
    listRecords: (collection, query) => adapter.listRecords(collection, query),
    deleteRecord: (collection, id) => after(adapter.deleteRecord(collection, id), { type: 'record', collection, id }),
    async close() {
      listeners.clear();
      channel?.close();
      await adapter.close();
    },
  };
}

function isObservable(adapter: StorageAdapter): adapter is ObservableStorage {
  return typeof (adapter as Partial<ObservableStorage>).subscribe === 'function';
}

function pick(key: ProgressKey): ProgressKey {
  return { learnerId: key.learnerId, courseId: key.courseId };
}
