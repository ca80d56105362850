import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-report';
import { absoluteCourse, loadDemoCourse, storageWithProgress, withProvider } from './support.js';
import { asRole, pendingServer, unreachableServer } from './management-support.js';

const meta: Meta = {
  title: 'Elements/Report',
  component: 'lms-report',
  parameters: {
    docs: {
      description: {
        component:
          'Reports for instructors and admins. With the server adapter the aggregates come from SQL for everyone the signed-in role may see; on browser storage the report shows the local learner. Every chart has a table with its data, and every table downloads as CSV.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const LocalLearnerCourse: Story = {
  loaders: [
    async () => ({
      storage: await storageWithProgress(
        absoluteCourse(await loadDemoCourse()),
        [
          ['welcome', { completed: true }],
          ['handwashing', { completed: true }],
        ],
        'allergens',
      ),
    }),
  ],
  render: (_args, { loaded }) => withProvider(loaded.storage, html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const Empty: Story = {
  render: () => withProvider(new MemoryAdapter(), html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const Loading: Story = {
  render: () => asRole(pendingServer(), 'instructor', html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const ServerUnreachable: Story = {
  render: () => asRole(unreachableServer(), 'admin', html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const NotAvailableForALearner: Story = {
  render: () => asRole(pendingServer(), 'learner', html`<lms-report course="food-safety-basics"></lms-report>`),
};
