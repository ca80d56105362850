// Only the tags this page uses; the lesson views load when the player needs them.
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-course-player';
import { defaultServices, type LmsErrorEvent } from '@lms-kit/elements';

declare global {
  interface Window {
    lmsKitOutbox: () => Promise<number>;
  }
}

const provider = document.createElement('lms-provider');
const player = document.createElement('lms-course-player'); // typed: LmsCoursePlayer
player.src = new URLSearchParams(location.search).get('src') ?? '/course/food-safety.json';
player.addEventListener('lms-error', (event: LmsErrorEvent) => console.warn(event.detail.error.code));
provider.append(player);
document.querySelector('#app')?.append(provider);
window.lmsKitOutbox = async () => (await defaultServices()).storage.countOutbox();
