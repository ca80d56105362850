import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toLmsError, type Reminder } from '@lms-kit/core';
import { NotificationsSession } from '@lms-kit/runtime/engagement';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { registerMessages } from '../../i18n/localize.js';
import { engagementMessages } from '../../i18n/messages-en-engagement.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { LmsReminderEvent } from '../../events/engagement-events.js';
import { LmsErrorEvent } from '../../events/error.js';

registerMessages('en', engagementMessages);

type View = { state: 'loading' } | { state: 'error' } | { state: 'ready'; reminders: Reminder[] };

/**
 * @tag lms-notifications
 * @summary The learner's notification centre: courses due soon or overdue (from their enrollments),
 * certificates expiring or expired (the certificates' renewal window), courses not touched for
 * `idle-days`. Each can be dismissed. Every reminder is also dispatched once as `lms-reminder`, for a
 * site to send its own email. Works on browser storage and on a server (whose catalog gives due dates).
 *
 * @csspart base - The wrapper.
 * @csspart item - One reminder (also its kind: `overdue`, `due-soon`, `certificate-expiring`, `certificate-expired`, `idle`).
 *
 * @event lms-reminder - A reminder the learner is due, once per reminder. `detail: { reminder, learnerId }`
 * @event lms-error - The reminders could not be read. `detail: { error, recoverable }`
 */
export class LmsNotifications extends LmsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.125rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      li.overdue,
      li.certificate-expired {
        border-inline-start: 4px solid var(--_danger);
      }
    `,
  ];

  /** URL of the Catalog JSON (titles, due dates on browser storage); default: the server's catalog. */
  @property() catalog?: string;

  /** A due date this many days away or less is reminded (default 7). */
  @property({ type: Number, attribute: 'due-soon-days' }) dueSoonDays = 7;

  /** A started course untouched this many days is reminded (default 14; 0 turns it off). */
  @property({ type: Number, attribute: 'idle-days' }) idleDays = 14;

  @state() private view: View = { state: 'loading' };
  private session?: NotificationsSession;
  private loadedFor?: string;

  protected override servicesChanged(): void {
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const services = this.services.value;
    const key = services && JSON.stringify([services.learner.id, this.catalog, this.dueSoonDays, this.idleDays]);
    if (!services || key === this.loadedFor) return;
    this.loadedFor = key;
    this.session = new NotificationsSession({
      storage: services.storage,
      learnerId: services.learner.id,
      src: this.catalog ? new URL(this.catalog, document.baseURI).href : undefined,
      reminders: { dueSoonDays: this.dueSoonDays, idleDays: this.idleDays },
    });
    void this.load(services.learner.id);
  }

  private async load(learnerId: string): Promise<void> {
    try {
      const { reminders, fresh } = await this.session!.load();
      this.view = { state: 'ready', reminders };
      for (const reminder of fresh) this.dispatchEvent(new LmsReminderEvent({ reminder, learnerId }));
    } catch (error) {
      this.view = { state: 'error' };
      this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'storage/failed'), recoverable: true }));
    }
  }

  private async dismiss(reminder: Reminder): Promise<void> {
    if (this.view.state !== 'ready') return;
    const index = this.view.reminders.indexOf(reminder);
    this.view = { state: 'ready', reminders: this.view.reminders.filter((r) => r !== reminder) };
    await this.session?.dismiss(reminder.key);
    await this.updateComplete;
    // Keep the keyboard where it was: the next reminder's button, else the heading.
    const buttons = this.shadowRoot!.querySelectorAll<HTMLButtonElement>('li button');
    (buttons[Math.min(index, buttons.length - 1)] ?? this.shadowRoot!.querySelector<HTMLElement>('h2'))?.focus();
  }

  private text(reminder: Reminder): string {
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(reminder.at));
    return this.t(`notifications.${reminder.kind}` as MessageId, { title: reminder.title ?? reminder.courseId, date });
  }

  protected override render() {
    const view = this.view;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${this.t('notifications.heading')}</h2>
      ${view.state === 'loading' ? html`<p role="status">${this.t('notifications.loading')}</p>` : nothing}
      ${view.state === 'error' ? html`<p role="alert">${this.t('notifications.error')}</p>` : nothing}
      ${view.state === 'ready' && !view.reminders.length ? html`<p>${this.t('notifications.none')}</p>` : nothing}
      ${
        view.state === 'ready' && view.reminders.length
          ? html`<ul role="list">
              ${view.reminders.map(
                (reminder, i) =>
                  html`<li part="item ${reminder.kind}" class=${reminder.kind} data-key=${reminder.key}>
                    <span id=${`r${i}`}>${this.text(reminder)}</span>
                    <button class="action secondary" aria-describedby=${`r${i}`} @click=${() => this.dismiss(reminder)}>
                      ${this.t('common.dismiss')}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </section>`;
  }
}
