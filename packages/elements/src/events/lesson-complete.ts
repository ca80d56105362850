import type { LessonResult } from '@lms-kit/core';

export interface LessonCompleteDetail {
  courseId: string;
  lessonId: string;
  result: LessonResult;
}

/** A lesson has just been completed by the learner (not fired for lessons completed earlier). */
export class LmsLessonCompleteEvent extends Event {
  static readonly type = 'lms-lesson-complete';
  constructor(readonly detail: LessonCompleteDetail) {
    super(LmsLessonCompleteEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-lesson-complete': LmsLessonCompleteEvent;
  }
}
