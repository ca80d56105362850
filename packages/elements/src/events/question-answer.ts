export interface QuestionAnswerDetail {
  quizId: string;
  attemptId: string;
  questionId: string;
  /** The response in LMS Kit's form (choice ids, texts, pairs…), as stored. */
  response: unknown;
  /** True when the answer was checked (immediate feedback) and is final. */
  checked: boolean;
}

/** The learner answered or changed an answer (saved already). */
export class LmsQuestionAnswerEvent extends Event {
  static readonly type = 'lms-question-answer';
  constructor(readonly detail: QuestionAnswerDetail) {
    super(LmsQuestionAnswerEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-question-answer': LmsQuestionAnswerEvent;
  }
}
