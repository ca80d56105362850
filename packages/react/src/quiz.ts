import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsQuiz as LmsQuizElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-quiz';

/** `<lms-quiz>`: A quiz on any page, or as a quiz lesson. */
export const LmsQuiz = createComponent({
  tagName: 'lms-quiz',
  elementClass: LmsQuizElement,
  react: React,
  events: {
    onLmsQuizStart: 'lms-quiz-start' as EventName<GlobalEventHandlersEventMap['lms-quiz-start']>,
    onLmsQuestionAnswer: 'lms-question-answer' as EventName<GlobalEventHandlersEventMap['lms-question-answer']>,
    onLmsQuizSubmit: 'lms-quiz-submit' as EventName<GlobalEventHandlersEventMap['lms-quiz-submit']>,
    onLmsAttemptComplete: 'lms-attempt-complete' as EventName<GlobalEventHandlersEventMap['lms-attempt-complete']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
