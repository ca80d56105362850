/**
 * A host page for the offline tests: `offline.html?db=<name>&src=<course url>[&lrs=<endpoint>]`: a player
 * with `offline`, and this page itself kept with the course (a site's shell is its own business: this one
 * adds itself through `offlineFiles`). Exposes `window.player`, `window.store` (an OfflineCourseStore),
 * `window.storage` and the `lms-offline-change` and `lms-error` events it got. With `&certificate=<course id>`,
 * an `<lms-certificate>` of that course beside the player (`window.certificateView`), as a course page may show it.
 */
import '../../packages/elements/src/all.js';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { OfflineCourseStore } from '@lms-kit/runtime/offline';

// The development server serves hundreds of modules: keep every one in the page's resource timings.
performance.setResourceTimingBufferSize(100_000);
const params = new URLSearchParams(location.search);
const database = params.get('db') ?? 'lms-kit';
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'ada@example.com');
provider.setAttribute('database', database);
if (params.get('lrs')) provider.lrs = [{ endpoint: params.get('lrs') as string, username: 'test', password: 'test' }];
const player = document.createElement('lms-course-player');
player.offline = true;
player.offlineFiles = [location.href];
player.setAttribute('src', params.get('src') ?? '/offline-course/demo/food-safety.json');
provider.append(player);
const certificateView = document.createElement('lms-certificate');
if (params.get('certificate')) {
  certificateView.setAttribute('course', params.get('certificate') as string);
  provider.append(certificateView);
}
document.body.append(provider);
const changes: string[] = [];
const errors: string[] = [];
const certificates: string[] = [];
player.addEventListener('lms-certificate-issue', (event) => certificates.push(event.detail.certificate.id));
player.addEventListener('lms-offline-change', (event) => changes.push(event.detail.change));
player.addEventListener('lms-error', (event) => errors.push(event.detail.error.code));
Object.assign(window, {
  player,
  certificateView,
  certificates,
  changes,
  errors,
  store: new OfflineCourseStore(),
  storage: new DexieAdapter({ databaseName: database }),
});
