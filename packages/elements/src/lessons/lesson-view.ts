import type { Course, Lesson, LessonResult, LessonState } from '@lms-kit/core';
import { property } from 'lit/decorators.js';
import { LmsLessonReportEvent, type LessonPosition } from '../events/lesson-report.js';
import { LmsElement } from './lms-element.js';
import { lessonViewMessages } from '../i18n/messages-en-lesson-views.js';
import { registerMessages } from '../i18n/localize.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', lessonViewMessages);

/**
 * Base class of the elements that show one lesson kind inside `<lms-course-player>`.
 * The player sets the properties; the view reports back with `lms-lesson-report`.
 */
export class LessonViewElement<L extends Lesson = Lesson> extends LmsElement {
  /** The lesson to show, as written in the course JSON. */
  @property({ attribute: false }) lesson?: L;
  /** URL the lesson's relative URLs resolve against (the course document's URL). */
  @property({ attribute: false }) baseUrl?: string;
  /** Where the learner left this lesson last time. */
  @property({ attribute: false }) savedState?: LessonState;
  /** The course the lesson is part of. */
  @property({ attribute: false }) course?: Course;
  /** xAPI registration of the learner's enrollment in the course. */
  @property({ attribute: false }) registration?: string;
  /** Whether the learner already completed this lesson. */
  @property({ type: Boolean }) completed = false;
  /** Level of the heading the player gives the lesson title: the view's own headings go below it. */
  @property({ attribute: false }) headingLevel = 3;

  /** Resolves once the content is shown, so the player can restore the scroll position. */
  get contentReady(): Promise<unknown> {
    return this.updateComplete;
  }

  protected resolveUrl(src: string): string {
    return new URL(src, this.baseUrl ?? document.baseURI).href;
  }

  protected reportResult(result: LessonResult): void {
    this.dispatchEvent(new LmsLessonReportEvent({ result }));
  }

  protected reportPosition(position: LessonPosition): void {
    this.dispatchEvent(new LmsLessonReportEvent({ position }));
  }
}
