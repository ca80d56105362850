import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsCoursePlayer as LmsCoursePlayerElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-course-player';

/** `<lms-course-player>`: Plays a course: outline, lesson, previous/next, resume. */
export const LmsCoursePlayer = createComponent({
  tagName: 'lms-course-player',
  elementClass: LmsCoursePlayerElement,
  react: React,
  events: {
    onLmsLessonComplete: 'lms-lesson-complete' as EventName<GlobalEventHandlersEventMap['lms-lesson-complete']>,
    onLmsCourseComplete: 'lms-course-complete' as EventName<GlobalEventHandlersEventMap['lms-course-complete']>,
    onLmsProgressChange: 'lms-progress-change' as EventName<GlobalEventHandlersEventMap['lms-progress-change']>,
    onLmsLessonSelect: 'lms-lesson-select' as EventName<GlobalEventHandlersEventMap['lms-lesson-select']>,
    onLmsCertificateIssue: 'lms-certificate-issue' as EventName<GlobalEventHandlersEventMap['lms-certificate-issue']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
    onLmsOfflineChange: 'lms-offline-change' as EventName<GlobalEventHandlersEventMap['lms-offline-change']>,
  },
});
