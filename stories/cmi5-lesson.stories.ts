import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/all';
import { withProvider } from './support.js';

const meta: Meta = {
  title: 'Lesson views/cmi5 AU',
  component: 'lms-cmi5-lesson',
  parameters: {
    docs: {
      description: {
        component:
          'A cmi5 AU in `<lms-course-player>`: AnyWindow AUs play in a frame, OwnWindow AUs open in their own window when the learner asks. Give the player a cmi5 package: `<lms-course-player src="course.zip">` (or a `cmi5.xml` URL). The AU talks to the LRS facade of LMS Kit’s service worker, so the page needs `/lms-kit-sw.js` and IndexedDB storage.',
      },
    },
  },
};

// The cmi5 lesson kind and view are registered by the code that loads cmi5 courses (loaded on demand).
const registerCmi5 = async () => ({ cmi5: await import('../packages/elements/src/cmi5/load-cmi5-course.js') });
export default meta;

function cmi5Course(launchMethod: 'AnyWindow' | 'OwnWindow'): Course {
  return {
    schema: 1,
    id: `cmi5-story-${launchMethod}`,
    title: 'Working at height',
    language: 'en',
    modules: [
      {
        id: 'part-1',
        title: 'Ladders and scaffolds',
        lessons: [
          {
            id: 'au-1',
            kind: 'cmi5-au',
            title: 'Ladder safety simulation',
            cmi5: { courseKey: 'cmi5-story', auId: 'https://courses.example/ladders/au/1', launchMethod, moveOn: 'CompletedOrPassed' },
          },
        ],
      },
    ],
  } as unknown as Course;
}

/** An OwnWindow AU waits for the learner to open it in a window of its own. */
export const OwnWindow: StoryObj = {
  loaders: [registerCmi5],
  render: () => withProvider(new MemoryAdapter(), html`<lms-course-player .course=${cmi5Course('OwnWindow')}></lms-course-player>`),
};

/** A frame AU on a page whose storage is memory: the service worker cannot reach it, and the learner is told. */
export const CannotLaunch: StoryObj = {
  loaders: [registerCmi5],
  render: () => withProvider(new MemoryAdapter(), html`<lms-course-player .course=${cmi5Course('AnyWindow')}></lms-course-player>`),
};
