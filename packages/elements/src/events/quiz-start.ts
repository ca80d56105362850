import type { QuizStartDetail } from '@lms-kit/runtime';

export type { QuizStartDetail };

/** The learner started a new attempt (not fired when one is resumed). */
export class LmsQuizStartEvent extends Event {
  static readonly type = 'lms-quiz-start';
  constructor(readonly detail: QuizStartDetail) {
    super(LmsQuizStartEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-quiz-start': LmsQuizStartEvent;
  }
}
