/**
 * A host page for quiz tab tests: `quiz.html?db=<name>[&questions=<n>]` shows a timed quiz with shuffled questions
 * and choices for sam@example.com. Exposes `window.quiz`.
 */
import '../../packages/elements/src/all.js';
import '../../packages/elements/src/define/lms-quiz.js';
import { choiceQuiz } from '../helpers/quizzes.js';

const params = new URLSearchParams(location.search);
const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'sam@example.com');
provider.setAttribute('database', params.get('db') ?? 'lms-kit');
const quiz = document.createElement('lms-quiz');
Object.assign(quiz, {
  quiz: choiceQuiz(Number(params.get('questions') ?? 6), { shuffleQuestions: true, shuffleChoices: true, timeLimit: 600 }),
});
provider.append(quiz);
document.body.append(provider);
Object.assign(window, { quiz });
