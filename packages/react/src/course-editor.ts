import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsCourseEditor as LmsCourseEditorElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-course-editor';

/** `<lms-course-editor>`: builds a course without writing JSON, with a live preview and autosaved drafts. */
export const LmsCourseEditor = createComponent({
  tagName: 'lms-course-editor',
  elementClass: LmsCourseEditorElement,
  react: React,
  events: {
    onLmsCourseSave: 'lms-course-save' as EventName<GlobalEventHandlersEventMap['lms-course-save']>,
    onLmsCoursePublish: 'lms-course-publish' as EventName<GlobalEventHandlersEventMap['lms-course-publish']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
