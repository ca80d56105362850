import { html, nothing } from 'lit';
import type { Translate } from '../../i18n/localize.js';
import { listOfflineCourses, onOfflineCoursesChange, removeOfflineCourse, type OfflineCourse } from '../../offline/offline-courses.js';
import { formatBytes } from '../course-player/offline-panel.js';

/** What `<lms-my-learning offline>` needs from its host to show the list. */
export interface OfflineListHost {
  requestUpdate(): void;
  announce(message: string): void;
}

/**
 * The courses kept on this device, with their sizes and a remove button, for `<lms-my-learning offline>`.
 * Loaded only for lists with `offline`; follows copies saved or removed in any tab.
 */
export class OfflineList {
  courses?: OfflineCourse[];
  private stop?: () => void;
  private disposed = false;

  constructor(private readonly host: OfflineListHost) {
    void this.refresh();
    void onOfflineCoursesChange(() => void this.refresh()).then((stop) => (this.disposed ? stop() : (this.stop = stop)));
  }

  dispose(): void {
    this.disposed = true;
    this.stop?.();
  }

  private async refresh(): Promise<void> {
    this.courses = await listOfflineCourses().catch(() => []);
    this.host.requestUpdate();
  }

  private async remove(course: OfflineCourse, t: Translate): Promise<void> {
    await removeOfflineCourse(course.courseUrl);
    this.host.announce(t('offline.removedTitle', { title: course.title }));
    await this.refresh();
  }

  render(t: Translate, locale: string, level: string) {
    const courses = this.courses;
    if (!courses) return nothing;
    const size = (course: OfflineCourse) =>
      course.status === 'partial'
        ? t('offline.listPartial', { bytes: formatBytes(locale, course.bytes) })
        : t('offline.listSize', { bytes: formatBytes(locale, course.bytes), files: course.files });
    return html`<section class="part" part="section" aria-labelledby="offline" data-section="offline">
      <div class="section-title" role="heading" aria-level=${level} id="offline">${t('offline.listTitle')}</div>
      ${
        courses.length
          ? html`<ul class="cards">
              ${courses.map(
                (course) =>
                  html`<li>
                    <article part="card" aria-label=${course.title} data-offline-course=${course.courseUrl}>
                      <div class="card-title">${course.title}</div>
                      <p class="muted">${size(course)}</p>
                      <div class="actions">
                        <button
                          class="action secondary"
                          part="action"
                          aria-label=${t('offline.removeLabel', { title: course.title })}
                          @click=${() => void this.remove(course, t)}
                        >
                          ${t('offline.remove')}
                        </button>
                      </div>
                    </article>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('offline.listEmpty')}</p>`
      }
    </section>`;
  }
}
