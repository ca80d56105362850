import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { absoluteCourse, loadDemoCourse, storageWithProgress, withProvider } from './support.js';
import type { Course } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';

interface Loaded {
  course: Course;
  storage: StorageAdapter;
}

const meta: Meta = {
  title: 'Elements/Course player',
  component: 'lms-course-player',
  parameters: {
    docs: {
      description: {
        component:
          'Plays a course on any page. Drop it in with `<lms-course-player src="course.json">`; progress is kept by the provider’s storage (IndexedDB by default) and the course resumes where the learner left off.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<{ loaded: Loaded }>;

const player = (loaded: Loaded) => withProvider(loaded.storage, html`<lms-course-player .course=${loaded.course}></lms-course-player>`);

/** A learner opening the course for the first time: later modules are locked and say why. */
export const NotStarted: Story = {
  loaders: [
    async () => ({
      course: absoluteCourse(await loadDemoCourse()),
      storage: await storageWithProgress(absoluteCourse(await loadDemoCourse())),
    }),
  ],
  render: (_args, { loaded }) => player(loaded as Loaded),
};

/** Part-way through: the first module done, the learner back on the danger-zone lesson. */
export const InProgress: Story = {
  loaders: [
    async () => {
      const course = absoluteCourse(await loadDemoCourse());
      const storage = await storageWithProgress(
        course,
        [
          ['welcome', { completed: true }],
          ['handwashing', { completed: true, progress: 1 }],
          ['allergens', { completed: true }],
        ],
        'danger-zone',
      );
      return { course, storage };
    },
  ],
  render: (_args, { loaded }) => player(loaded as Loaded),
};

/** On the fridge-check quiz lesson, not started yet. */
export const QuizLesson: Story = {
  loaders: [
    async () => {
      const course = absoluteCourse(await loadDemoCourse());
      const done: Array<[string, { completed: boolean }]> = ['welcome', 'handwashing', 'allergens', 'danger-zone'].map((id) => [
        id,
        { completed: true },
      ]);
      return { course, storage: await storageWithProgress(course, done, 'fridge-check') };
    },
  ],
  render: (_args, { loaded }) => player(loaded as Loaded),
};

/** The fridge-check quiz was failed: the remedial lesson is open, the checklist needs more points. */
export const FailedCheckRemedialOpen: Story = {
  loaders: [
    async () => {
      const course = absoluteCourse(await loadDemoCourse());
      const done: Array<[string, { completed: boolean; passed?: boolean }]> = [
        ['welcome', { completed: true }],
        ['handwashing', { completed: true }],
        ['allergens', { completed: true }],
        ['danger-zone', { completed: true }],
        ['fridge-check', { completed: true, passed: false }],
      ];
      return { course, storage: await storageWithProgress(course, done, 'danger-zone-again') };
    },
  ],
  render: (_args, { loaded }) => player(loaded as Loaded),
};

/** Every required lesson done. */
export const Completed: Story = {
  loaders: [
    async () => {
      const course = absoluteCourse(await loadDemoCourse());
      const ids = ['welcome', 'handwashing', 'allergens', 'danger-zone', 'fridge-check', 'cross-contamination', 'opening-checklist'];
      const done = ids.map((id): [string, { completed: boolean; passed?: boolean }] => [
        id,
        id === 'fridge-check' ? { completed: true, passed: true } : { completed: true },
      ]);
      return { course, storage: await storageWithProgress(course, done, 'opening-checklist') };
    },
  ],
  render: (_args, { loaded }) => player(loaded as Loaded),
};

/** A course document with mistakes: every problem is listed with its path. */
export const InvalidCourse: Story = {
  loaders: [async () => ({ storage: await storageWithProgress(absoluteCourse(await loadDemoCourse())) })],
  render: (_args, { loaded }) =>
    withProvider(
      (loaded as Loaded).storage,
      html`<lms-course-player
        .course=${{
          schema: 1,
          id: 'broken course',
          title: 'Broken',
          modules: [{ id: 'm1', title: 'Module', lessons: [{ id: 'l1', kind: 'video', title: 'No video' }] }],
        }}
      ></lms-course-player>`,
    ),
};

/** The course JSON could not be downloaded. */
export const LoadError: Story = {
  loaders: [async () => ({ storage: await storageWithProgress(absoluteCourse(await loadDemoCourse())) })],
  render: (_args, { loaded }) =>
    withProvider((loaded as Loaded).storage, html`<lms-course-player src="/demo/course/missing.json"></lms-course-player>`),
};

/** No `src` and no `course` yet. */
export const Empty: Story = {
  render: () => html`<lms-course-player></lms-course-player>`,
};

/** A right-to-left course: the layout mirrors. */
export const RightToLeft: Story = {
  loaders: [
    async () => {
      const course = { ...absoluteCourse(await loadDemoCourse()), language: 'ar', title: 'أساسيات سلامة الغذاء' };
      return { course, storage: await storageWithProgress(course) };
    },
  ],
  render: (_args, { loaded }) => player(loaded as Loaded),
};
