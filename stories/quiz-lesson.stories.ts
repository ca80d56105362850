import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-quiz-lesson';
import { choiceQuiz } from '../test/helpers/quizzes.js';
import { withProvider } from './support.js';

const meta: Meta = {
  title: 'Elements/Quiz lesson',
  component: 'lms-quiz-lesson',
  parameters: {
    docs: {
      description: {
        component:
          'A `quiz` lesson as `<lms-course-player>` shows it: an `<lms-quiz>` whose attempts belong to the course, reporting its result to the player with `lms-lesson-report`. The player creates it; pages use `<lms-quiz>` on its own.',
      },
    },
  },
};
export default meta;

const course = { schema: 1, id: 'quiz-course', title: 'Quiz course', language: 'en', modules: [] };

export const InACourse: StoryObj = {
  render: () =>
    withProvider(
      new MemoryAdapter(),
      html`<lms-quiz-lesson
        .course=${course}
        .lesson=${{ id: 'check', kind: 'quiz', title: 'Fridge check', points: 20, quiz: choiceQuiz(3, { passingScore: { percent: 80 } }) }}
      ></lms-quiz-lesson>`,
    ),
};
