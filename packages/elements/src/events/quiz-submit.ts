import type { QuizSubmitDetail } from '@lms-kit/runtime';

export type { QuizSubmitDetail };

/** The learner asks to submit the attempt. Cancelable (except at the deadline): `preventDefault()` keeps it open. */
export class LmsQuizSubmitEvent extends Event {
  static readonly type = 'lms-quiz-submit';
  constructor(readonly detail: QuizSubmitDetail) {
    super(LmsQuizSubmitEvent.type, { bubbles: true, composed: true, cancelable: !detail.auto });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-quiz-submit': LmsQuizSubmitEvent;
  }
}
