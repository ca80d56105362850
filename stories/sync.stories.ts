import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { buildStatement, Verbs } from '@lms-kit/core';
import { LmsError } from '@lms-kit/core';
import type { SyncListener, SyncStatus } from '@lms-kit/xapi';
import '@lms-kit/elements/define/lms-sync-status';
import { LEARNER_EMAIL, absoluteCourse, loadDemoCourse, storageWithProgress, storyTheme } from './support.js';

const meta: Meta = {
  title: 'Elements/Sync status',
  component: 'lms-sync-status',
  parameters: {
    docs: {
      description: {
        component:
          'How the learner’s records are syncing to the Learning Record Store. `<lms-progress>` shows it when `<lms-provider>` has `lrs`; it can also be placed anywhere inside the provider. Each story shows one status the sync reports.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;
const lrs = { name: 'lrs.example.com', endpoint: 'https://lrs.example.com/xapi/' };

/** A fixed status, as `LrsSync` reports it, for the element to show. */
function source(status: Partial<SyncStatus> & { lrs?: SyncStatus['lrs'] }) {
  const full: SyncStatus = { pending: 0, deadLetters: 0, syncing: false, lrs: [{ ...lrs, state: 'idle' }], ...status };
  return { subscribe: (listener: SyncListener) => (listener(full), () => undefined), resume: async () => undefined };
}
const inHour = new Date(Date.now() + 60 * 60 * 1000).toISOString();
const show = (status: Parameters<typeof source>[0]) => html`<lms-sync-status .sync=${source(status)}></lms-sync-status>`;

export const Synced: Story = { render: () => show({ lastSyncedAt: new Date().toISOString() }) };

export const RecordsWaitingToSync: Story = { render: () => show({ pending: 3 }) };

export const Sending: Story = { render: () => show({ pending: 250, syncing: true, lrs: [{ ...lrs, state: 'sending' }] }) };

export const LrsUnreachable: Story = {
  render: () =>
    show({
      pending: 12,
      lastError: new LmsError('lrs/unavailable', 'lrs.example.com could not be reached: Network error'),
      lrs: [{ ...lrs, state: 'waiting', retryAt: inHour }],
    }),
};

export const PausedCredentialsRefused: Story = {
  render: () => {
    const error = new LmsError('lrs/unauthorized', 'lrs.example.com did not accept the credentials (HTTP 401). Sync to it is stopped.');
    return show({ pending: 40, lastError: error, lrs: [{ ...lrs, state: 'stopped', error }] });
  },
};

export const RecordsRefusedByTheLrs: Story = { render: () => show({ deadLetters: 2 }) };

/** `<lms-progress>` with an LRS configured that cannot be reached: the real sync, three statements queued. */
export const ProgressWithRecordsWaiting: Story = {
  loaders: [
    async () => {
      const storage = await storageWithProgress(
        absoluteCourse(await loadDemoCourse()),
        [
          ['welcome', { completed: true }],
          ['handwashing', { completed: true }],
        ],
        'allergens',
      );
      const actor = { objectType: 'Agent' as const, mbox: `mailto:${LEARNER_EMAIL}` };
      await storage.enqueueStatements(
        [1, 2, 3].map((n) =>
          buildStatement({
            actor,
            verb: Verbs.experienced,
            object: { objectType: 'Activity', id: `https://intranet.example/lessons/${n}` },
          }),
        ),
      );
      return { storage };
    },
  ],
  render: (_args, { loaded }) =>
    html`<lms-provider
      learner-email=${LEARNER_EMAIL}
      locale="en"
      theme=${storyTheme()}
      .storage=${loaded.storage}
      .lrs=${{ endpoint: 'http://127.0.0.1:9/xapi/', username: 'key', password: 'secret' }}
      .syncOptions=${{ retryBaseMs: 60_000 }}
    >
      <lms-progress course="food-safety-basics" style="max-width: 20rem"></lms-progress>
    </lms-provider>`,
};
