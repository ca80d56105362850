import type { LessonBase } from '../course/model.js';

/**
 * A `session` lesson: an instructor-led class in a room or a virtual class at a meeting link, at a
 * set time. Learners book a seat (up to `capacity`, then on the waiting list when it is on); the
 * instructor marks attendance, which completes the lesson.
 */
export interface SessionLesson extends LessonBase {
  kind: 'session';
  /** Wall-clock start in the session's time zone, ISO 8601 without offset: `2027-01-14T14:00`. */
  startsAt: string;
  /** IANA time zone of `startsAt`, e.g. `Europe/Paris`. */
  timeZone: string;
  durationMinutes: number;
  /** Where the class meets (an address, a room). At least one of `place` and `meetingUrl`. */
  place?: string;
  /** Link of a virtual class (http(s), checked by the URL policy). */
  meetingUrl?: string;
  /** Seats. */
  capacity: number;
  /** Whether learners may queue for a seat once the session is full (promoted in order on cancel). Default false. */
  waitingList?: boolean;
  /** Who teaches it, shown to learners. */
  instructor?: string;
}

/** Where a learner stands for a session: no seat, a seat, a place in the queue, or attended. */
export type SessionBookingStatus = 'none' | 'booked' | 'waiting' | 'attended';

/** A session as a learner sees it: their booking and the seats left (unknown where a store cannot count others). */
export interface SessionBookingState {
  status: SessionBookingStatus;
  /** 1-based place in the waiting list while `waiting`. */
  position?: number;
  /** Seats not taken; undefined when unknown. */
  seatsLeft?: number;
  capacity: number;
  waitingList: boolean;
}

/** What a learner can do next about their booking, given where they stand. */
export type SessionAction = 'book' | 'join-waiting-list' | 'cancel' | 'leave-waiting-list';

export function sessionAction(state: SessionBookingState): SessionAction | undefined {
  if (state.status === 'booked') return 'cancel';
  if (state.status === 'waiting') return 'leave-waiting-list';
  if (state.status === 'attended') return undefined;
  if (state.seatsLeft === undefined || state.seatsLeft > 0) return 'book';
  return state.waitingList ? 'join-waiting-list' : undefined;
}
