/**
 * The learner's notification centre, headless: the reminders they are due (`dueReminders` of core over
 * their catalog enrollments, progress and certificates, through the storage seam), which of them they
 * dismissed, and which are new since the last look (for the `lms-reminder` event a site can turn into
 * its own emails). Dismissed and announced keys are kept in the learner's key/value state.
 */
import { dueReminders, type Reminder, type ReminderOptions } from '@lms-kit/core';
import { CatalogSession, type CatalogSessionOptions } from '../catalog/catalog-session.js';
import { myLearning, type CertificateSummary } from '../catalog/my-learning.js';

/** Key of the learner's notification state (dismissed and announced reminder keys). */
export const NOTIFICATIONS_KEY = 'lms-kit/notifications';
/** Kept keys at most: old reminders fall off first. */
const MAX_KEYS = 500;

interface NotificationState {
  dismissed: string[];
  announced: string[];
}

export interface NotificationsOptions extends CatalogSessionOptions {
  reminders?: ReminderOptions;
}

export interface Notifications {
  /** Due and not dismissed, most urgent first. */
  reminders: Reminder[];
  /** Due and never announced before (each is announced once, whichever page or tab saw it first). */
  fresh: Reminder[];
}

export class NotificationsSession {
  constructor(private readonly options: NotificationsOptions) {}

  async load(): Promise<Notifications> {
    const { storage, learnerId } = this.options;
    const now = this.options.now?.() ?? new Date();
    const [items, certificates, state] = await Promise.all([
      new CatalogSession(this.options).load(),
      storage.listRecords('certificates', { learnerId }) as Promise<unknown[]> as Promise<CertificateSummary[]>,
      this.state(),
    ]);
    const current = myLearning(items, certificates, now).certificates;
    const due = dueReminders(
      {
        enrollments: items
          .filter((item) => item.enrollment || item.status === 'in-progress')
          .map((item) => ({
            courseId: item.entry.id,
            title: item.entry.title,
            dueAt: item.enrollment?.dueAt,
            completed: item.status === 'completed',
            lastActivityAt: item.progress?.updatedAt,
          })),
        certificates: current.map(({ certificate }) => ({
          id: certificate.id,
          courseId: certificate.courseId,
          title: certificate.courseTitle,
          expiresAt: certificate.expiresAt,
        })),
      },
      now,
      this.options.reminders,
    );
    const fresh = due.filter((r) => !state.announced.includes(r.key));
    if (fresh.length) await this.save({ ...state, announced: [...state.announced, ...fresh.map((r) => r.key)] });
    return { reminders: due.filter((r) => !state.dismissed.includes(r.key)), fresh };
  }

  async dismiss(key: string): Promise<void> {
    const state = await this.state();
    if (!state.dismissed.includes(key)) await this.save({ ...state, dismissed: [...state.dismissed, key] });
  }

  private async state(): Promise<NotificationState> {
    const stored = await this.options.storage.getValue<Partial<NotificationState>>(`${NOTIFICATIONS_KEY}/${this.options.learnerId}`);
    return { dismissed: stored?.dismissed ?? [], announced: stored?.announced ?? [] };
  }

  private save(state: NotificationState): Promise<void> {
    const trim = (keys: string[]) => keys.slice(-MAX_KEYS);
    return this.options.storage.setValue(`${NOTIFICATIONS_KEY}/${this.options.learnerId}`, {
      dismissed: trim(state.dismissed),
      announced: trim(state.announced),
    });
  }
}
