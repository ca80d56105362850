/** Test page: the LRS sync over an IndexedDB outbox, for tests that sync from several real tabs at once. */
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { observeStorage } from '@lms-kit/storage';
import { LrsSync } from '@lms-kit/xapi';

Object.assign(window, { lms: { DexieAdapter, observeStorage, LrsSync }, ready: true });
