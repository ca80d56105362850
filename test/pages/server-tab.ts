/** Test page helpers: the server's storage adapter, in a tab of its own (another browser profile in the tests). */
import { HttpStorageAdapter } from '@lms-kit/storage/http';

Object.assign(window, { lms: { HttpStorageAdapter }, ready: true });
