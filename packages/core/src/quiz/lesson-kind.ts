import { isObject } from '../course/checks.js';
import type { LessonKindDefinition } from '../course/lesson-kinds.js';

/**
 * The `quiz` lesson kind: `src` (a quiz JSON, `.gift` or Aiken `.txt` file) or the quiz inline as
 * `quiz`. It is an assessment: it reports passed or failed, so it can be the target of `remedialFor`.
 * The quiz itself is checked when it loads (with its own paths), so course validation stays small.
 */
export const quizLessonKind: LessonKindDefinition = {
  kind: 'quiz',
  assessment: true,
  validate(lesson) {
    const src = lesson.url('src');
    const quiz = lesson.object.quiz;
    if (quiz !== undefined && !isObject(quiz)) lesson.report.add(lesson.at('quiz'), 'must be a quiz object');
    if (src === undefined && quiz === undefined && !lesson.has('src'))
      lesson.report.add(lesson.at('src'), 'required (or give the quiz inline as `quiz`)');
    if (lesson.has('src') && quiz !== undefined) lesson.report.add(lesson.at('quiz'), 'give either src or quiz, not both');
  },
};
