export interface ContinueDetail {
  courseId: string;
  /** The lesson the learner was last in, to resume there. */
  lessonId?: string;
  /** The course page, when the catalog gives one. */
  href?: string;
}

/**
 * The learner asks to continue (or start, or review) a course from the catalog or the dashboard.
 * Cancelable: `preventDefault()` keeps the page where it is (a single-page app opens the course itself);
 * otherwise the browser follows `href` when there is one.
 */
export class LmsContinueEvent extends Event {
  static readonly type = 'lms-continue';
  constructor(readonly detail: ContinueDetail) {
    super(LmsContinueEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-continue': LmsContinueEvent;
  }
}
