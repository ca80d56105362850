import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toLmsError, type LmsError } from '@lms-kit/core';
import type { AuthoringStore, ChangeSummary, CourseReview, CourseVersionInfo } from '@lms-kit/core/authoring';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { formatDate, registerMessages } from '../../i18n/localize.js';
import { versionsMessages } from '../../i18n/messages-en-versions.js';
import { LmsErrorEvent } from '../../events/error.js';
import { courseVersionsStyles } from './lms-course-versions.styles.js';
import { countChanges, renderDiff } from './version-diff.js';

registerMessages('en', versionsMessages);

type View =
  { state: 'loading' } | { state: 'error'; error: LmsError } | { state: 'ready'; review: CourseReview; versions: CourseVersionInfo[] };

/**
 * @tag lms-course-versions
 * @summary A course's published versions for its authors: each with its date, author, note and change
 * summary; the diff of any two; roll back (with confirmation) to an old version, which publishes its
 * content again as a new version; and the review state with the reviewers' comments per lesson. Reads
 * an `AuthoringStore`: the `store` property (e.g. the server's `AuthoringClient`), else the page's own
 * storage (`LocalAuthoring`, where the page's user is the author).
 *
 * @csspart base - The wrapper.
 * @csspart review - The review state and comments.
 * @csspart versions - The list of versions.
 * @csspart compare - The form that picks two versions to compare.
 * @csspart diff - The changes between the two versions.
 * @csspart confirm - The roll back confirmation.
 *
 * @event lms-error - The versions could not be loaded or the roll back failed. `detail: { error, recoverable }`
 */
export class LmsCourseVersions extends LmsElement {
  static override styles = [tokens, courseVersionsStyles];

  /** The course id. */
  @property() course?: string;

  /** Where versions are read and rolled back; default: the page's own storage. */
  @property({ attribute: false }) store?: AuthoringStore;

  @state() private view: View = { state: 'loading' };
  @state() private diff?: { from: number; to: number; changes: ChangeSummary };
  @state() private confirming?: number;
  @state() private notice = '';
  private loadedFor?: unknown[];

  protected override servicesChanged(): void {
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const key = [this.course, this.store, this.services.value];
    if (this.course && this.services.value && (!this.loadedFor || key.some((item, i) => item !== this.loadedFor?.[i]))) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private async authoring(): Promise<AuthoringStore> {
    if (this.store) return this.store;
    const services = this.services.value!;
    const { LocalAuthoring } = await import('@lms-kit/runtime/authoring');
    return new LocalAuthoring({ storage: services.storage, author: services.learner.id, roles: services.roles ?? ['admin'] });
  }

  private async load(): Promise<void> {
    const course = this.course as string;
    try {
      const store = await this.authoring();
      const [review, versions] = await Promise.all([store.review(course), store.listVersions(course)]);
      this.view = { state: 'ready', review, versions };
      this.diff = undefined;
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const lmsError = toLmsError(error, 'storage/failed');
    this.view = { state: 'error', error: lmsError };
    this.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: true }));
  }

  private async compare(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const from = Number(data.get('from'));
    const to = Number(data.get('to'));
    try {
      this.diff = { from, to, changes: await (await this.authoring()).compare(this.course as string, from, to) };
    } catch (error) {
      this.fail(error);
    }
  }

  private async rollBack(number: number): Promise<void> {
    this.confirming = undefined;
    try {
      const version = await (await this.authoring()).rollBack(this.course as string, number);
      this.notice = this.t('versions.rolledBack', { number: version.number });
      await this.load();
    } catch (error) {
      this.fail(error);
    }
  }

  protected override render() {
    const view = this.view;
    if (view.state === 'loading') return html`<p part="base" aria-busy="true">${this.t('versions.loading')}</p>`;
    if (view.state === 'error')
      return html`<div part="base" role="alert">
        <p>${this.t('versions.error')}</p>
        <p class="muted">${view.error.message}</p>
      </div>`;
    const { review, versions } = view;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${this.t('versions.heading')}</h2>
      <div part="review">
        <p>${this.t('versions.review', { state: this.t(`versions.state.${review.state}`) })}</p>
        ${
          review.comments.length
            ? html`<h3>${this.t('versions.comments')}</h3>
                <ul>
                  ${review.comments.map(
                    (comment) =>
                      html`<li>
                        <span class="muted"
                          >${comment.lessonId ? this.t('versions.commentOnLesson', { lesson: comment.lessonId }) : this.t('versions.commentOnCourse')}
                          · ${comment.author}</span
                        >
                        <p>${comment.text}</p>
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>
      ${versions.length ? this.renderVersions(versions) : html`<p>${this.t('versions.none')}</p>`}
      <div role="status" aria-live="polite">${this.notice}</div>
    </section>`;
  }

  private renderVersions(versions: CourseVersionInfo[]) {
    const latest = versions[versions.length - 1].number;
    const options = (selected: number) =>
      versions.map(
        (v) =>
          html`<option value=${v.number} ?selected=${v.number === selected}>${this.t('versions.version', { number: v.number })}</option>`,
      );
    return html`<ol class="versions" part="versions" reversed>
        ${[...versions].reverse().map((version) => {
          const counts = countChanges(version.changes);
          return html`<li>
            <h3>${this.t('versions.version', { number: version.number })}</h3>
            <p class="muted">
              ${this.t('versions.published', { date: formatDate(this.locale, version.publishedAt), author: version.publishedBy })}
            </p>
            ${version.note ? html`<p>${version.note}</p>` : nothing}
            ${version.rolledBackFrom ? html`<p>${this.t('versions.rolledBackFrom', { number: version.rolledBackFrom })}</p>` : nothing}
            <p>${this.t('versions.summary', counts)}</p>
            ${version.number === latest ? nothing : this.renderRollBack(version.number)}
          </li>`;
        })}
      </ol>
      ${
        versions.length > 1
          ? html`<form class="compare" part="compare" @submit=${this.compare}>
              <label
                >${this.t('versions.from')}<select name="from">
                  ${options(versions[versions.length - 2].number)}
                </select></label
              >
              <label
                >${this.t('versions.to')}<select name="to">
                  ${options(latest)}
                </select></label
              >
              <button class="action secondary" type="submit">${this.t('versions.compare')}</button>
            </form>`
          : nothing
      }
      ${
        this.diff
          ? html`<section part="diff" aria-labelledby="diff-heading">
              <h3 id="diff-heading">${this.t('versions.diffHeading', { from: this.diff.from, to: this.diff.to })}</h3>
              ${renderDiff(this.diff.changes, this.t.bind(this), undefined)}
            </section>`
          : nothing
      }`;
  }

  private renderRollBack(number: number) {
    if (this.confirming !== number)
      return html`<button class="action secondary" data-roll-back=${number} @click=${() => this.openConfirm(number)}>
        ${this.t('versions.rollBack', { number })}
      </button>`;
    return html`<div role="alertdialog" part="confirm" aria-labelledby="confirm-text" aria-modal="false">
      <p id="confirm-text">${this.t('versions.confirmRollBack', { number })}</p>
      <div class="actions">
        <button class="action" data-confirm @click=${() => this.rollBack(number)}>${this.t('versions.confirm')}</button>
        <button class="action secondary" data-cancel @click=${() => this.closeConfirm(number)}>${this.t('versions.cancel')}</button>
      </div>
    </div>`;
  }

  private async openConfirm(number: number): Promise<void> {
    this.confirming = number;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
  }

  private async closeConfirm(number: number): Promise<void> {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`[data-roll-back="${number}"]`)?.focus();
  }
}
