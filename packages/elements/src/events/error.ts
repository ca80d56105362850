import type { LmsError } from '@lms-kit/core';

export interface ErrorDetail {
  error: LmsError;
  /** True when the element keeps working (e.g. a save failed but the learner can go on). */
  recoverable: boolean;
}

/** Something failed; the element also shows it. Elements never throw from lifecycle or handlers. */
export class LmsErrorEvent extends Event {
  static readonly type = 'lms-error';
  constructor(readonly detail: ErrorDetail) {
    super(LmsErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-error': LmsErrorEvent;
  }
}
