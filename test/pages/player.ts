/**
 * A host page for tab tests: `player.html?db=<name>&email=<learner>&src=<course url>`.
 * Exposes `window.player` and `window.storage` (a second connection to the same database).
 */
import '../../packages/elements/src/all.js';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { fillStorage, freeStorage } from './fill-storage.js';

const params = new URLSearchParams(location.search);
const database = params.get('db') ?? 'lms-kit';
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', params.get('email') ?? 'ada@example.com');
provider.setAttribute('database', database);
const player = document.createElement('lms-course-player');
player.setAttribute('src', params.get('src') ?? '/demo/course/food-safety.json');
provider.append(player);
document.body.append(provider);
const errors: string[] = [];
player.addEventListener('lms-error', (event) => errors.push(event.detail.error.code));
Object.assign(window, { player, errors, fillStorage, freeStorage, storage: new DexieAdapter({ databaseName: database }) });
