import type { QuestionAnswerDetail } from '@lms-kit/runtime';

export type { QuestionAnswerDetail };

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
