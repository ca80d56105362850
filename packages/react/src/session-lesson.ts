import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsSessionLesson as LmsSessionLessonElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-session-lesson';

/** `<lms-session-lesson>`: a `session` lesson (book a seat, waiting list, `.ics`, attendance), usually shown by the course player. */
export const LmsSessionLesson = createComponent({
  tagName: 'lms-session-lesson',
  elementClass: LmsSessionLessonElement,
  react: React,
  events: {
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
    onLmsLessonReport: 'lms-lesson-report' as EventName<GlobalEventHandlersEventMap['lms-lesson-report']>,
  },
});
