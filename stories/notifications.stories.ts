import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-notifications';
import { LEARNER_EMAIL, withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Notifications',
  component: 'lms-notifications',
  parameters: {
    docs: {
      description: {
        component:
          'The learner’s notification centre: `<lms-notifications catalog="./catalog.json">` lists courses due soon or overdue, certificates expiring and courses left untouched; each is also dispatched once as `lms-reminder` for the site’s own emails.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const catalogOf = (courses: unknown[]) => `data:application/json,${encodeURIComponent(JSON.stringify({ schema: 1, courses }))}`;
const centre = (storage: StorageAdapter, catalog: string) =>
  withProvider(storage, html`<lms-notifications catalog=${catalog}></lms-notifications>`);

export const DueAndExpiring: Story = {
  loaders: [
    async () => {
      const storage = new MemoryAdapter();
      await storage.putRecord('certificates', {
        id: 'story-cert',
        learnerId: `mailto:${LEARNER_EMAIL}`,
        courseId: 'food-safety-basics',
        courseTitle: 'Food safety basics',
        issuedAt: inDays(-350),
        expiresAt: inDays(15),
      });
      return { storage };
    },
  ],
  render: (_args, { loaded }) =>
    centre(
      loaded.storage as StorageAdapter,
      catalogOf([
        { id: 'allergens', title: 'Allergens at the counter', enrollment: { assigned: true, dueAt: inDays(4) } },
        { id: 'fire', title: 'Fire safety', enrollment: { assigned: true, dueAt: inDays(-3) } },
      ]),
    ),
};

export const NothingDue: Story = {
  render: () => centre(new MemoryAdapter(), catalogOf([{ id: 'bread', title: 'Bread basics' }])),
};

export const CatalogMissing: Story = {
  render: () => centre(new MemoryAdapter(), './missing.json'),
};
