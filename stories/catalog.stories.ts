import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import { withProvider } from './support.js';
import { bakeryCatalog, forbiddenStorage, learnerStorage, pendingStorage } from './catalog-support.js';

const meta: Meta = {
  title: 'Elements/Catalog',
  component: 'lms-catalog',
  parameters: {
    docs: {
      description: {
        component:
          'The courses a site offers: `<lms-catalog src="/catalog.json">`, or with `HttpStorageAdapter` and no `src`, the server’s catalog with the learner’s enrollments. Search, filters and sort; enroll where self-enrollment is allowed; continue where the learner left off.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;
const catalog = (storage: StorageAdapter, value: unknown = bakeryCatalog(), src?: string) =>
  withProvider(storage, html`<lms-catalog .catalog=${value} .src=${src}></lms-catalog>`);

/** A learner with assigned (one overdue), new, self-enrollable, later and completed courses. */
export const Data: Story = {
  loaders: [async () => ({ storage: await learnerStorage() })],
  render: (_args, { loaded }) => catalog(loaded.storage as StorageAdapter),
};

/** At 320 px: filters and cards stack. */
export const NarrowScreen: Story = {
  loaders: [async () => ({ storage: await learnerStorage() })],
  render: (_args, { loaded }) => html`<div style="inline-size: 320px">${catalog(loaded.storage as StorageAdapter)}</div>`,
};

export const Empty: Story = { render: () => catalog(new MemoryAdapter(), { schema: 1, courses: [] }) };

export const Loading: Story = { render: () => catalog(pendingStorage()) };

/** The catalog file is missing. */
export const LoadError: Story = { render: () => catalog(new MemoryAdapter(), undefined, '/missing-catalog.json') };

/** The server refuses the signed-in role. */
export const Forbidden: Story = { render: () => catalog(forbiddenStorage(), undefined) };
