import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-certificate-status';
import { certifiedStorage } from './certificate-support.js';
import { withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Certificate status',
  component: 'lms-certificate-status',
  parameters: {
    docs: {
      description: {
        component:
          'One line about the learner’s certificate for a course: `<lms-certificate-status course="food-safety-basics">`. `<lms-progress>` shows it for courses that issue a certificate.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const status = (storage: StorageAdapter) =>
  withProvider(storage, html`<lms-certificate-status course="food-safety-basics"></lms-certificate-status>`);

export const Valid: Story = {
  loaders: [async () => certifiedStorage(30)],
  render: (_args, { loaded }) => status(loaded.storage as StorageAdapter),
};

export const RenewSoon: Story = {
  loaders: [async () => certifiedStorage(350)],
  render: (_args, { loaded }) => status(loaded.storage as StorageAdapter),
};

export const Expired: Story = {
  loaders: [async () => certifiedStorage(400)],
  render: (_args, { loaded }) => status(loaded.storage as StorageAdapter),
};
