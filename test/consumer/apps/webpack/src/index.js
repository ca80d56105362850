import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-course-player';
import { defaultServices } from '@lms-kit/elements';

const provider = document.createElement('lms-provider');
const player = document.createElement('lms-course-player');
player.src = new URLSearchParams(location.search).get('src') ?? '/course/food-safety.json';
player.addEventListener('lms-error', (event) => console.warn(event.detail.error.code));
provider.append(player);
document.querySelector('#app').append(provider);
window.lmsKitOutbox = async () => (await defaultServices()).storage.countOutbox();
