import type { StorageAdapter } from './adapter.js';

type AdapterMethod = Exclude<keyof StorageAdapter, 'scope'>;

/** Every method of the contract; typed so that adding one to `StorageAdapter` fails to compile here until listed. */
const METHODS: Record<AdapterMethod, true> = {
  getProgress: true,
  updateProgress: true,
  listProgress: true,
  getLessonState: true,
  updateLessonState: true,
  putAttempt: true,
  getAttempt: true,
  listAttempts: true,
  getValue: true,
  setValue: true,
  deleteValue: true,
  enqueueStatements: true,
  readOutbox: true,
  removeFromOutbox: true,
  countOutbox: true,
  putRecord: true,
  getRecord: true,
  listRecords: true,
  deleteRecord: true,
  close: true,
};

/**
 * An adapter whose implementation is loaded on first use, so pages that never touch storage never
 * download it (Dexie is ≈30 KiB). A failed load is retried on the next call.
 */
export function lazyStorage(scope: string, load: () => Promise<StorageAdapter>): StorageAdapter {
  let loading: Promise<StorageAdapter> | undefined;
  const adapter = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const lazy = { scope } as Record<string, unknown>;
  for (const method of Object.keys(METHODS)) {
    lazy[method] = async (...args: unknown[]) => {
      const real = (await adapter()) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return real[method](...args);
    };
  }
  return lazy as unknown as StorageAdapter;
}
