import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { EngagementConfig } from '@lms-kit/core';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-badges';
import { loadDemoCourse, storageWithProgress, withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Badges',
  component: 'lms-badges',
  parameters: {
    docs: {
      description: {
        component:
          'The learner’s points, level and badges from an engagement config: `<lms-badges src="./engagement.json">`. Awards are given as the learner’s records change and announced politely.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const config = async () => (await (await fetch('/demo/engagement.json')).json()) as EngagementConfig;
const badges = (storage: StorageAdapter, engagement?: EngagementConfig) =>
  withProvider(storage, html`<lms-badges .config=${engagement}></lms-badges>`);

export const NothingYet: Story = {
  loaders: [async () => ({ storage: new MemoryAdapter(), engagement: await config() })],
  render: (_args, { loaded }) => badges(loaded.storage as StorageAdapter, loaded.engagement as EngagementConfig),
};

export const HygieneDone: Story = {
  loaders: [
    async () => {
      const course = await loadDemoCourse();
      const done = { completed: true };
      const storage = await storageWithProgress(course, [
        ['welcome', done],
        ['handwashing', done],
        ['allergens', done],
      ]);
      return { storage, engagement: await config() };
    },
  ],
  render: (_args, { loaded }) => badges(loaded.storage as StorageAdapter, loaded.engagement as EngagementConfig),
};

export const NoConfig: Story = {
  render: () => badges(new MemoryAdapter()),
};

export const InvalidConfig: Story = {
  render: () => badges(new MemoryAdapter(), { badges: [{ id: 'x', title: 'X', description: 'd', rule: { type: 'streak', days: 0 } }] }),
};
