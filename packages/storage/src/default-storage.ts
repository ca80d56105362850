import type { StorageAdapter } from './adapter.js';
import type { DexieAdapterOptions } from './dexie/dexie-adapter.js';
import { lazyStorage } from './lazy-storage.js';

/** The IndexedDB adapter, with Dexie loaded only when storage is first used. */
export function createIndexedDbStorage(options: DexieAdapterOptions = {}): StorageAdapter {
  return lazyStorage(`indexeddb:${options.databaseName ?? 'lms-kit'}`, async () => {
    const { DexieAdapter } = await import('./dexie/dexie-adapter.js');
    const adapter = new DexieAdapter(options);
    await adapter.open();
    return adapter;
  });
}
