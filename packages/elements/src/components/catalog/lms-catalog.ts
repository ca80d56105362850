import { isLmsError } from '@lms-kit/core';
import {
  CatalogSession,
  catalogFacets,
  continueTarget,
  filterCatalog,
  type CatalogItem,
  type CatalogQuery,
  type CatalogStatus,
} from '@lms-kit/runtime/catalog';
import type { StorageChange } from '@lms-kit/storage';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LmsCourseEnrollEvent } from '../../events/course-enroll.js';
import { formatDate, formatDuration } from '../../i18n/localize.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { catalogStyles, continueControl, failure, languageName, reportError } from './catalog-shared.js';
import { filterStyles } from './catalog-filters.styles.js';

const STATUSES: CatalogStatus[] = ['not-enrolled', 'enrolled', 'in-progress', 'completed'];
const SORTS: Array<NonNullable<CatalogQuery['sort']>> = ['relevance', 'title', 'newest', 'due', 'duration'];

/**
 * @tag lms-catalog
 * @summary The courses a site offers, as the learner sees them: cards with title, description,
 * duration, language, topics, prerequisites, "new" and "required" flags, what is assigned and when it
 * is due; search, filters by topic, language and status, and sort; enroll where self-enrollment is
 * allowed, start, continue, or "starts after …". From a Catalog JSON (`src`) or the server's catalog
 * (with `HttpStorageAdapter`), through the provider's storage.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart filters - The search and filter controls.
 * @csspart count - The number of courses shown (announced as it changes).
 * @csspart list - The list of cards.
 * @csspart card - One course.
 * @csspart action - A card's enroll, start or continue control.
 * @csspart more - The "Show more" button of a long list.
 * @csspart error - The error message.
 * @csspart forbidden - The "not available for your role" message.
 *
 * @event lms-continue - The learner starts, continues or reviews a course; cancelable (keeps the page). `detail: { courseId, lessonId?, href? }`
 * @event lms-course-enroll - The learner enrolled themselves. `detail: { courseId }`
 * @event lms-error - Loading or enrolling failed. `detail: { error, recoverable }`
 */
export class LmsCatalog extends LmsElement {
  static override styles = [tokens, catalogStyles, filterStyles];

  /** URL of a Catalog JSON; without it, the catalog of the provider's storage (a server). */
  @property() src?: string;
  /** A Catalog JSON document given directly. */
  @property({ attribute: false }) catalog?: unknown;
  /** Level of the heading (cards use the next level). Default 2. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Cards shown at first and added by "Show more" (large catalogs stay quick to search). Default 48. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 48;

  @state() private query: CatalogQuery = { sort: 'relevance' };
  @state() private revision = 0;
  @state() private busy?: string;
  @state() private notice?: { text: string; alert: boolean };
  @state() private pages = 1;

  private session?: CatalogSession;

  private readonly data = new Task(this, {
    args: () => [this.src, this.catalog, this.services.value, this.revision] as const,
    task: async ([src, catalog, services]) => {
      if (!services) return undefined;
      this.session = new CatalogSession({ storage: services.storage, learnerId: services.learner.id, src, catalog });
      try {
        return await this.session.load();
      } catch (error) {
        reportError(this, error);
        throw error;
      }
    },
  });

  protected override storageChanged(change: StorageChange): void {
    if (change.type === 'progress' || (change.type === 'record' && change.collection === 'enrollments')) this.revision++;
  }

  private level(offset = 0) {
    return String(Math.min(6, Math.max(1, this.headingLevel + offset)));
  }

  protected override render() {
    return html`<section part="base" aria-labelledby="title">
      <div class="heading" part="title" role="heading" aria-level=${this.level()} id="title">${this.t('catalog.title')}</div>
      ${this.data.render({
        initial: () => html`<p aria-busy="true">${this.t('common.loading')}</p>`,
        pending: () => (this.data.value ? this.renderItems(this.data.value) : html`<p aria-busy="true">${this.t('common.loading')}</p>`),
        complete: (items) => (items ? this.renderItems(items) : html`<p aria-busy="true">${this.t('common.loading')}</p>`),
        error: (error) => failure(error, this.t('catalog.loadFailed', { message: (error as Error).message }), this.t('catalog.forbidden')),
      })}
    </section>`;
  }

  private renderItems(items: CatalogItem[]) {
    if (!items.length) return html`<p class="muted">${this.t('catalog.empty')}</p>`;
    const shown = filterCatalog(items, this.query);
    const limit = Math.max(1, this.pageSize) * this.pages;
    return html`${this.renderFilters(items)}
      <p part="count" class="count" role="status">${this.t('catalog.count', { count: shown.length })}</p>
      ${
        this.notice
          ? html`<p class=${this.notice.alert ? 'error' : 'muted'} role=${this.notice.alert ? 'alert' : 'status'}>${this.notice.text}</p>`
          : nothing
      }
      <ul class="cards" part="list">
        ${shown.slice(0, limit).map((item) => html`<li>${this.renderCard(item)}</li>`)}
      </ul>
      ${
        shown.length > limit
          ? html`<button class="action secondary more" part="more" type="button" @click=${this.showMore}>
              ${this.t('catalog.showMore', { count: Math.min(this.pageSize, shown.length - limit), total: shown.length - limit })}
            </button>`
          : nothing
      }`;
  }

  private renderFilters(items: CatalogItem[]) {
    const { tags, languages } = catalogFacets(items);
    const set = (key: keyof CatalogQuery) => (event: Event) => {
      const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
      this.query = { ...this.query, [key]: value || undefined };
      this.notice = undefined;
      this.pages = 1;
    };
    const option = (value: string, label: string, current?: string) =>
      html`<option value=${value} ?selected=${value === (current ?? '')}>${label}</option>`;
    return html`<form
      part="filters"
      class="filters"
      role="search"
      aria-label=${this.t('catalog.filters')}
      @submit=${(e: Event) => e.preventDefault()}
    >
      <label class="search"
        >${this.t('catalog.search')}
        <input type="search" name="text" .value=${this.query.text ?? ''} @input=${set('text')} autocomplete="off" />
      </label>
      <label
        >${this.t('catalog.tag')}
        <select name="tag" @change=${set('tag')}>
          ${option('', this.t('catalog.allTags'), this.query.tag)} ${tags.map((tag) => option(tag, tag, this.query.tag))}
        </select>
      </label>
      ${
        languages.length > 1
          ? html`<label
              >${this.t('catalog.language')}
              <select name="language" @change=${set('language')}>
                ${option('', this.t('catalog.allLanguages'), this.query.language)}
                ${languages.map((code) => option(code, languageName(this.locale, code), this.query.language))}
              </select>
            </label>`
          : nothing
      }
      <label
        >${this.t('catalog.status')}
        <select name="status" @change=${set('status')}>
          ${option('', this.t('catalog.anyStatus'), this.query.status)}
          ${STATUSES.map((status) => option(status, this.t(`catalog.status.${status}`), this.query.status))}
        </select>
      </label>
      <label
        >${this.t('catalog.sort')}
        <select name="sort" @change=${set('sort')}>
          ${SORTS.map((sort) => option(sort, this.t(`catalog.sort.${sort}`), this.query.sort))}
        </select>
      </label>
    </form>`;
  }

  private renderCard(item: CatalogItem) {
    const { entry, enrollment } = item;
    const id = `course-${entry.id}`;
    const date = (iso: string) => formatDate(this.locale, iso);
    const flags = [
      item.isNew ? html`<li class="flag new">${this.t('catalog.new')}</li>` : nothing,
      entry.required ? html`<li class="flag required">${this.t('catalog.required')}</li>` : nothing,
      enrollment?.assigned ? html`<li class="flag assigned">${this.t('catalog.assigned')}</li>` : nothing,
      item.overdue && enrollment?.dueAt
        ? html`<li class="flag overdue">${this.t('catalog.overdue', { date: date(enrollment.dueAt) })}</li>`
        : enrollment?.dueAt && item.status !== 'completed'
          ? html`<li class="flag due">${this.t('catalog.due', { date: date(enrollment.dueAt) })}</li>`
          : nothing,
      html`<li class="flag status">${this.t(`catalog.status.${item.status}`)}</li>`,
    ];
    return html`<article part="card" aria-labelledby=${id} data-course=${entry.id}>
      <div class="card-title" role="heading" aria-level=${this.level(1)} id=${id}>${entry.title}</div>
      <ul class="flags">
        ${flags}
      </ul>
      ${entry.description ? html`<p>${entry.description}</p>` : nothing}
      <dl>
        ${
          entry.durationMinutes !== undefined
            ? html`<dt>${this.t('catalog.duration')}</dt>
                <dd>${formatDuration(this.locale, entry.durationMinutes * 60_000)}</dd>`
            : nothing
        }
        ${
          entry.language
            ? html`<dt>${this.t('catalog.languageLabel')}</dt>
                <dd lang=${entry.language}>${languageName(entry.language, entry.language)}</dd>`
            : nothing
        }
        ${
          entry.tags?.length
            ? html`<dt>${this.t('catalog.tags')}</dt>
                <dd>${entry.tags.join(', ')}</dd>`
            : nothing
        }
      </dl>
      ${
        item.missingPrerequisites.length
          ? html`<p class="muted">
              ${this.t('catalog.prerequisites', { titles: item.missingPrerequisites.map((p) => p.title).join(', ') })}
            </p>`
          : nothing
      }
      ${
        item.takenVersion && entry.version && item.takenVersion !== entry.version && item.status === 'in-progress'
          ? html`<p class="muted">${this.t('catalog.takenVersion', { version: item.takenVersion, current: entry.version })}</p>`
          : nothing
      }
      <div class="actions">${this.renderAction(item)}</div>
    </article>`;
  }

  private renderAction(item: CatalogItem) {
    const { entry } = item;
    switch (item.action) {
      case 'wait':
        return html`<p class="muted">
          ${this.t('catalog.startsAfter', { date: formatDate(this.locale, entry.availableFrom as string) })}
        </p>`;
      case 'request':
        return html`<p class="muted">${this.t('catalog.request')}</p>`;
      case 'enroll': {
        const busy = this.busy === entry.id;
        return html`<button
          class="action"
          part="action"
          type="button"
          aria-label=${this.t('catalog.action.label', { action: this.t('catalog.action.enroll'), title: entry.title })}
          ?disabled=${busy}
          @click=${() => this.enroll(item)}
        >
          ${busy ? this.t('catalog.enrolling') : this.t('catalog.action.enroll')}
        </button>`;
      }
      default: {
        const text = this.t(`catalog.action.${item.action}`);
        return continueControl(this, continueTarget(item), text, this.t('catalog.action.label', { action: text, title: entry.title }));
      }
    }
  }

  /** Adds a page of cards and moves focus to the first new one, so keyboard users continue from there. */
  private async showMore(): Promise<void> {
    const before = this.pageSize * this.pages;
    this.pages++;
    await this.updateComplete;
    (this.renderRoot.querySelectorAll('ul.cards > li')[before]?.querySelector('a, button') as HTMLElement | null)?.focus();
  }

  private async enroll(item: CatalogItem): Promise<void> {
    const title = item.entry.title;
    this.busy = item.entry.id;
    try {
      await this.session?.enroll(item.entry.id);
      this.notice = { text: this.t('catalog.enrolled', { title }), alert: false };
      this.dispatchEvent(new LmsCourseEnrollEvent({ courseId: item.entry.id }));
      this.revision++;
    } catch (error) {
      const refused = isLmsError(error) && (error.code === 'auth/forbidden' || error.code === 'catalog/enroll-refused');
      this.notice = {
        text: refused
          ? this.t('catalog.enrollRefused', { title })
          : this.t('catalog.enrollFailed', { title, message: (error as Error).message }),
        alert: true,
      };
      reportError(this, error);
    } finally {
      this.busy = undefined;
    }
  }
}
