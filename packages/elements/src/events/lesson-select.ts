export interface LessonSelectDetail {
  courseId: string;
  lessonId: string;
  /** The lesson being left, if any. */
  fromLessonId?: string;
}

/** The learner asks to open a lesson. Cancelable: `preventDefault()` keeps the current lesson. */
export class LmsLessonSelectEvent extends Event {
  static readonly type = 'lms-lesson-select';
  constructor(readonly detail: LessonSelectDetail) {
    super(LmsLessonSelectEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-lesson-select': LmsLessonSelectEvent;
  }
}
