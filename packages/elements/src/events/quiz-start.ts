export interface QuizStartDetail {
  quizId: string;
  attemptId: string;
  /** 1 for the learner's first attempt. */
  attempt: number;
  /** ISO time of the deadline, when the quiz has a time limit. */
  deadline?: string;
}

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
