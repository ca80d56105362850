import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsProvider as LmsProviderElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-provider';

/** `<lms-provider>`: Gives the elements inside it their storage, learner, locale and LRSs. */
export const LmsProvider = createComponent({
  tagName: 'lms-provider',
  elementClass: LmsProviderElement,
  react: React,
  events: {
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
    onLmsSyncChange: 'lms-sync-change' as EventName<GlobalEventHandlersEventMap['lms-sync-change']>,
  },
});
