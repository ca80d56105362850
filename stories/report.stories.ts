import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter, type ItemStat } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-report';
import { absoluteCourse, loadDemoCourse, storageWithProgress, withProvider } from './support.js';
import { asRole, pendingServer, unreachableServer } from './management-support.js';

const meta: Meta = {
  title: 'Elements/Report',
  component: 'lms-report',
  parameters: {
    docs: {
      description: {
        component:
          'Reports for instructors and admins. With the server adapter the aggregates come from SQL for everyone the signed-in role may see; on browser storage the report shows the local learner. Every chart has a table with its data, and every table downloads as CSV.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const LocalLearnerCourse: Story = {
  loaders: [
    async () => ({
      storage: await storageWithProgress(
        absoluteCourse(await loadDemoCourse()),
        [
          ['welcome', { completed: true }],
          ['handwashing', { completed: true }],
        ],
        'allergens',
      ),
    }),
  ],
  render: (_args, { loaded }) => withProvider(loaded.storage, html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const Empty: Story = {
  render: () => withProvider(new MemoryAdapter(), html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const Loading: Story = {
  render: () => asRole(pendingServer(), 'instructor', html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const ServerUnreachable: Story = {
  render: () => asRole(unreachableServer(), 'admin', html`<lms-report course="food-safety-basics"></lms-report>`),
};

export const NotAvailableForALearner: Story = {
  render: () => asRole(pendingServer(), 'learner', html`<lms-report course="food-safety-basics"></lms-report>`),
};

/** Item analysis of the fridge check as the server answers it; `quiz-src` turns ids into the words learners saw. */
const fridgeItems: ItemStat[] = [
  {
    activityId: 'fridge-check',
    questionId: 'warm-fridge',
    answered: 180,
    pCorrect: 0.81,
    meanCredit: 0.81,
    discrimination: 0.42,
    commonWrong: ['restart'],
    commonWrongCount: 21,
  },
  {
    activityId: 'fridge-check',
    questionId: 'shelves',
    answered: 180,
    pCorrect: 0.64,
    meanCredit: 0.64,
    discrimination: 0.55,
    commonWrong: { cakes: 'bottom', chicken: 'top' },
    commonWrongCount: 48,
  },
  {
    activityId: 'fridge-check',
    questionId: 'label',
    answered: 180,
    pCorrect: 0.52,
    meanCredit: 0.77,
    discrimination: 0.38,
    commonWrong: ['what', 'use-by'],
    commonWrongCount: 50,
  },
  {
    activityId: 'fridge-check',
    questionId: 'fridge-max',
    answered: 180,
    pCorrect: 0.7,
    meanCredit: 0.7,
    discrimination: 0.31,
    commonWrong: '8',
    commonWrongCount: 30,
  },
];
const itemsServer = () =>
  new HttpStorageAdapter({
    endpoint: 'https://lms.example/',
    token: 'story',
    fetch: async () =>
      new Response(JSON.stringify({ courseId: 'food-safety-basics', items: fridgeItems }), {
        headers: { 'Content-Type': 'application/json' },
      }),
  });

export const ItemAnalysisInWords: Story = {
  render: () =>
    asRole(
      itemsServer(),
      'instructor',
      html`<lms-report view="items" course="food-safety-basics" quiz-src="/demo/course/quizzes/fridge-check.json"></lms-report>`,
    ),
};
