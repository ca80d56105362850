export interface QuizSubmitDetail {
  quizId: string;
  attemptId: string;
  /** Questions with no answer yet. */
  unanswered: number;
  /** True when the deadline submits the attempt; that submission cannot be cancelled. */
  auto: boolean;
}

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
