import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsCourseVersions as LmsCourseVersionsElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-course-versions';

/** `<lms-course-versions>`: a course's versions, the diff of two, roll back with confirmation, review state and comments. */
export const LmsCourseVersions = createComponent({
  tagName: 'lms-course-versions',
  elementClass: LmsCourseVersionsElement,
  react: React,
  events: {
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
