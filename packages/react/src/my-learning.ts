import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsMyLearning as LmsMyLearningElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-my-learning';

/** `<lms-my-learning>`: The learner’s dashboard: assigned, in progress, completed, certificates, points and badges. */
export const LmsMyLearning = createComponent({
  tagName: 'lms-my-learning',
  elementClass: LmsMyLearningElement,
  react: React,
  events: {
    onLmsContinue: 'lms-continue' as EventName<GlobalEventHandlersEventMap['lms-continue']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
