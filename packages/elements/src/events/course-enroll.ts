export interface CourseEnrollDetail {
  courseId: string;
}

/** The learner enrolled themselves in a course from the catalog (after the storage or server took it). */
export class LmsCourseEnrollEvent extends Event {
  static readonly type = 'lms-course-enroll';
  constructor(readonly detail: CourseEnrollDetail) {
    super(LmsCourseEnrollEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-course-enroll': LmsCourseEnrollEvent;
  }
}
