import { LmsQuiz } from '../components/quiz/lms-quiz.js';
import { defineElement } from './define-element.js';

defineElement('lms-quiz', LmsQuiz);

export { LmsQuiz };
export { registerQuestionView, type QuestionViewDefinition } from '../components/quiz/questions/index.js';
export { gradeQuizAttempt } from '../quiz/grade.js';
export * from '../events/quiz.js';

declare global {
  interface HTMLElementTagNameMap {
    'lms-quiz': LmsQuiz;
  }
}
