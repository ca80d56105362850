import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsNotifications as LmsNotificationsElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-notifications';

/** `<lms-notifications>`: due dates, expiring certificates and idle courses; `onLmsReminder` once per reminder. */
export const LmsNotifications = createComponent({
  tagName: 'lms-notifications',
  elementClass: LmsNotificationsElement,
  react: React,
  events: {
    onLmsReminder: 'lms-reminder' as EventName<GlobalEventHandlersEventMap['lms-reminder']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
