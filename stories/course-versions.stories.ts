import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { LmsError } from '@lms-kit/core';
import type { AuthoringStore } from '@lms-kit/core/authoring';
import { MemoryAdapter } from '@lms-kit/storage';
import { LocalAuthoring } from '@lms-kit/runtime/authoring';
import '@lms-kit/elements/define/lms-course-versions';
import { withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Course versions',
  component: 'lms-course-versions',
  parameters: {
    docs: {
      description: {
        component:
          'A course’s published versions for its authors: change summaries, the diff of two versions, roll back with confirmation, and the review state with comments per lesson. `<lms-course-versions course="bread" .store=${authoringClient}>`; without `store`, the page’s own storage.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const text = (id: string, title: string) => ({ id, kind: 'text', title, html: `<p>${title}</p>` });
const course = (lessons: unknown[]) => ({
  schema: 1,
  id: 'bread',
  title: 'Bread basics',
  modules: [{ id: 'm1', title: 'Dough', lessons }],
});

/** Three versions and a draft in review with comments, on a memory storage. */
async function published(): Promise<AuthoringStore> {
  const store = new LocalAuthoring({ storage: new MemoryAdapter(), author: 'mailto:ines@example.com', roles: ['admin'] });
  for (const lessons of [
    [text('mix', 'Mixing'), text('knead', 'Kneading')],
    [text('mix', 'Mixing flour and water'), text('proof', 'Proofing')],
    [text('mix', 'Mixing flour and water'), text('proof', 'Proofing'), text('bake', 'Baking')],
  ]) {
    await store.submitForReview('bread', course(lessons));
    await store.publish('bread');
  }
  await store.submitForReview('bread', course([text('mix', 'Mixing'), text('bake', 'Baking')]));
  await store.comment('bread', { lessonId: 'bake', text: 'Add the oven temperature.' });
  return store;
}

const view = (store: AuthoringStore) =>
  withProvider(new MemoryAdapter(), html`<lms-course-versions course="bread" .store=${store}></lms-course-versions>`);

export const VersionsAndReview: Story = {
  loaders: [async () => ({ store: await published() })],
  render: (_args, { loaded }) => view(loaded.store as AuthoringStore),
};

export const NotPublishedYet: Story = {
  render: () => view(new LocalAuthoring({ storage: new MemoryAdapter(), author: 'mailto:ines@example.com', roles: ['admin'] })),
};

export const LoadError: Story = {
  render: () => {
    const failing = {
      review: async () => {
        throw new LmsError('storage/unavailable', 'The server cannot be reached.');
      },
      listVersions: async () => [],
    } as unknown as AuthoringStore;
    return view(failing);
  },
};
