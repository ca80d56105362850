/**
 * A host page for SCORM tab tests: `scorm-tab.html?db=<name>&src=<package or course url>`.
 * Exposes `window.player`.
 */
import '../../packages/elements/src/all.js';
import { configureServiceWorker } from '@lms-kit/scorm';
import { TEST_SERVICE_WORKER } from '../../packages/elements/test/scorm-helpers.js';

configureServiceWorker(TEST_SERVICE_WORKER);
const params = new URLSearchParams(location.search);
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'ada@example.com');
provider.setAttribute('database', params.get('db') ?? 'lms-kit');
const player = document.createElement('lms-course-player');
player.setAttribute('src', params.get('src') ?? '');
provider.append(player);
document.body.append(provider);
Object.assign(window, { player });
