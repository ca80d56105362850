import type { EmbedLesson, LessonResult } from '@lms-kit/core';
import { css, html, nothing } from 'lit';
import { query } from 'lit/decorators.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { tokens } from '../../styles/shared.styles.js';

/**
 * @tag lms-embed-lesson
 * @summary Shows an `embed` lesson in a sandboxed iframe (scripts run, but the page cannot reach the
 * host's cookies, storage or DOM). With `completion: "message"` the framed page reports its own result.
 *
 * @csspart base - The wrapper.
 * @csspart frame - The iframe.
 */
export class LmsEmbedLesson extends LessonViewElement<EmbedLesson> {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      iframe {
        inline-size: 100%;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      p {
        color: var(--_muted);
      }
    `,
  ];

  @query('iframe') private frame?: HTMLIFrameElement;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onMessage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onMessage);
  }

  private onLoad(): void {
    if (this.lesson?.completion !== 'message' && !this.completed) this.reportResult({ completed: true });
  }

  /** Accepts results only from our own frame, and only well-formed ones. */
  private onMessage = (event: MessageEvent): void => {
    if (this.lesson?.completion !== 'message' || !this.frame || event.source !== this.frame.contentWindow) return;
    const result = parseResultMessage(event.data);
    if (result) this.reportResult(result);
  };

  protected override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    return html`<div part="base">
      ${lesson.completion === 'message' && !this.completed ? html`<p>${this.t('embed.waiting')}</p>` : nothing}
      <iframe
        part="frame"
        src=${this.resolveUrl(lesson.src)}
        title=${lesson.title}
        height=${lesson.height ?? 480}
        allow=${lesson.allow ?? nothing}
        sandbox="allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads"
        referrerpolicy="no-referrer"
        @load=${this.onLoad}
      ></iframe>
    </div>`;
  }
}

/** `{ type: 'lms-kit:result', completed?, passed?, score?: { scaled?, raw?, min?, max? } }` → a result, or undefined. */
export function parseResultMessage(data: unknown): LessonResult | undefined {
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'lms-kit:result') return undefined;
  const { completed, passed, score } = data as Record<string, unknown>;
  const result: LessonResult = {};
  if (typeof completed === 'boolean') result.completed = completed;
  if (typeof passed === 'boolean') result.passed = passed;
  if (typeof score === 'object' && score !== null) {
    const clean: Record<string, number> = {};
    for (const key of ['scaled', 'raw', 'min', 'max'] as const) {
      const value = (score as Record<string, unknown>)[key];
      if (typeof value === 'number' && Number.isFinite(value)) clean[key] = value;
    }
    if (clean.scaled !== undefined && (clean.scaled < -1 || clean.scaled > 1)) return undefined;
    result.score = clean;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
