import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-grading';
import { withProvider } from './support.js';
import { asRole, pendingServer, storeEssayAttempt, unreachableServer } from './management-support.js';

const meta: Meta = {
  title: 'Elements/Grading',
  component: 'lms-grading',
  parameters: {
    docs: {
      description: {
        component:
          'The queue of answers waiting for a person: essays, long fill-in answers and questions marked `manual`. With the server adapter it lists what the signed-in instructor may grade; on browser storage it lists the local learner’s own answers (self-study).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const SelfStudyWithAnEssay: Story = {
  loaders: [
    async () => {
      const storage = new MemoryAdapter();
      await storeEssayAttempt(storage);
      return { storage };
    },
  ],
  render: (_args, { loaded }) => withProvider(loaded.storage, html`<lms-grading></lms-grading>`),
};

export const Empty: Story = { render: () => withProvider(new MemoryAdapter(), html`<lms-grading></lms-grading>`) };

export const Loading: Story = { render: () => asRole(pendingServer(), 'instructor', html`<lms-grading></lms-grading>`) };

export const ServerUnreachable: Story = { render: () => asRole(unreachableServer(), 'instructor', html`<lms-grading></lms-grading>`) };

export const NotAvailableForALearner: Story = { render: () => asRole(pendingServer(), 'learner', html`<lms-grading></lms-grading>`) };
