import { anonymousLearner, isLmsError, uuid, type Learner } from '@lms-kit/core';
import { MemoryAdapter, createIndexedDbStorage, observeStorage, type StorageAdapter } from '@lms-kit/storage';
import { get, set } from 'idb-keyval';
import type { LmsServices } from './services.js';

const LOCAL_LEARNER_KEY = 'lms-kit:local-learner';

/** A learner for this browser when the page names none: a random id kept in IndexedDB. */
export async function localLearner(): Promise<Learner> {
  const homePage = location.origin.startsWith('http') ? location.origin : 'urn:lms-kit:local';
  try {
    let id = await get<string>(LOCAL_LEARNER_KEY);
    if (!id) {
      id = uuid();
      await set(LOCAL_LEARNER_KEY, id);
    }
    return anonymousLearner(id, homePage);
  } catch {
    // No IndexedDB (private mode, blocked storage): a learner for this page only.
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
    if (isLmsError(error, 'storage/unavailable')) return { storage: new MemoryAdapter(), persistent: false };
    throw error;
  }
}

export function pageLocale(): string {
  return document.documentElement.lang || navigator.language || 'en';
}

let defaults: Promise<LmsServices> | undefined;

/** What elements use on a page with no provider: IndexedDB and the local learner. */
export function defaultServices(): Promise<LmsServices> {
  defaults ??= (async () => {
    const [{ storage, persistent }, learner] = await Promise.all([openStorage(createIndexedDbStorage()), localLearner()]);
    return { storage: observeStorage(storage), learner, locale: pageLocale(), persistent };
  })().catch((error: unknown) => {
    defaults = undefined;
    throw error;
  });
  return defaults;
}
