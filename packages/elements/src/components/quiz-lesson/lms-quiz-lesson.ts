import type { AttemptResult, QuizLesson } from '@lms-kit/core/quiz';
import { css, html, nothing } from 'lit';
import { query } from 'lit/decorators.js';
import type { LmsAttemptCompleteEvent } from '../../events/attempt-complete.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { quizLessonContext, quizLessonResult, type QuizContext } from '@lms-kit/runtime/quiz';
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
    const value = quizLessonContext(course, lesson, registration);
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
    const lessonResult = quizLessonResult(result);
    if (lessonResult) this.reportResult(lessonResult);
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
