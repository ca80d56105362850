import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-course-player';
import { defaultServices } from '@lms-kit/elements';

declare global {
  interface Window {
    lmsKitOutbox: () => Promise<number>;
  }
}

const src = new URLSearchParams(location.search).get('src') ?? '/course/food-safety.json';

function App() {
  return (
    <lms-provider>
      <lms-course-player src={src} onlms-error={(event) => console.warn(event.detail.error.code)}></lms-course-player>
    </lms-provider>
  );
}

createRoot(document.querySelector('#app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
window.lmsKitOutbox = async () => (await defaultServices()).storage.countOutbox();
