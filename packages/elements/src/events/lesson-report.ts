import type { LessonPosition, LessonReport } from '@lms-kit/runtime';

export type { LessonPosition };

export interface LessonReportDetail extends LessonReport {
  /** The lesson asks the player to open another lesson (a SCORM `adl.nav.request`): `next`, `previous` or a lesson id. */
  navigate?: string;
}

/**
 * Sent by a lesson view to the player that hosts it: a result (completed, passed, score, progress)
 * and/or a position to keep. Lesson kinds added by other packages report through it too.
 */
export class LmsLessonReportEvent extends Event {
  static readonly type = 'lms-lesson-report';
  constructor(readonly detail: LessonReportDetail) {
    super(LmsLessonReportEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-lesson-report': LmsLessonReportEvent;
  }
}
