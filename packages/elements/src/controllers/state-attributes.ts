import type { CourseState } from '@lms-kit/core';
import type { QuizAttempt } from '@lms-kit/core/quiz';

/** Where a learner is in a course, as `status` attributes say it. */
export type CourseStatus = 'not-started' | 'in-progress' | 'completed';

/** Where a learner is in a quiz: `passed`/`failed` when the quiz has a passing score, else `completed`. */
export type QuizStatus = 'not-started' | 'in-progress' | 'pending-grading' | 'passed' | 'failed' | 'completed';

export function courseStatus(state: CourseState): CourseStatus {
  if (state.completed) return 'completed';
  const started = Object.values(state.lessons).some((lesson) => lesson.status === 'in-progress' || lesson.status === 'completed');
  return started ? 'in-progress' : 'not-started';
}

export function quizStatus(attempt: QuizAttempt | undefined): QuizStatus {
  if (!attempt || attempt.status === 'abandoned') return 'not-started';
  if (attempt.status !== 'completed') return attempt.status;
  const passed = attempt.data.result?.passed;
  return passed === undefined ? 'completed' : passed ? 'passed' : 'failed';
}

/**
 * Sets the state attributes a page styles on (`lms-progress[status='completed']`, `lms-course-player[completed]`):
 * a string is the value, `true` an empty attribute, `false` or `undefined` none. They say what the element
 * shows; setting them from outside changes nothing.
 */
export function reflectStates(host: HTMLElement, states: Record<string, string | boolean | undefined>): void {
  for (const [name, value] of Object.entries(states)) {
    if (value === undefined || value === false) host.removeAttribute(name);
    else if (host.getAttribute(name) !== (value === true ? '' : value)) host.setAttribute(name, value === true ? '' : value);
  }
}
