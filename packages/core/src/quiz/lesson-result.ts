import type { LessonResult } from '../progress/model.js';
import type { AttemptResult } from './attempt.js';

/**
 * What a quiz attempt means to its lesson: passed (or submitted, for a quiz without a passing score)
 * completes it, with the score; failed keeps it open. Undefined while an answer waits for grading.
 * Shared by the page's course player and the server, which applies a grade to the learner's progress.
 */
export function quizLessonResult(result: AttemptResult): LessonResult | undefined {
  if (result.pending) return undefined;
  const score = result.max > 0 ? { scaled: result.scaled, raw: result.raw, min: 0, max: result.max } : undefined;
  return { completed: result.passed !== false, passed: result.passed, ...(score ? { score } : {}) };
}
