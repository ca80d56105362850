import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsBadges as LmsBadgesElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-badges';

/** `<lms-badges>`: The learner's points, level and badges, with award announcements. */
export const LmsBadges = createComponent({
  tagName: 'lms-badges',
  elementClass: LmsBadgesElement,
  react: React,
  events: {
    onLmsPointsAward: 'lms-points-award' as EventName<GlobalEventHandlersEventMap['lms-points-award']>,
    onLmsBadgeEarned: 'lms-badge-earned' as EventName<GlobalEventHandlersEventMap['lms-badge-earned']>,
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
