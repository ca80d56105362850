import type { Course } from '@lms-kit/core';

export interface CourseSaveDetail {
  /** The course, validated: never an invalid one. */
  course: Course;
}

/** <lms-course-editor>: the author saved the course (the page stores it where its courses live). */
export class LmsCourseSaveEvent extends Event {
  static readonly type = 'lms-course-save';
  constructor(readonly detail: CourseSaveDetail) {
    super(LmsCourseSaveEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * <lms-course-editor>: the author asks to publish the course. Cancelable: a versioning module that
 * handles it (makes a version, starts a review) calls `preventDefault()`; otherwise the editor only
 * reports it.
 */
export class LmsCoursePublishEvent extends Event {
  static readonly type = 'lms-course-publish';
  constructor(readonly detail: CourseSaveDetail) {
    super(LmsCoursePublishEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-course-save': LmsCourseSaveEvent;
    'lms-course-publish': LmsCoursePublishEvent;
  }
}
