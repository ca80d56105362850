/**
 * A host page for quiz tab tests: `quiz.html?db=<name>[&questions=<n>]` shows a timed quiz with shuffled questions
 * and choices for sam@example.com. Exposes `window.quiz`.
 */
import '../../packages/elements/src/all.js';
import '../../packages/elements/src/define/lms-quiz.js';
import type { Quiz } from '@lms-kit/core/quiz';
import { choiceQuiz, everyType } from '../helpers/quizzes.js';

const params = new URLSearchParams(location.search);
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'sam@example.com');
provider.setAttribute('database', params.get('db') ?? 'lms-kit');
const quiz = document.createElement('lms-quiz');
// quiz=typing: one fill-in question with two blanks and no time limit (answers typed, not clicked).
const typing = { schema: 1, id: 'typing', title: 'Typing', language: 'en', questions: [everyType.fillIn] } as Quiz;
Object.assign(quiz, {
  quiz:
    params.get('quiz') === 'typing'
      ? typing
      : choiceQuiz(Number(params.get('questions') ?? 6), { shuffleQuestions: true, shuffleChoices: true, timeLimit: 600 }),
});
provider.append(quiz);
document.body.append(provider);
Object.assign(window, { quiz });
