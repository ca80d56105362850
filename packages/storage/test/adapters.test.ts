import { DexieAdapter } from '@lms-kit/storage/dexie';
import { MemoryAdapter } from '@lms-kit/storage';
import { runStorageAdapterSuite } from '@lms-kit/storage/test-suite';
import Dexie from 'dexie';

runStorageAdapterSuite('MemoryAdapter', { create: () => new MemoryAdapter() });

let databases = 0;
runStorageAdapterSuite('DexieAdapter', {
  create: () => new DexieAdapter({ databaseName: `suite-${Date.now()}-${++databases}` }),
  connectAgain: (adapter) => new DexieAdapter({ databaseName: adapter.scope.replace('indexeddb:', '') }),
  destroy: (adapter) => Dexie.delete(adapter.scope.replace('indexeddb:', '')),
});
