import type { BadgeDefinition, PointsAward, Reminder } from '@lms-kit/core';

export interface PointsAwardDetail {
  award: PointsAward;
  /** The learner's total after this award. */
  total: number;
}

/** Points were given to the learner and stored in the ledger (once per award, whichever tab stored it). */
export class LmsPointsAwardEvent extends Event {
  static readonly type = 'lms-points-award';
  constructor(readonly detail: PointsAwardDetail) {
    super(LmsPointsAwardEvent.type, { bubbles: true, composed: true });
  }
}

export interface BadgeEarnedDetail {
  badge: BadgeDefinition;
  earnedAt: string;
}

/** The learner earned a badge (stored before the event). */
export class LmsBadgeEarnedEvent extends Event {
  static readonly type = 'lms-badge-earned';
  constructor(readonly detail: BadgeEarnedDetail) {
    super(LmsBadgeEarnedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * A reminder the learner is due (a course due soon or overdue, a certificate expiring, a course left
 * untouched), dispatched once per reminder by `<lms-notifications>`: a site can send its own email.
 */
export class LmsReminderEvent extends Event {
  static readonly type = 'lms-reminder';
  constructor(readonly detail: { reminder: Reminder; learnerId: string }) {
    super(LmsReminderEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-reminder': LmsReminderEvent;
    'lms-points-award': LmsPointsAwardEvent;
    'lms-badge-earned': LmsBadgeEarnedEvent;
  }
}
