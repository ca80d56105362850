import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withProvider } from './support.js';
import { LmsError } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';

const meta: Meta = {
  title: 'Elements/SCORM package',
  component: 'lms-scorm-lesson',
  parameters: {
    docs: {
      description: {
        component: `Play a SCORM package on your page in five lines:

\`\`\`html
<script type="module" src="https://your-cdn.example/lms-kit/dist/lms-kit.js"></script>
<lms-provider learner-name="Jamie Rivera" learner-email="jamie@example.com">
  <lms-course-player src="/training/allergen-check.zip"></lms-course-player>
  <lms-progress course="scorm-northwind.allergen-check"></lms-progress>
</lms-provider>
\`\`\`

The zip is unzipped in the browser, kept in IndexedDB and served to the content frame by \`lms-kit-sw.js\` (put it beside \`lms-kit.js\`).
An unpacked package folder works too: point \`src\` at its \`imsmanifest.xml\`. SCORM 1.2 and 2004 content finds its API,
its data is saved as it commits and resumed next time; a package can also be one lesson of a course (\`"kind": "scorm"\`).`,
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The demo's allergen check (a package written for the project), as a whole course: its items are the outline. */
export const PlayAPackageInFiveLines: Story = {
  render: () =>
    withProvider(new MemoryAdapter(), html`<lms-course-player src="/demo/scorm/allergen-check/imsmanifest.xml"></lms-course-player>`),
};

/** A package as one lesson of a native course. */
export const PackageAsALesson: Story = {
  render: () =>
    withProvider(
      new MemoryAdapter(),
      html`<lms-course-player
        .course=${{
          schema: 1,
          id: 'bakery-onboarding',
          title: 'Bakery onboarding',
          modules: [
            {
              id: 'allergens',
              title: 'Allergens',
              lessons: [
                { id: 'allergen-check', kind: 'scorm', title: 'Allergen check', src: '/demo/scorm/allergen-check/', item: 'check' },
              ],
            },
          ],
        }}
      ></lms-course-player>`,
    ),
};

/** A package that cannot be opened: the learner is told why. */
export const PackageMissing: Story = {
  render: () =>
    withProvider(
      new MemoryAdapter(),
      html`<lms-course-player
        .course=${{
          schema: 1,
          id: 'broken-package',
          title: 'A course with a missing package',
          modules: [
            { id: 'm', title: 'Module', lessons: [{ id: 'gone', kind: 'scorm', title: 'Gone', src: '/demo/scorm/no-such-package/' }] },
          ],
        }}
      ></lms-course-player>`,
    ),
};

/**
 * SCORM 2004 sequencing decides what the learner may open: this package (written for the tests) takes
 * its activities in order, so the outline says why the later ones are locked, and Next continues.
 */
export const SequencingLocks: Story = {
  render: () =>
    withProvider(new MemoryAdapter(), html`<lms-course-player src="/test/scorm/sequenced/imsmanifest.xml"></lms-course-player>`),
};

/** The browser's storage is full while the SCO saves: the lesson and the player say so; the SCO goes on and nothing is lost. */
export const StorageFull: Story = {
  render: () => {
    const storage = new MemoryAdapter();
    const full = () => Promise.reject(new LmsError('storage/quota-exceeded', 'The browser’s storage for this site is full.'));
    storage.putAttempt = full;
    storage.enqueueStatements = full;
    return withProvider(storage, html`<lms-course-player src="/test/scorm/tab-sco/imsmanifest.xml"></lms-course-player>`);
  },
};
