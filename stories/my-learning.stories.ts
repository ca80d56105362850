import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import { LEARNER_EMAIL, withProvider } from './support.js';
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

/** The learner's ledger as `<lms-badges>` stores it: points from lessons and a quiz, two badges. */
async function withLedger(storage: StorageAdapter): Promise<StorageAdapter> {
  const learnerId = `mailto:${LEARNER_EMAIL}`;
  const award = (reason: string, source: string, points: number, awardedAt: string) =>
    storage.putRecord('points', { id: `${learnerId}|${reason}|${source}`, learnerId, reason, source, points, awardedAt });
  await award('lesson-completed', 'food-safety-basics/handwashing', 20, '2026-03-02T10:00:00Z');
  await award('quiz-score', 'food-safety-basics/fridge-check', 20, '2026-03-03T10:00:00Z');
  await award('badge', 'clean-hands', 10, '2026-03-03T10:00:00Z');
  await award('badge', 'cool-head', 10, '2026-03-04T10:00:00Z');
  for (const [badgeId, earnedAt] of [
    ['clean-hands', '2026-03-03T10:00:00Z'],
    ['cool-head', '2026-03-04T10:00:00Z'],
  ])
    await storage.putRecord('badges', { id: `${learnerId}|${badgeId}`, learnerId, badgeId, earnedAt });
  return storage;
}

/** With `engagement-src`: the points, level and latest badges read from the learner's ledger. */
export const PointsAndBadges: Story = {
  loaders: [async () => ({ storage: await withLedger(await learnerStorage()) })],
  render: (_args, { loaded }) =>
    withProvider(
      loaded.storage as StorageAdapter,
      html`<lms-my-learning .catalog=${bakeryCatalog()} engagement-src="/demo/engagement.json"></lms-my-learning>`,
    ),
};

export const NoPointsYet: Story = {
  render: () =>
    withProvider(
      new MemoryAdapter(),
      html`<lms-my-learning .catalog=${bakeryCatalog()} engagement-src="/demo/engagement.json"></lms-my-learning>`,
    ),
};

export const Forbidden: Story = { render: () => dashboard(forbiddenStorage(), undefined) };

/** With `offline`: the courses kept on this device (none in a fresh browser), with their sizes and a remove button. */
export const OfflineCopies: Story = {
  loaders: [async () => ({ storage: await learnerStorage() })],
  render: (_args, { loaded }) =>
    withProvider(loaded.storage as StorageAdapter, html`<lms-my-learning offline .catalog=${bakeryCatalog()}></lms-my-learning>`),
};
