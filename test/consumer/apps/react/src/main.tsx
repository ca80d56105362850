import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Typed React components (properties as properties, events as `onLms…` props) …
import { LmsCoursePlayer } from '@lms-kit/react';
// … and the plain tags, typed by "@lms-kit/elements/jsx-react" (see tsconfig.json).
import '@lms-kit/elements/define/lms-provider';
import { defaultServices } from '@lms-kit/elements';

declare global {
  interface Window {
    lmsKitOutbox: () => Promise<number>;
  }
}

const src = new URLSearchParams(location.search).get('src') ?? '/course/food-safety.json';

function App() {
  return (
    <lms-provider locale="en" onlms-error={(event) => console.warn(event.detail.error.code)}>
      <LmsCoursePlayer
        src={src}
        onLmsError={(event) => console.warn(event.detail.error.code)}
        onLmsCourseComplete={(event) => console.log('completed', event.detail.courseId)}
      />
    </lms-provider>
  );
}

createRoot(document.querySelector('#app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
window.lmsKitOutbox = async () => (await defaultServices()).storage.countOutbox();
