/**
 * A host page for SCORM tab tests: `scorm-tab.html?db=<name>&src=<package or course url>`.
 * Exposes `window.player`, the `lms-error` codes it sent (`window.errors`), `window.storage` (a second
 * connection to the same database) and `fillStorage`/`freeStorage` for quota tests.
 */
import '../../packages/elements/src/all.js';
import { configureServiceWorker } from '@lms-kit/scorm';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { TEST_SERVICE_WORKER } from '../../packages/elements/test/scorm-helpers.js';
import { fillStorage, freeStorage } from './fill-storage.js';

configureServiceWorker(TEST_SERVICE_WORKER);
const params = new URLSearchParams(location.search);
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'ada@example.com');
provider.setAttribute('database', params.get('db') ?? 'lms-kit');
const player = document.createElement('lms-course-player');
player.setAttribute('src', params.get('src') ?? '');
provider.append(player);
document.body.append(provider);
const errors: string[] = [];
player.addEventListener('lms-error', (event) => errors.push(event.detail.error.code));
const storage = new DexieAdapter({ databaseName: params.get('db') ?? 'lms-kit' });
Object.assign(window, { player, errors, storage, fillStorage, freeStorage });
