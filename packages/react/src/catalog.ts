import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsCatalog as LmsCatalogElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-catalog';

/** `<lms-catalog>`: The courses a site offers: search, filters, enroll, continue. */
export const LmsCatalog = createComponent({
  tagName: 'lms-catalog',
  elementClass: LmsCatalogElement,
  react: React,
  events: {
    onLmsContinue: 'lms-continue' as EventName<GlobalEventHandlersEventMap['lms-continue']>,
    onLmsCourseEnroll: 'lms-course-enroll' as EventName<GlobalEventHandlersEventMap['lms-course-enroll']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
