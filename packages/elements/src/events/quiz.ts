/** The events of `<lms-quiz>`: exported by the quiz chunk and the package, not by the up-front bundle entry. */
export * from './quiz-start.js';
export * from './question-answer.js';
export * from './quiz-submit.js';
export * from './attempt-complete.js';
