import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { LmsLeaderboard as LmsLeaderboardElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-leaderboard';

/** `<lms-leaderboard>`: learners ranked by points (site, course or group; week, month or all time), opt-in. */
export const LmsLeaderboard = createComponent({
  tagName: 'lms-leaderboard',
  elementClass: LmsLeaderboardElement,
  react: React,
  events: {
    onLmsError: 'lms-error' as EventName<GlobalEventHandlersEventMap['lms-error']>,
  },
});
