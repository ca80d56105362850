import type { AttemptResult, QuizLesson } from '@lms-kit/core/quiz';
import { courseActivity, lessonActivityId } from '@lms-kit/core/xapi';
import { css, html, nothing } from 'lit';
import { query } from 'lit/decorators.js';
import type { LmsAttemptCompleteEvent } from '../../events/attempt-complete.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import type { QuizContext } from '../../quiz/quiz-session.js';
import '../../define/lms-quiz.js';
import type { LmsQuiz } from '../quiz/lms-quiz.js';

/**
 * @tag lms-quiz-lesson
 * @summary Shows a `quiz` lesson inside `<lms-course-player>`. The quiz's result drives the lesson:
 * passed (or submitted, for a quiz without a passing score) completes it and earns its points in
 * proportion to the best score; failed keeps it open and opens its remedial lesson.
 *
 * @csspart quiz - The `<lms-quiz>`.
 */
export class LmsQuizLesson extends LessonViewElement<QuizLesson> {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @query('lms-quiz') private quizElement?: LmsQuiz;
  private context?: { key: readonly unknown[]; value: QuizContext };

  /** Once the quiz and its attempts are shown, so the player restores the scroll position over them. */
  override get contentReady(): Promise<unknown> {
    return this.updateComplete.then(() => this.quizElement?.ready).then(() => this.quizElement?.updateComplete);
  }

  /**
   * The same object while the lesson is the same: a new one would make the quiz load again (dropping
   * focus and the result it just announced) every time the lesson re-renders, e.g. when it completes.
   */
  private get quizContext(): QuizContext | undefined {
    const { course, lesson, registration } = this;
    if (!course || !lesson) return undefined;
    const key = [course, lesson, registration] as const;
    if (this.context?.key.every((part, i) => part === key[i])) return this.context.value;
    const value = {
      courseId: course.id,
      activityId: lessonActivityId(course, lesson.id),
      registration: this.registration,
      course: courseActivity(course),
      title: lesson.title,
      language: course.language,
    };
    this.context = { key, value };
    return value;
  }

  protected override firstUpdated(): void {
    // A result reached while the course was closed (an answer graded later) still counts.
    void this.quizElement?.ready.then(() => {
      const best = this.quizElement?.bestResult;
      if (best && !this.completed) this.report(best);
    });
  }

  private report(result: AttemptResult): void {
    if (result.pending) return;
    const score = result.max > 0 ? { scaled: result.scaled, raw: result.raw, min: 0, max: result.max } : undefined;
    this.reportResult({ completed: result.passed !== false, passed: result.passed, ...(score ? { score } : {}) });
  }

  protected override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    return html`<lms-quiz
      part="quiz"
      hide-title
      heading-level=${this.headingLevel + 1}
      .src=${lesson.src ? this.resolveUrl(lesson.src) : undefined}
      .quiz=${lesson.quiz}
      .context=${this.quizContext}
      @lms-attempt-complete=${(event: LmsAttemptCompleteEvent) => this.report(event.detail.result)}
    ></lms-quiz>`;
  }
}
