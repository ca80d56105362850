/** Test page helpers: the Dexie adapter and a way to fill the origin's storage up to its quota. */
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { fillStorage } from './fill-storage.js';

Object.assign(window, { lms: { DexieAdapter, fillStorage }, ready: true });
