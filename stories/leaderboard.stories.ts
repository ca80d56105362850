import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { LmsError, awardId } from '@lms-kit/core';
import { MemoryAdapter, type Leaderboard, type LeaderboardReads, type StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-leaderboard';
import { LEARNER_EMAIL, withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Leaderboard',
  component: 'lms-leaderboard',
  parameters: {
    docs: {
      description: {
        component:
          'Learners ranked by points, ranked by the server over the learners who chose to be shown: `<lms-leaderboard scope="course" course="food-safety-basics">`. On a browser-only storage it shows the local learner alone and says so.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const learnerId = `mailto:${LEARNER_EMAIL}`;
const board = (storage: StorageAdapter) => withProvider(storage, html`<lms-leaderboard period="all"></lms-leaderboard>`);

/** A storage whose `leaderboard` answers as the server would (stories have no server). */
function withBoard(answer: () => Promise<Leaderboard>, optedIn = false): StorageAdapter {
  const membership = { optedIn, pseudonym: optedIn ? 'Crumb Chief' : null };
  const reads: LeaderboardReads = { read: answer, membership: async () => membership, setMembership: async () => membership };
  return Object.assign(new MemoryAdapter(), { leaderboard: reads });
}

const top = [
  { rank: 1, points: 120, name: 'Sam Okafor', you: false },
  { rank: 2, points: 95, name: 'Crumb Chief', you: false },
  { rank: 2, points: 95, name: 'Lee Park', you: false },
  { rank: 4, points: 60, name: 'Noor Haddad', you: false },
];

export const LocalLearner: Story = {
  loaders: [
    async () => {
      const storage = new MemoryAdapter();
      const source = 'food-safety-basics/handwashing';
      await storage.putRecord('points', {
        id: awardId(learnerId, 'lesson-completed', source),
        learnerId,
        reason: 'lesson-completed',
        source,
        points: 10,
        awardedAt: new Date().toISOString(),
      });
      return { storage };
    },
  ],
  render: (_args, { loaded }) => board(loaded.storage as StorageAdapter),
};

export const RankedNotShown: Story = {
  render: () =>
    board(
      withBoard(async () => ({
        enabled: true,
        scope: 'site',
        period: 'all',
        top,
        nearby: [top[3], { rank: 5, points: 40, name: 'Jamie Rivera', you: true }],
        you: { rank: 5, points: 40, name: 'Jamie Rivera', you: true, optedIn: false, pseudonym: null },
      })),
    ),
};

export const RankedUnderPseudonym: Story = {
  render: () =>
    board(
      withBoard(
        async () => ({
          enabled: true,
          scope: 'site',
          period: 'all',
          top: top.map((row) => (row.name === 'Crumb Chief' ? { ...row, you: true } : row)),
          nearby: [],
          you: { rank: 2, points: 95, name: 'Crumb Chief', you: true, optedIn: true, pseudonym: 'Crumb Chief' },
        }),
        true,
      ),
    ),
};

export const TurnedOff: Story = {
  render: () => board(withBoard(async () => ({ enabled: false }))),
};

export const ServerUnreachable: Story = {
  render: () =>
    board(
      withBoard(async () => {
        throw new LmsError('storage/unavailable', 'The LMS server cannot be reached.');
      }),
    ),
};
