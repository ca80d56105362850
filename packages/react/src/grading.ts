import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsGrading as LmsGradingElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-grading';

/** `<lms-grading>`: the queue of answers waiting for a person. */
export const LmsGrading = createComponent({
  tagName: 'lms-grading',
  elementClass: LmsGradingElement,
  react: React,
  events: { onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']> },
});
