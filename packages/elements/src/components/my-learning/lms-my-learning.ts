import { MyLearningSession, continueTarget, type CatalogItem, type CertificateItem, type MyLearning } from '@lms-kit/runtime/catalog';
import type { StorageChange } from '@lms-kit/storage';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../../i18n/localize.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { catalogStyles, continueControl, failure, reportError } from '../catalog/catalog-shared.js';
import type { OfflineList } from './offline-list.js';

/**
 * @tag lms-my-learning
 * @summary The learner's dashboard across courses: what is assigned (with due dates, overdue first),
 * what is in progress, what was completed lately, and certificates with their expiry ("renew by …").
 * One click continues where the learner left off. Reads the catalog (`src`, or the server's) and the
 * learner's progress and certificates through the provider's storage.
 *
 * @slot engagement - Points and badges (shown above the certificates).
 * @slot offline - Courses kept for offline use (after the list `offline` shows).
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart section - One section (assigned, in progress, completed, certificates).
 * @csspart card - One course or certificate.
 * @csspart action - A course's continue control.
 * @csspart error - The error message.
 * @csspart forbidden - The "not available for your role" message.
 *
 * @event lms-continue - The learner continues a course; cancelable (keeps the page). `detail: { courseId, lessonId?, href? }`
 * @event lms-error - Loading failed. `detail: { error, recoverable }`
 */
export class LmsMyLearning extends LmsElement {
  static override styles = [
    tokens,
    catalogStyles,
    css`
      section.part {
        display: grid;
        gap: 0.5rem;
      }
      .section-title {
        margin: 0;
        font-size: 1.0625rem;
        font-weight: 600;
      }
      .certificate.expiring .when,
      .certificate.expired .when {
        color: var(--_danger);
        font-weight: 600;
      }
    `,
  ];

  /** URL of a Catalog JSON; without it, the catalog of the provider's storage (a server). */
  @property() src?: string;
  /** A Catalog JSON document given directly. */
  @property({ attribute: false }) catalog?: unknown;
  /** Level of the heading (sections use the next level, cards the one after). Default 2. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** How far back "recently completed" goes, in days. Default 90. */
  @property({ type: Number, attribute: 'recent-days' }) recentDays = 90;

  /** Lists the courses kept on this device for offline use, with their sizes and a remove button (its code loads only then). */
  @property({ type: Boolean }) offline = false;

  @state() private revision = 0;
  @state() private announcement = '';
  private offlineList?: OfflineList;
  private offlineLoading = false;

  private readonly data = new Task(this, {
    args: () => [this.src, this.catalog, this.services.value, this.recentDays, this.revision] as const,
    task: async ([src, catalog, services, recentDays]) => {
      if (!services) return undefined;
      const session = new MyLearningSession({ storage: services.storage, learnerId: services.learner.id, src, catalog, recentDays });
      try {
        return await session.load();
      } catch (error) {
        reportError(this, error);
        throw error;
      }
    },
  });

  protected override storageChanged(change: StorageChange): void {
    if (change.type === 'progress' || (change.type === 'record' && ['enrollments', 'certificates'].includes(change.collection)))
      this.revision++;
  }

  protected override updated(): void {
    if (this.offline && !this.offlineList && !this.offlineLoading) void this.loadOfflineList();
    if (!this.offline && this.offlineList) {
      this.offlineList.dispose();
      this.offlineList = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offlineList?.dispose();
    this.offlineList = undefined;
  }

  private async loadOfflineList(): Promise<void> {
    this.offlineLoading = true;
    try {
      const { OfflineList } = await import('./offline-list.js');
      if (this.offline && this.isConnected && !this.offlineList)
        this.offlineList = new OfflineList({ requestUpdate: () => this.requestUpdate(), announce: (text) => (this.announcement = text) });
    } catch (error) {
      reportError(this, error);
    } finally {
      this.offlineLoading = false;
    }
  }

  private level(offset = 0) {
    return String(Math.min(6, Math.max(1, this.headingLevel + offset)));
  }

  protected override render() {
    const loading = html`<p aria-busy="true">${this.t('common.loading')}</p>`;
    return html`<div part="base">
      <div class="heading" part="title" role="heading" aria-level=${this.level()}>${this.t('myLearning.title')}</div>
      ${this.data.render({
        initial: () => loading,
        pending: () => (this.data.value ? this.renderData(this.data.value) : loading),
        complete: (data) => (data ? this.renderData(data) : loading),
        error: (error) => failure(error, this.t('catalog.loadFailed', { message: (error as Error).message }), this.t('catalog.forbidden')),
      })}
    </div>`;
  }

  private renderData(data: MyLearning) {
    const nothingYet = !data.assigned.length && !data.inProgress.length && !data.completed.length && !data.certificates.length;
    return html`${nothingYet ? html`<p class="muted">${this.t('myLearning.empty')}</p>` : nothing}
      ${this.section('assigned', 'myLearning.assigned', data.assigned, 'myLearning.noneAssigned')}
      ${this.section('in-progress', 'myLearning.inProgress', data.inProgress, 'myLearning.noneInProgress')}
      ${this.section('completed', 'myLearning.completed', data.completed, 'myLearning.noneCompleted')}
      <slot name="engagement"></slot>
      <section class="part" part="section" aria-labelledby="certificates">
        <div class="section-title" role="heading" aria-level=${this.level(1)} id="certificates">${this.t('myLearning.certificates')}</div>
        ${
          data.certificates.length
            ? html`<ul class="cards">
                ${data.certificates.map((item) => html`<li>${this.certificate(item)}</li>`)}
              </ul>`
            : html`<p class="muted">${this.t('myLearning.noCertificates')}</p>`
        }
      </section>
      ${this.offline ? (this.offlineList?.render(this.t.bind(this), this.locale, this.level(1)) ?? nothing) : nothing}
      <slot name="offline"></slot>
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  private section(id: string, title: MessageId, items: CatalogItem[], empty: MessageId) {
    return html`<section class="part" part="section" aria-labelledby=${id} data-section=${id}>
      <div class="section-title" role="heading" aria-level=${this.level(1)} id=${id}>${this.t(title)}</div>
      ${
        items.length
          ? html`<ul class="cards">
              ${items.map((item) => html`<li>${this.course(item)}</li>`)}
            </ul>`
          : html`<p class="muted">${this.t(empty)}</p>`
      }
    </section>`;
  }

  private course(item: CatalogItem) {
    const { entry, enrollment, progress } = item;
    const date = (iso: string) => formatDate(this.locale, iso);
    const id = `my-${entry.id}`;
    const done = item.status === 'completed';
    const text = this.t(done ? 'myLearning.review' : progress ? 'myLearning.continue' : 'myLearning.start');
    const waiting = item.action === 'wait';
    return html`<article part="card" aria-labelledby=${id} data-course=${entry.id}>
      <div class="card-title" role="heading" aria-level=${this.level(2)} id=${id}>${entry.title}</div>
      ${
        enrollment?.dueAt && !done
          ? html`<p class=${item.overdue ? 'overdue' : 'muted'}>
              ${this.t(item.overdue ? 'catalog.overdue' : 'catalog.due', { date: date(enrollment.dueAt) })}
            </p>`
          : nothing
      }
      <p class="muted">
        ${
          done && progress?.completedAt
            ? this.t('myLearning.completedOn', { date: date(progress.completedAt) })
            : progress
              ? this.t('myLearning.lastActive', { date: date(progress.updatedAt) })
              : this.t('myLearning.notStarted')
        }
      </p>
      <div class="actions">
        ${
          waiting
            ? html`<p class="muted">${this.t('catalog.startsAfter', { date: date(entry.availableFrom as string) })}</p>`
            : continueControl(this, continueTarget(item), text, this.t('catalog.action.label', { action: text, title: entry.title }))
        }
      </div>
    </article>`;
  }

  private certificate({ certificate, timeline, entry }: CertificateItem) {
    const date = (iso: string) => formatDate(this.locale, iso);
    const when = !certificate.expiresAt
      ? this.t('myLearning.noExpiry')
      : timeline === 'expired'
        ? this.t('myLearning.expired', { date: date(certificate.expiresAt) })
        : timeline === 'expiring'
          ? this.t('myLearning.renewBy', { date: date(certificate.expiresAt) })
          : this.t('myLearning.validUntil', { date: date(certificate.expiresAt) });
    const id = `cert-${certificate.id}`;
    return html`<article part="card" class="certificate ${timeline}" aria-labelledby=${id} data-certificate=${certificate.id}>
      <div class="card-title" role="heading" aria-level=${this.level(2)} id=${id}>${entry?.title ?? certificate.courseTitle}</div>
      <p class="muted">${this.t('myLearning.issuedOn', { date: date(certificate.issuedAt) })}</p>
      <p class="when">${when}</p>
    </article>`;
  }
}
