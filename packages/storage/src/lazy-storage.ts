import { STORAGE_METHODS, type StorageAdapter } from './adapter.js';

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
  for (const method of STORAGE_METHODS) {
    lazy[method] = async (...args: unknown[]) => {
      const real = (await adapter()) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return real[method](...args);
    };
  }
  return lazy as unknown as StorageAdapter;
}
