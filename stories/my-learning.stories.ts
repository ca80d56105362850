import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import { withProvider } from './support.js';
import { bakeryCatalog, forbiddenStorage, learnerStorage, pendingStorage } from './catalog-support.js';

const meta: Meta = {
  title: 'Elements/My learning',
  component: 'lms-my-learning',
  parameters: {
    docs: {
      description: {
        component:
          'The learner’s dashboard: assigned courses with due dates (overdue first), courses in progress, recently completed, certificates with their expiry. Slots `engagement` (points, badges) and `offline` (offline copies); with the `offline` attribute, the courses kept on this device with their sizes and a remove button.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;
const dashboard = (storage: StorageAdapter, value: unknown = bakeryCatalog(), src?: string) =>
  withProvider(
    storage,
    html`<lms-my-learning .catalog=${value} .src=${src}><p slot="engagement">120 points · 3 badges</p></lms-my-learning>`,
  );

export const Data: Story = {
  loaders: [async () => ({ storage: await learnerStorage() })],
  render: (_args, { loaded }) => dashboard(loaded.storage as StorageAdapter),
};

export const Empty: Story = { render: () => dashboard(new MemoryAdapter(), { schema: 1, courses: [] }) };

export const Loading: Story = { render: () => dashboard(pendingStorage()) };

export const LoadError: Story = { render: () => dashboard(new MemoryAdapter(), undefined, '/missing-catalog.json') };

export const Forbidden: Story = { render: () => dashboard(forbiddenStorage(), undefined) };

/** With `offline`: the courses kept on this device (none in a fresh browser), with their sizes and a remove button. */
export const OfflineCopies: Story = {
  loaders: [async () => ({ storage: await learnerStorage() })],
  render: (_args, { loaded }) =>
    withProvider(loaded.storage as StorageAdapter, html`<lms-my-learning offline .catalog=${bakeryCatalog()}></lms-my-learning>`),
};
