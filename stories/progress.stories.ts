import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StorageAdapter } from '@lms-kit/storage';
import { absoluteCourse, loadDemoCourse, storageWithProgress, withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Progress',
  component: 'lms-progress',
  parameters: {
    docs: {
      description: {
        component:
          'A learner’s progress in one course, for a sidebar or a dashboard: `<lms-progress course="food-safety-basics">`. It follows a player on the same page or in another tab.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;
const progress = (storage: StorageAdapter) =>
  withProvider(storage, html`<lms-progress course="food-safety-basics" style="max-width: 20rem"></lms-progress>`);

/** The course was never opened in this browser. */
export const UnknownCourse: Story = {
  loaders: [async () => ({ storage: await storageWithProgress(absoluteCourse(await loadDemoCourse())) })],
  render: (_args, { loaded }) => progress(loaded.storage as StorageAdapter),
};

export const InProgress: Story = {
  loaders: [
    async () => ({
      storage: await storageWithProgress(
        absoluteCourse(await loadDemoCourse()),
        [
          ['welcome', { completed: true }],
          ['handwashing', { completed: true }],
          ['allergens', { completed: true }],
        ],
        'danger-zone',
      ),
    }),
  ],
  render: (_args, { loaded }) => progress(loaded.storage as StorageAdapter),
};

export const Completed: Story = {
  loaders: [
    async () => {
      const ids = ['welcome', 'handwashing', 'allergens', 'danger-zone', 'fridge-check', 'cross-contamination', 'opening-checklist'];
      return {
        storage: await storageWithProgress(
          absoluteCourse(await loadDemoCourse()),
          ids.map((id) => [id, { completed: true, passed: true }]),
        ),
      };
    },
  ],
  render: (_args, { loaded }) => progress(loaded.storage as StorageAdapter),
};
