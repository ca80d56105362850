import { parseEngagementConfig, toLmsError, type EngagementConfig } from '@lms-kit/core';
import { MyLearningSession, continueTarget, type CatalogItem, type CertificateItem, type MyLearning } from '@lms-kit/runtime/catalog';
import { readEngagementSummary, type EngagementSummary } from '@lms-kit/runtime/engagement';
import type { StorageChange } from '@lms-kit/storage';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../../i18n/localize.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { LmsErrorEvent } from '../../events/error.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { catalogStyles, continueControl, failure, reportError } from '../catalog/catalog-shared.js';
import type { OfflineList } from './offline-list.js';

/**
 * @tag lms-my-learning
 * @summary The learner's dashboard across courses: what is assigned (with due dates, overdue first),
 * what is in progress, what was completed lately, certificates with their expiry ("renew by …"), and
 * with an engagement config the learner's points, level and latest badges.
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
 * @csspart engagement - The points, level and latest badges.
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
      ul.badges {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      ul.badges li {
        display: grid;
      }
      .badge-title {
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
  /**
   * URL of the engagement config (points, levels, badges) of `<lms-badges>`: shows a summary of the
   * learner's points, level and latest badges, read from their stored ledger.
   */
  @property({ attribute: 'engagement-src' }) engagementSrc?: string;
  /** The engagement config given directly, instead of `engagement-src`. */
  @property({ attribute: false }) engagement?: EngagementConfig;
  /** How many of the latest badges the summary shows. Default 3. */
  @property({ type: Number, attribute: 'latest-badges' }) latestBadges = 3;

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

  private configFrom?: { src: string; config: Promise<EngagementConfig> };

  private readonly points = new Task(this, {
    args: () => [this.engagementSrc, this.engagement, this.services.value, this.latestBadges, this.pointsRevision] as const,
    task: async ([src, given, services, latest]): Promise<EngagementSummary | undefined> => {
      if (!services || (!src && !given)) return undefined;
      try {
        const config = given ?? (await this.engagementConfig(src!));
        return await readEngagementSummary(services.storage, services.learner.id, config, latest);
      } catch (error) {
        this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'engagement/invalid-config'), recoverable: true }));
        throw error;
      }
    },
  });
  @state() private pointsRevision = 0;

  private engagementConfig(src: string): Promise<EngagementConfig> {
    if (this.configFrom?.src !== src) {
      const config = fetch(new URL(src, document.baseURI)).then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${src}`);
        return parseEngagementConfig(await response.json());
      });
      this.configFrom = { src, config };
    }
    return this.configFrom.config;
  }

  protected override storageChanged(change: StorageChange): void {
    if (change.type === 'progress' || (change.type === 'record' && ['enrollments', 'certificates'].includes(change.collection)))
      this.revision++;
    if (change.type === 'record' && ['points', 'badges'].includes(change.collection)) this.pointsRevision++;
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
      ${this.section('completed', 'myLearning.completed', data.completed, 'myLearning.noneCompleted')} ${this.renderEngagement()}
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

  private renderEngagement() {
    if (!this.engagementSrc && !this.engagement) return nothing;
    const summary = this.points.value;
    const body = this.points.render({
      initial: () => html`<p aria-busy="true">${this.t('common.loading')}</p>`,
      pending: () => (summary ? this.summary(summary) : html`<p aria-busy="true">${this.t('common.loading')}</p>`),
      complete: (value) => (value ? this.summary(value) : nothing),
      error: () => html`<p class="muted" role="alert">${this.t('myLearning.engagementFailed')}</p>`,
    });
    return html`<section class="part" part="section engagement" aria-labelledby="engagement" data-section="engagement">
      <div class="section-title" role="heading" aria-level=${this.level(1)} id="engagement">${this.t('myLearning.engagement')}</div>
      ${body}
    </section>`;
  }

  private summary({ points, level, latestBadges, earnedCount }: EngagementSummary) {
    const date = (iso: string) => formatDate(this.locale, iso);
    return html`<p class="points">
        <strong>${this.t('myLearning.points', { count: points })}</strong>
        ${level.current ? html` · ${this.t('myLearning.level', { level: level.current.title })}` : nothing} ·
        ${this.t('myLearning.badgeCount', { count: earnedCount })}
      </p>
      ${
        latestBadges.length
          ? html`<div class="muted" id="latest-badges">${this.t('myLearning.latestBadges')}</div>
              <ul class="badges" aria-labelledby="latest-badges">
                ${latestBadges.map(
                  ({ badge, earnedAt }) =>
                    html`<li data-badge=${badge.id}>
                      <span class="badge-title">${badge.title}</span>
                      <span class="muted">${this.t('myLearning.badgeEarnedOn', { date: date(earnedAt) })}</span>
                    </li>`,
                )}
              </ul>`
          : nothing
      }`;
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
