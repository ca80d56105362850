import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsQuizLesson as LmsQuizLessonElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-quiz-lesson';

/** `<lms-quiz-lesson>`: A quiz as a lesson of a course (the player shows it). */
export const LmsQuizLesson = createComponent({
  tagName: 'lms-quiz-lesson',
  elementClass: LmsQuizLessonElement,
  react: React,
  events: {
    onLmsLessonReport: 'lms-lesson-report' as EventName<GlobalEventHandlersEventMap['lms-lesson-report']>,
  },
});
