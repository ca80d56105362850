import { createApp } from 'vue';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-course-player';
import { defaultServices } from '@lms-kit/elements';
import App from './App.vue';

declare global {
  interface Window {
    lmsKitOutbox: () => Promise<number>;
  }
}

createApp(App).mount('#app');
window.lmsKitOutbox = async () => (await defaultServices()).storage.countOutbox();
