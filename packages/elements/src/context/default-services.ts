import { anonymousLearner, isLmsError, uuid, type Learner } from '@lms-kit/core';
import { createIndexedDbStorage, observeStorage, type ObservableStorage, type StorageAdapter } from '@lms-kit/storage';
import { validateBeforeQueueing } from '@lms-kit/xapi';
import type { LmsServices } from './services.js';

const LOCAL_LEARNER_KEY = 'lms-kit:local-learner';

/**
 * The learner when the page names none: a random id kept in the learning store itself, so the
 * anonymous learner and their progress live and go together.
 */
export async function localLearner(storage: StorageAdapter): Promise<Learner> {
  const homePage = location.origin.startsWith('http') ? location.origin : 'urn:lms-kit:local';
  try {
    let id = await storage.getValue<string>(LOCAL_LEARNER_KEY);
    if (!id) {
      id = uuid();
      await storage.setValue(LOCAL_LEARNER_KEY, id);
    }
    return anonymousLearner(id, homePage);
  } catch {
    // Nothing can be stored: a learner for this page only.
    return anonymousLearner(uuid(), homePage);
  }
}

/**
 * Opens `storage`; if the browser refuses to store anything, falls back to memory so the learner
 * can still take the course, and says so through `persistent: false`.
 */
export async function openStorage(storage: StorageAdapter): Promise<{ storage: StorageAdapter; persistent: boolean }> {
  try {
    await storage.countOutbox();
    return { storage, persistent: true };
  } catch (error) {
    if (isLmsError(error, 'storage/unavailable')) return { storage: await createMemoryStorage(), persistent: false };
    throw error;
  }
}

/** The memory adapter is only needed when asked for or when the browser refuses storage. */
export async function createMemoryStorage(): Promise<StorageAdapter> {
  const { MemoryAdapter } = await import('@lms-kit/storage/memory');
  return new MemoryAdapter();
}

/** The document's language, else the browser's (what content such as cmi5 AUs is asked for without a provider `locale`). */
export function pageLocale(): string {
  return document.documentElement.lang || navigator.language || 'en';
}

/** The storage elements are given: statements validated before they are queued, writes announced to this page and other tabs. */
export function elementStorage(storage: StorageAdapter): ObservableStorage {
  return observeStorage(validateBeforeQueueing(storage));
}

let defaults: Promise<LmsServices> | undefined;

/** What elements use on a page with no provider: IndexedDB and the local learner. */
export function defaultServices(): Promise<LmsServices> {
  defaults ??= (async () => {
    const { storage, persistent } = await openStorage(createIndexedDbStorage());
    return {
      storage: elementStorage(storage),
      learner: await localLearner(storage),
      locale: pageLocale(),
      localeFromPage: true,
      persistent,
    };
  })().catch((error: unknown) => {
    defaults = undefined;
    throw error;
  });
  return defaults;
}
