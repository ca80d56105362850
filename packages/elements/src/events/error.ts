import type { ErrorDetail } from '@lms-kit/runtime';

export type { ErrorDetail };

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
