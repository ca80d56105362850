import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Question, Quiz } from '@lms-kit/core/quiz';
import type { StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-quiz';
import { everyType, everyTypeQuiz } from '../test/helpers/quizzes.js';
import { quizStorage, quizStory, type QuizStep } from './quiz-support.js';
import { withProvider } from './support.js';
import { MemoryAdapter } from '@lms-kit/storage';

interface Loaded {
  quiz: Quiz;
  storage: StorageAdapter;
}

const meta: Meta = {
  title: 'Elements/Quiz',
  component: 'lms-quiz',
  parameters: {
    docs: {
      description: {
        component:
          'A quiz on any page (`<lms-quiz src="quiz.json">`, or a GIFT or Aiken file) or as a `quiz` lesson of the course player. Every SCORM/xAPI interaction type, banks and draws, attempts, time limit, feedback and review; attempts are kept by the provider’s storage.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<{ loaded: Loaded }>;

const one = (question: Question, overrides: Partial<Quiz> = {}): Quiz =>
  everyTypeQuiz({ id: `story-${question.id}`, questions: [question], ...overrides });

/** A story showing `quiz` with attempts already taken (`steps`). */
function story(quiz: () => Quiz, steps: QuizStep[] = [], grading = false): Story {
  return {
    loaders: [async () => ({ quiz: quiz(), storage: await quizStorage(quiz(), steps) })],
    render: (_args, { loaded }) => quizStory((loaded as Loaded).quiz, (loaded as Loaded).storage, grading),
  };
}

const started: QuizStep[] = [{}];

// One story per question type, in an attempt in progress.
export const TrueFalse = story(() => one(everyType.trueFalse), started);
export const ChoiceSingle = story(() => one(everyType.single), started);
export const ChoiceMultiple = story(() => one(everyType.multiple), started);
export const FillIn = story(() => one(everyType.fillIn), started);
export const LongFillIn = story(() => one(everyType.essay), started);
export const Matching = story(() => one(everyType.matching), started);
export const Sequencing = story(() => one(everyType.sequencing), started);
export const Numeric = story(() => one(everyType.numeric), started);
export const Likert = story(() => one(everyType.likert), started);
export const Performance = story(() => one(everyType.performance), started);

// Quiz states.
/** Before the first attempt: description, number of questions, time limit, pass mark, attempts. */
export const NotStarted = story(() =>
  everyTypeQuiz({ description: '<p>Ten questions about the kitchen.</p>', timeLimit: 900, maxAttempts: 2 }),
);

/** An attempt in progress with some answers, against the clock. */
export const InProgressTimed = story(
  () => everyTypeQuiz({ timeLimit: 1800 }),
  [{ answers: { 'cool-rice': false, 'fridge-temp': ['c8'], 'danger-zone': ['5', ''] } }],
);

/** Immediate feedback: a checked question shows its verdict and is final. */
export const ImmediateFeedback = story(
  () => everyTypeQuiz({ feedback: 'immediate', questions: [everyType.single, everyType.trueFalse] }),
  [{ answers: { 'fridge-temp': ['c8'] }, check: ['fridge-temp'] }],
);

const allRight = {
  'cool-rice': false,
  'fridge-temp': ['c5'],
  allergens: ['sesame', 'celery', 'lupin'],
  'danger-zone': ['5', '63'],
  boards: { red: 'meat', blue: 'fish', green: 'veg' },
  handwash: ['wet', 'soap', 'scrub', 'rinse', 'dry'],
  'core-temp': '75',
  confidence: 'very',
  probe: { ice: '0', boil: '100', log: 'probe log' },
};

/** Submitted and passed: score, review with the right answers and feedback. */
export const Passed = story(
  () => everyTypeQuiz({ questions: Object.values(everyType).filter((q) => q.type !== 'long-fill-in') }),
  [{ answers: allRight, submit: true }],
);

/** Submitted and failed, with attempts left: Try again. Right answers wait until passed or out of attempts. */
export const FailedWithAttemptsLeft = story(
  () =>
    everyTypeQuiz({
      maxAttempts: 3,
      showCorrectAnswers: 'when-done',
      questions: [everyType.single, everyType.multiple, everyType.numeric],
    }),
  [{ answers: { 'fridge-temp': ['c12'], allergens: ['rice'], 'core-temp': '60' }, submit: true }],
);

/** Out of attempts: no more tries, and the right answers are shown. */
export const NoAttemptsLeft = story(
  () => everyTypeQuiz({ maxAttempts: 1, showCorrectAnswers: 'when-done', questions: [everyType.single, everyType.matching] }),
  [{ answers: { 'fridge-temp': ['c8'], boards: { red: 'fish' } }, submit: true }],
);

/** An essay waits to be graded: no pass or fail yet. */
export const PendingGrading = story(
  () => everyTypeQuiz({ questions: [everyType.single, everyType.essay] }),
  [
    {
      answers: { 'fridge-temp': ['c5'], spill: 'Throw the cakes away, clean and sanitise the shelf, move the chicken to the bottom.' },
      submit: true,
    },
  ],
);

/** The grader's view (`grading`): points and feedback for the essay. */
export const Grading = story(
  () => everyTypeQuiz({ questions: [everyType.single, everyType.essay] }),
  [{ answers: { 'fridge-temp': ['c5'], spill: 'Throw the cakes away and clean the shelf.' }, submit: true }],
  true,
);

/** A quiz document with mistakes: every problem with its path. */
export const InvalidQuiz: Story = {
  render: () =>
    withProvider(
      new MemoryAdapter(),
      html`<lms-quiz
        .quiz=${{ schema: 1, id: 'broken', title: 'Broken', questions: [{ id: 'q1', type: 'choice', text: 'Which?', choices: [{ id: 'a', text: 'A' }] }] }}
      ></lms-quiz>`,
    ),
};

/** A GIFT file with a mistake: the line and the problem. */
export const ImportError: Story = {
  render: () => withProvider(new MemoryAdapter(), html`<lms-quiz src="/test/pages/quizzes/broken.gift"></lms-quiz>`),
};

/** A quiz imported from a GIFT file. */
export const FromGift: Story = {
  render: () => withProvider(new MemoryAdapter(), html`<lms-quiz src="/test/pages/quizzes/food-safety.gift"></lms-quiz>`),
};
