import { LmsError, type TextLesson } from '@lms-kit/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { sanitizeHtml } from '../../lessons/sanitize.js';
import { tokens } from '../../styles/shared.styles.js';

/**
 * @tag lms-text-lesson
 * @summary Shows a `text` lesson: author HTML, sanitized, inline or fetched from `src`.
 * Completes when shown, or when read to the end for `completion: "scroll-end"`.
 *
 * @csspart base - The wrapper of the lesson's content.
 * @cssproperty --lms-text-max-width - Line length of the text. Default `70ch`.
 */
export class LmsTextLesson extends LessonViewElement<TextLesson> {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        line-height: 1.6;
      }
      [part='base'] {
        max-inline-size: var(--lms-text-max-width, 70ch);
      }
      [part='base'] img,
      [part='base'] video {
        max-inline-size: 100%;
        block-size: auto;
      }
      [part='base'] a {
        color: var(--_accent);
      }
      .end {
        block-size: 1px;
      }
    `,
  ];

  @state() private content?: string;
  @state() private failure?: LmsError;
  private loading?: Promise<void>;
  private endObserver?: IntersectionObserver;
  private reported = false;

  override get contentReady(): Promise<unknown> {
    // The first update starts loading; the content shows in the update after it resolves.
    return this.updateComplete.then(() => this.loading).then(() => this.updateComplete);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lesson') || changed.has('baseUrl')) this.loading = this.load();
  }

  private async load(): Promise<void> {
    const lesson = this.lesson;
    if (!lesson) return;
    this.content = undefined;
    this.failure = undefined;
    this.reported = false;
    try {
      const raw = lesson.html ?? (await this.fetchFragment(lesson.src ?? ''));
      const clean = await sanitizeHtml(raw, this.baseUrl);
      if (lesson === this.lesson) this.content = clean;
    } catch (error) {
      this.failure = error instanceof LmsError ? error : new LmsError('lesson/load-failed', String(error), { cause: error });
    }
  }

  private async fetchFragment(src: string): Promise<string> {
    const url = this.resolveUrl(src);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new LmsError('lesson/load-failed', `${url} could not be downloaded`, { cause: error });
    }
    if (!response.ok) throw new LmsError('lesson/load-failed', `${url} answered HTTP ${response.status}`);
    return response.text();
  }

  protected override updated(): void {
    if (this.content === undefined || this.completed || this.reported) return;
    if (this.lesson?.completion === 'scroll-end') this.watchEnd();
    else this.complete();
  }

  private watchEnd(): void {
    const end = this.renderRoot.querySelector('.end');
    if (!end || this.endObserver) return;
    this.endObserver = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.endObserver?.disconnect();
      this.endObserver = undefined;
      this.complete();
    });
    this.endObserver.observe(end);
  }

  private complete(): void {
    this.reported = true;
    this.reportResult({ completed: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.endObserver?.disconnect();
    this.endObserver = undefined;
  }

  /** Its root part is the lesson's own content: in the course's language (direction `auto` when unknown). */
  protected get rootLanguage(): string | null {
    return this.course?.language ?? null;
  }

  protected override render() {
    if (this.failure) return html`<p class="error" role="alert">${this.t('lesson.loadFailed', { message: this.failure.message })}</p>`;
    if (this.content === undefined) return html`<p aria-busy="true">${this.t('common.loading')}</p>`;
    return html`<div part="base">${unsafeHTML(this.content)}</div>
      ${this.lesson?.completion === 'scroll-end' ? html`<div class="end"></div>` : nothing}`;
  }
}
