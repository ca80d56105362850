import type { AttemptResult } from '@lms-kit/core/quiz';

export interface AttemptCompleteDetail {
  quizId: string;
  attemptId: string;
  attempt: number;
  /** Score, pass/fail (undefined without a passing score or while pending) and each question's result. */
  result: AttemptResult;
  /** An answer waits for a person to grade it: the final result comes with a later event. */
  pending: boolean;
}

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
