/**
 * Seat bookings of `session` lessons: counted across learners by a server (`HttpStorageAdapter.sessions`,
 * capacity and waiting list enforced there), or, on a browser-only storage, a booking kept for the one
 * local learner in this browser (`localSessionBookings`): it reserves nothing anywhere else.
 */
import { LmsError, type SessionBookingState, type SessionLesson } from '@lms-kit/core';
import type { StorageAdapter, StoredRecord } from './adapter.js';

export interface SessionRef {
  courseId: string;
  lessonId: string;
}

/** A learner's booking as an instructor sees it. */
export interface SessionBookingRow {
  learnerId: string;
  name: string | null;
  status: 'booked' | 'waiting';
  /** null until marked. */
  attended: boolean | null;
  bookedAt: string;
}

export interface SessionBookingList {
  capacity: number;
  waitingList: boolean;
  seatsLeft: number;
  items: SessionBookingRow[];
}

/** What the session lesson view reads and does. */
export interface SessionBookings {
  /** Whether bookings are shared (a server) or kept in this browser only. */
  readonly shared: boolean;
  state(ref: SessionRef, session: SessionLesson): Promise<SessionBookingState>;
  book(ref: SessionRef, session: SessionLesson): Promise<SessionBookingState>;
  cancel(ref: SessionRef, session: SessionLesson): Promise<SessionBookingState>;
  /** Instructors: the bookings of a session (a server only). */
  list?(ref: SessionRef): Promise<SessionBookingList>;
  /** Instructors: marks a booked learner's attendance, which completes the lesson for them (a server only). */
  markAttendance?(ref: SessionRef, learnerId: string, attended: boolean): Promise<void>;
}

interface LocalBooking extends StoredRecord {
  learnerId: string;
  courseId: string;
  lessonId: string;
  bookedAt: string;
}

/** The collection local bookings are kept in. */
export const SESSION_BOOKINGS = 'session-bookings';

/**
 * The local learner's bookings in this browser. The capacity is the course's; only the learner's own
 * seat is counted, so the seats left are the capacity less that seat.
 */
export function localSessionBookings(storage: StorageAdapter, learnerId: string, now = () => new Date()): SessionBookings {
  const id = (ref: SessionRef) => JSON.stringify([learnerId, ref.courseId, ref.lessonId]);
  const state = async (ref: SessionRef, session: SessionLesson): Promise<SessionBookingState> => {
    const booked = (await storage.getRecord<LocalBooking>(SESSION_BOOKINGS, id(ref))) !== undefined;
    return {
      status: booked ? 'booked' : 'none',
      seatsLeft: session.capacity - (booked ? 1 : 0),
      capacity: session.capacity,
      waitingList: session.waitingList === true,
    };
  };
  return {
    shared: false,
    state,
    async book(ref, session) {
      const current = await state(ref, session);
      if (current.status === 'none') {
        if (current.seatsLeft === 0) throw new LmsError('session/full', 'Every seat of this session is taken.');
        await storage.putRecord(SESSION_BOOKINGS, { id: id(ref), ...ref, learnerId, bookedAt: now().toISOString() } satisfies LocalBooking);
      }
      return state(ref, session);
    },
    async cancel(ref, session) {
      await storage.deleteRecord(SESSION_BOOKINGS, id(ref));
      return state(ref, session);
    },
  };
}
