import type { ProgressChangeDetail } from '@lms-kit/runtime';

export type { ProgressChangeDetail };

/** The learner's progress in the course changed (a lesson completed, points earned). */
export class LmsProgressChangeEvent extends Event {
  static readonly type = 'lms-progress-change';
  constructor(readonly detail: ProgressChangeDetail) {
    super(LmsProgressChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-progress-change': LmsProgressChangeEvent;
  }
}
