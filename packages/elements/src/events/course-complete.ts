import type { CourseCompleteDetail } from '@lms-kit/runtime';

export type { CourseCompleteDetail };

/** Every required lesson of the course is now completed. */
export class LmsCourseCompleteEvent extends Event {
  static readonly type = 'lms-course-complete';
  constructor(readonly detail: CourseCompleteDetail) {
    super(LmsCourseCompleteEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-course-complete': LmsCourseCompleteEvent;
  }
}
