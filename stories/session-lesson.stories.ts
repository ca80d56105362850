import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { LmsError, type SessionBookingState, type SessionLesson } from '@lms-kit/core';
import { MemoryAdapter, type SessionBookingList, type SessionBookings, type StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-session-lesson';
import { LEARNER_EMAIL, storyLocale } from './support.js';

const meta: Meta = {
  title: 'Lessons/Session',
  component: 'lms-session-lesson',
  parameters: {
    docs: {
      description: {
        component:
          'A `session` lesson (instructor-led or virtual class), shown inside `<lms-course-player>`: its time in the learner’s and the session’s time zones, place or meeting link, seats left; book or cancel a seat, join the waiting list, download the `.ics` file. On a server, instructors mark attendance; on browser storage the booking is local and the view says so.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const course = { schema: 1 as const, id: 'food-safety-basics', title: 'Food safety basics', modules: [] };
const lesson: SessionLesson = {
  id: 'kitchen-workshop',
  kind: 'session',
  title: 'Kitchen hygiene workshop',
  startsAt: '2027-01-14T14:00',
  timeZone: 'Europe/Paris',
  durationMinutes: 90,
  place: 'Training kitchen, 12 rue des Écoles, Paris',
  capacity: 12,
  waitingList: true,
  instructor: 'Sam Okafor',
};
const virtual: SessionLesson = {
  ...lesson,
  id: 'online-qa',
  title: 'Live Q&A',
  place: undefined,
  meetingUrl: 'https://meet.example.org/food-safety',
};

/** A storage whose `sessions` answers as the server would (stories have no server). */
function serverLike(state: () => Promise<SessionBookingState>, list?: SessionBookingList): StorageAdapter {
  const sessions: SessionBookings = { shared: true, state, book: state, cancel: state, ...(list ? { list: async () => list } : {}) };
  return Object.assign(new MemoryAdapter(), { sessions });
}

const view = (storage: StorageAdapter, session = lesson, roles = '') =>
  html`<lms-provider learner-name="Jamie Rivera" learner-email=${LEARNER_EMAIL} locale=${storyLocale()} roles=${roles} .storage=${storage}>
    <lms-session-lesson .course=${course} .lesson=${session}></lms-session-lesson>
  </lms-provider>`;

const seats = (fields: Partial<SessionBookingState>): SessionBookingState => ({
  status: 'none',
  capacity: 12,
  waitingList: true,
  seatsLeft: 5,
  ...fields,
});

export const LocalBooking: Story = { render: () => view(new MemoryAdapter()) };
export const VirtualClass: Story = { render: () => view(new MemoryAdapter(), virtual) };
export const SeatsLeft: Story = { render: () => view(serverLike(async () => seats({}))) };
export const Booked: Story = { render: () => view(serverLike(async () => seats({ status: 'booked', seatsLeft: 4 }))) };
export const FullWithWaitingList: Story = { render: () => view(serverLike(async () => seats({ seatsLeft: 0 }))) };
export const OnWaitingList: Story = { render: () => view(serverLike(async () => seats({ status: 'waiting', position: 2, seatsLeft: 0 }))) };
export const Full: Story = { render: () => view(serverLike(async () => seats({ seatsLeft: 0, waitingList: false }))) };
export const Attended: Story = { render: () => view(serverLike(async () => seats({ status: 'attended', seatsLeft: 0 }))) };
export const NotOpen: Story = {
  render: () =>
    view(
      serverLike(async () => {
        throw new LmsError('session/not-open', 'This session has no seats open for booking yet.');
      }),
    ),
};
export const LoadError: Story = {
  render: () =>
    view(
      serverLike(async () => {
        throw new LmsError('storage/unavailable', 'The LMS server cannot be reached.');
      }),
    ),
};
export const InstructorBookings: Story = {
  render: () =>
    view(
      serverLike(async () => seats({ seatsLeft: 10 }), {
        capacity: 12,
        waitingList: true,
        seatsLeft: 10,
        items: [
          { learnerId: 'mailto:noor@example.com', name: 'Noor Haddad', status: 'booked', attended: true, bookedAt: '2026-12-01T10:00:00Z' },
          { learnerId: 'mailto:lee@example.com', name: 'Lee Park', status: 'booked', attended: null, bookedAt: '2026-12-02T10:00:00Z' },
        ],
      }),
      lesson,
      'instructor',
    ),
};
export const InstructorOnBrowserStorage: Story = { render: () => view(new MemoryAdapter(), lesson, 'instructor') };
