import {
  formatInterval,
  sessionAction,
  sessionIcs,
  sessionInterval,
  toLmsError,
  type SessionBookingState,
  type SessionLesson,
} from '@lms-kit/core';
import { localSessionBookings, type SessionBookingList, type SessionBookings } from '@lms-kit/storage';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LmsErrorEvent } from '../../events/error.js';
import { registerMessages } from '../../i18n/localize.js';
import { sessionMessages } from '../../i18n/messages-en-sessions.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { tokens } from '../../styles/shared.styles.js';
import { sessionLessonStyles } from './lms-session-lesson.styles.js';

registerMessages('en', sessionMessages);

type View = { state: 'loading' } | { state: 'not-open' } | { state: 'ready'; booking: SessionBookingState } | { state: 'error' };

const ACTION_LABELS: Record<string, MessageId> = {
  book: 'session.book',
  'join-waiting-list': 'session.joinWaitingList',
  cancel: 'session.cancel',
  'leave-waiting-list': 'session.leaveWaitingList',
};

/**
 * @tag lms-session-lesson
 * @summary Shows a `session` lesson (an instructor-led or virtual class): its time in the learner's time
 * zone and in the session's, the place or meeting link, the seats left; the learner books or cancels a
 * seat (or a place in the waiting list) and downloads an `.ics` calendar file. On a server the seats are
 * shared and instructors see the bookings and mark attendance, which completes the lesson; on a
 * browser-only storage the booking is kept in this browser, and the view says so.
 *
 * @csspart base - The wrapper.
 * @csspart details - The time, place and seats.
 * @csspart action - The book / cancel button.
 * @csspart calendar - The `.ics` download link.
 * @csspart bookings - The instructors' table of bookings.
 *
 * @event lms-error - A booking could not be read or changed. `detail: { error, recoverable }`
 */
export class LmsSessionLesson extends LessonViewElement<SessionLesson> {
  static override styles = [tokens, sessionLessonStyles];

  /** Time zone the learner's times are shown in (default: the browser's). */
  @property({ attribute: 'time-zone' }) timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  @state() private view: View = { state: 'loading' };
  @state() private bookings?: SessionBookingList;
  @state() private busy = false;
  private loadedFor?: string;
  private calendarUrl?: string;

  private get source(): SessionBookings | undefined {
    const services = this.services.value;
    if (!services) return undefined;
    return services.sessions ?? localSessionBookings(services.storage, services.learner.id);
  }

  private get ref() {
    return { courseId: this.course?.id ?? '', lessonId: this.lesson?.id ?? '' };
  }

  private get teaches(): boolean {
    const roles = this.services.value?.roles ?? [];
    return roles.includes('instructor') || roles.includes('admin');
  }

  protected override servicesChanged(): void {
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const services = this.services.value;
    const key = services && this.lesson && JSON.stringify([services.learner.id, this.course?.id, this.lesson.id]);
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.run(async (source) => source.state(this.ref, this.lesson!));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.setCalendarUrl(undefined);
  }

  /** Runs a booking call, then shows where the learner stands (and, for instructors on a server, the bookings). */
  private async run(work: (source: SessionBookings) => Promise<SessionBookingState>): Promise<void> {
    const source = this.source;
    if (!source || !this.lesson) return;
    this.busy = true;
    try {
      const booking = await work(source);
      this.view = { state: 'ready', booking };
      this.setCalendarUrl(booking.status === 'booked' || booking.status === 'waiting' ? this.ics() : undefined);
      if (booking.status === 'attended' && !this.completed) this.reportResult({ completed: true });
      if (this.teaches && source.list) this.bookings = await source.list(this.ref);
    } catch (error) {
      const lmsError = toLmsError(error, 'storage/failed');
      if (lmsError.code === 'session/not-open') this.view = { state: 'not-open' };
      else if (lmsError.code === 'session/full' && this.view.state === 'ready')
        this.view = { state: 'ready', booking: { ...this.view.booking, seatsLeft: 0 } };
      else this.view = { state: 'error' };
      this.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: true }));
    } finally {
      this.busy = false;
    }
  }

  private ics(): string {
    return sessionIcs(this.lesson!, {
      courseId: this.ref.courseId,
      courseTitle: this.course?.title,
      domain: location.hostname || undefined,
    });
  }

  private setCalendarUrl(text: string | undefined): void {
    if (this.calendarUrl) URL.revokeObjectURL(this.calendarUrl);
    this.calendarUrl = text === undefined ? undefined : URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  }

  private act(): void {
    if (this.view.state !== 'ready' || this.busy) return;
    const action = sessionAction(this.view.booking);
    const ref = this.ref;
    const lesson = this.lesson!;
    if (action === 'book' || action === 'join-waiting-list') void this.run((source) => source.book(ref, lesson));
    else if (action) void this.run((source) => source.cancel(ref, lesson));
  }

  private async mark(learnerId: string, attended: boolean): Promise<void> {
    await this.run(async (source) => {
      await source.markAttendance!(this.ref, learnerId, attended);
      return source.state(this.ref, this.lesson!);
    });
  }

  protected override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    const interval = sessionInterval(lesson);
    const local = this.source?.shared === false;
    return html`<div part="base">
      <ul part="details">
        <li>${this.t('session.yourTime', { time: formatInterval(interval, this.locale, this.timeZone) })}</li>
        ${
          lesson.timeZone !== this.timeZone
            ? html`<li class="muted">
                ${this.t('session.sessionTime', { time: formatInterval(interval, this.locale, lesson.timeZone) })}
              </li>`
            : nothing
        }
        ${lesson.place ? html`<li>${this.t('session.place', { place: lesson.place })}</li>` : nothing}
        ${
          lesson.meetingUrl
            ? html`<li>
                <a href=${lesson.meetingUrl} target="_blank" rel="noopener"
                  >${this.t('session.join')}<span class="visually-hidden"> ${this.t('document.opensNewTab')}</span></a
                >
              </li>`
            : nothing
        }
        ${lesson.instructor ? html`<li>${this.t('session.instructor', { name: lesson.instructor })}</li>` : nothing}
        ${
          this.view.state === 'ready' && this.view.booking.seatsLeft !== undefined
            ? html`<li>${this.t('session.seatsLeft', { count: this.view.booking.seatsLeft, capacity: this.view.booking.capacity })}</li>`
            : nothing
        }
      </ul>
      ${this.renderBooking()} ${local ? html`<p class="muted">${this.t('session.localOnly')}</p>` : nothing} ${this.renderBookings(local)}
    </div>`;
  }

  private renderBooking() {
    const view = this.view;
    if (view.state === 'loading') return html`<p role="status">${this.t('common.loading')}</p>`;
    if (view.state === 'not-open') return html`<p role="status">${this.t('session.notOpen')}</p>`;
    if (view.state === 'error') return html`<p role="alert" class="error">${this.t('session.error')}</p>`;
    const { booking } = view;
    const action = sessionAction(booking);
    const message =
      booking.status === 'booked'
        ? this.t('session.booked')
        : booking.status === 'waiting'
          ? this.t('session.waiting', { position: booking.position ?? 1 })
          : booking.status === 'attended'
            ? this.t('session.attended')
            : action
              ? ''
              : this.t('session.full');
    return html`<p role="status">${message}</p>
      <div class="actions">
        ${
          action
            ? html`<button
                part="action"
                class=${`action ${action === 'cancel' || action === 'leave-waiting-list' ? 'secondary' : ''}`}
                ?disabled=${this.busy}
                @click=${this.act}
              >
                ${this.t(ACTION_LABELS[action])}
              </button>`
            : nothing
        }
        ${
          this.calendarUrl
            ? html`<a part="calendar" href=${this.calendarUrl} download=${`${this.lesson!.id}.ics`}>${this.t('session.calendar')}</a>`
            : nothing
        }
      </div>`;
  }

  private renderBookings(local: boolean) {
    if (!this.teaches) return nothing;
    if (local || !this.source?.list) return html`<p class="muted">${this.t('session.instructorUnavailable')}</p>`;
    const list = this.bookings;
    if (!list) return nothing;
    if (!list.items.length) return html`<p>${this.t('session.noBookings')}</p>`;
    return html`<table part="bookings">
      <caption>
        ${this.t('session.bookings')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('session.learner')}</th>
          <th scope="col">${this.t('session.status')}</th>
          <th scope="col">${this.t('session.markAttended')}</th>
        </tr>
      </thead>
      <tbody>
        ${list.items.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.name ?? row.learnerId}</th>
              <td>${this.t(`session.status.${row.status}`)}</td>
              <td>
                ${
                  row.status === 'booked'
                    ? html`<input
                        type="checkbox"
                        aria-label=${`${this.t('session.markAttended')}: ${row.name ?? row.learnerId}`}
                        .checked=${row.attended === true}
                        ?disabled=${this.busy}
                        @change=${(e: Event) => this.mark(row.learnerId, (e.target as HTMLInputElement).checked)}
                      />`
                    : nothing
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
