import type { LessonCompleteDetail } from '@lms-kit/runtime';

export type { LessonCompleteDetail };

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
