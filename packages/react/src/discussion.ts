import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsDiscussion as LmsDiscussionElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-discussion';

/** `<lms-discussion>`: a lesson's discussion on a server, or the learner's private notes in the browser. */
export const LmsDiscussion = createComponent({
  tagName: 'lms-discussion',
  elementClass: LmsDiscussionElement,
  react: React,
  events: {
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
