import type { LessonResult } from '@lms-kit/core';

/** Where the learner is inside a lesson, saved so they can resume there. */
export interface LessonPosition {
  /** Seconds into a video or audio. */
  position?: number;
  /** Fraction 0..1 of the lesson scrolled. */
  scroll?: number;
  /** Kind-specific state (watched ranges, SCORM CMI data, quiz answers…). */
  data?: unknown;
}

export interface LessonReportDetail {
  result?: LessonResult;
  position?: LessonPosition;
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
