/**
 * A host page on the server of record: `server-player.html?endpoint=<server>&token=<jwt>&src=<course>`.
 * The provider's storage is an HttpStorageAdapter; exposes `window.player` and `window.storage`.
 */
import '../../packages/elements/src/all.js';
import { HttpStorageAdapter } from '@lms-kit/storage/http';

const params = new URLSearchParams(location.search);
const storage = new HttpStorageAdapter({ endpoint: params.get('endpoint')!, token: params.get('token')! });
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', params.get('email') ?? 'ada@example.com');
provider.storage = storage;
const player = document.createElement('lms-course-player');
player.setAttribute('src', params.get('src') ?? '/demo/course/food-safety.json');
provider.append(player);
document.body.append(provider);
const errors: string[] = [];
player.addEventListener('lms-error', (event) => errors.push(event.detail.error.code));
Object.assign(window, {
  player,
  errors,
  storage: new HttpStorageAdapter({ endpoint: params.get('endpoint')!, token: params.get('token')! }),
});
