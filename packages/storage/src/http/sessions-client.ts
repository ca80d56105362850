/** The session booking routes of an LMS Kit server (`/v1/sessions`): seats are counted there, under a lock. */
import type { SessionBookingState } from '@lms-kit/core';
import type { SessionBookingList, SessionBookings, SessionRef } from '../sessions.js';
import { seg, type ServerClient } from './client.js';

export class SessionsClient implements SessionBookings {
  readonly shared = true;

  constructor(private readonly client: ServerClient) {}

  private path(ref: SessionRef, rest = ''): string {
    return `v1/sessions/${seg(ref.courseId)}/${seg(ref.lessonId)}${rest}`;
  }

  /** The caller's booking; `session/not-open` while no instructor opened the session's seats. */
  async state(ref: SessionRef): Promise<SessionBookingState> {
    return (await this.client.request<SessionBookingState>('GET', this.path(ref))).body;
  }

  /** A seat, or a place in the waiting list; `session/full` when neither is left. */
  async book(ref: SessionRef): Promise<SessionBookingState> {
    return (await this.client.request<SessionBookingState>('POST', this.path(ref, '/booking'))).body;
  }

  async cancel(ref: SessionRef): Promise<SessionBookingState> {
    return (await this.client.request<SessionBookingState>('DELETE', this.path(ref, '/booking'))).body;
  }

  /** Instructors and admins: opens (or changes) the seats of a session. */
  async open(ref: SessionRef, seats: { capacity: number; waitingList?: boolean; startsAt?: string }): Promise<void> {
    await this.client.request('PUT', this.path(ref), { body: seats });
  }

  async list(ref: SessionRef): Promise<SessionBookingList> {
    return (await this.client.request<SessionBookingList>('GET', this.path(ref, '/bookings'))).body;
  }

  async markAttendance(ref: SessionRef, learnerId: string, attended: boolean): Promise<void> {
    await this.client.request('PUT', this.path(ref, `/attendance/${seg(learnerId)}`), { body: { attended } });
  }
}
