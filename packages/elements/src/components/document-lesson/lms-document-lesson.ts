import type { DocumentLesson } from '@lms-kit/core';
import { css, html, nothing } from 'lit';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { tokens } from '../../styles/shared.styles.js';

/**
 * @tag lms-document-lesson
 * @summary Shows a `document` lesson: a PDF in the page, or a link that opens the document in a new
 * tab. Completes when the document is opened (shown inline, or the link followed).
 *
 * @csspart base - The wrapper.
 * @csspart document - The inline viewer (`<object>`).
 * @csspart link - The link that opens the document.
 * @cssproperty --lms-document-height - Height of the inline viewer. Default `70vh`.
 */
export class LmsDocumentLesson extends LessonViewElement<DocumentLesson> {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      object {
        inline-size: 100%;
        block-size: var(--lms-document-height, 70vh);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      a {
        color: var(--_accent);
      }
    `,
  ];

  private get display(): 'inline' | 'link' {
    const lesson = this.lesson;
    if (lesson?.display) return lesson.display;
    return /\.pdf($|[?#])/i.test(lesson?.src ?? '') ? 'inline' : 'link';
  }

  protected override updated(): void {
    if (this.lesson && this.display === 'inline' && !this.completed) this.opened();
  }

  private opened(): void {
    if (!this.completed) this.reportResult({ completed: true });
  }

  protected override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    const src = this.resolveUrl(lesson.src);
    const link = html`<p>
      <a part="link" href=${src} target="_blank" rel="noopener" @click=${this.opened} @auxclick=${this.opened}
        >${this.t('document.open')}<span class="visually-hidden"> ${this.t('document.opensNewTab')}</span></a
      >
    </p>`;
    if (this.display === 'link') return html`<div part="base">${link}</div>`;
    return html`<div part="base">
      <object part="document" data=${src} type="application/pdf" aria-label=${lesson.title}>
        <p>${this.t('document.inlineFallback')}</p>
      </object>
      ${link}
    </div>`;
  }
}
