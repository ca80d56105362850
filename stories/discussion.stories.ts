import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { LmsError, type DiscussionComment, type DiscussionPage } from '@lms-kit/core';
import { MemoryAdapter, localNotes, type DiscussionStore, type StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-discussion';
import { LEARNER_EMAIL, withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Discussion',
  component: 'lms-discussion',
  parameters: {
    docs: {
      description: {
        component:
          'A lesson’s discussion, `<lms-discussion course="food-safety-basics" lesson="danger-zone">`: threads and replies, `@` mentions of the instructors, edit and delete of one’s own comments, hide and pin for moderators. Shared through the LMS Kit server; on a browser-only storage it is the learner’s private notes, and says so.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const learnerId = `mailto:${LEARNER_EMAIL}`;
const discussion = (storage: StorageAdapter) =>
  withProvider(storage, html`<lms-discussion course="food-safety-basics" lesson="danger-zone" poll-interval="0"></lms-discussion>`);

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const comment = (id: string, body: string, extra: Partial<DiscussionComment> = {}): DiscussionComment => ({
  id,
  courseId: 'food-safety-basics',
  lessonId: 'danger-zone',
  parentId: null,
  author: { name: 'Priya Shah' },
  mine: false,
  body,
  mentions: [],
  hidden: false,
  pinned: false,
  deleted: false,
  createdAt: at(90),
  editedAt: null,
  ...extra,
});

/** A storage whose `discussion` answers as the server would (stories have no server). */
function withDiscussion(page: () => Promise<DiscussionPage>): StorageAdapter {
  const refuse = async (): Promise<never> => {
    throw new LmsError('storage/unavailable', 'Stories have no server.');
  };
  const store: DiscussionStore = {
    shared: true,
    list: async () => ({ page: await page(), etag: null }),
    post: refuse,
    edit: refuse,
    remove: refuse,
    moderate: refuse,
    mentions: async () => [],
  };
  return Object.assign(new MemoryAdapter(), { discussion: store });
}

const thread = (moderator: boolean): DiscussionPage => ({
  moderator,
  instructors: [{ name: 'Morgan Lee' }],
  next: null,
  items: [
    {
      ...comment('t1', 'Our walk-in fridge showed 6 °C this morning. Is that already the danger zone?', { pinned: true }),
      replies: [
        comment('r1', 'Above 5 °C, yes: check it again in 30 minutes.', {
          parentId: 't1',
          author: { name: 'Tom Becker' },
          createdAt: at(80),
        }),
        comment('r2', 'Off-topic advert', { parentId: 't1', author: { name: 'Spam Bot' }, hidden: true, createdAt: at(70) }),
      ].filter((reply) => moderator || !reply.hidden),
    },
    {
      ...comment('t2', 'How long can cream cakes stay on the counter, @Morgan Lee?', {
        author: { name: 'Jamie' },
        mine: true,
        mentions: [{ name: 'Morgan Lee' }],
        createdAt: at(30),
        editedAt: at(25),
      }),
      replies: [],
    },
  ],
});

export const PrivateNotesEmpty: Story = {
  render: () => discussion(new MemoryAdapter()),
};

export const PrivateNotes: Story = {
  loaders: [
    async () => {
      const storage = new MemoryAdapter();
      const notes = localNotes(storage, { id: learnerId, name: 'Jamie' });
      const first = await notes.post('food-safety-basics', 'danger-zone', 'Fridge: 5 °C or below. Freezer: -18 °C.');
      await notes.post('food-safety-basics', 'danger-zone', 'Ask the shift lead where the probe thermometer is kept.', first.id);
      return { storage };
    },
  ],
  render: (_args, { loaded }) => discussion(loaded.storage as StorageAdapter),
};

export const SharedEmpty: Story = {
  render: () =>
    discussion(withDiscussion(async () => ({ moderator: false, instructors: [{ name: 'Morgan Lee' }], next: null, items: [] }))),
};

export const SharedThreads: Story = {
  render: () => discussion(withDiscussion(async () => thread(false))),
};

export const Moderator: Story = {
  render: () => discussion(withDiscussion(async () => thread(true))),
};

export const Loading: Story = {
  render: () => discussion(withDiscussion(() => new Promise<never>(() => {}))),
};

export const LoadError: Story = {
  render: () =>
    discussion(
      withDiscussion(async () => {
        throw new LmsError('storage/unavailable', 'The LMS server cannot be reached.');
      }),
    ),
};
