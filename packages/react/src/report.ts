import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsReport as LmsReportElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-report';

/** `<lms-report>`: course, quiz item, learner, group and compliance reports for instructors and admins. */
export const LmsReport = createComponent({
  tagName: 'lms-report',
  elementClass: LmsReportElement,
  react: React,
  events: { onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']> },
});
