import type { AttemptCompleteDetail } from '@lms-kit/runtime';

export type { AttemptCompleteDetail };

/** An attempt was submitted and scored, or its last pending answer was graded. */
export class LmsAttemptCompleteEvent extends Event {
  static readonly type = 'lms-attempt-complete';
  constructor(readonly detail: AttemptCompleteDetail) {
    super(LmsAttemptCompleteEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-attempt-complete': LmsAttemptCompleteEvent;
  }
}
