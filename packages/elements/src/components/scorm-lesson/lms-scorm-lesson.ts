import { RESOURCE_FAILED_MESSAGE, type ScormLesson } from '@lms-kit/scorm';
import type { LmsError } from '@lms-kit/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { cssomStyle } from '../../styles/cssom-style.js';
import { query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { LmsErrorEvent } from '../../events/error.js';
import { LmsLessonReportEvent } from '../../events/lesson-report.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { tokens } from '../../styles/shared.styles.js';
import { PackageSession } from '@lms-kit/runtime/package';
import { SessionController } from '../../controllers/session-controller.js';
import { scormMessages } from '../../i18n/messages-en-scorm.js';
import { registerMessages } from '../../i18n/localize.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', scormMessages);

/**
 * @tag lms-scorm-lesson
 * @summary Plays a `scorm` lesson: a SCORM 1.2 or 2004 package (or one item of it) in a frame, with the
 * scorm-again runtime the content looks for, its data saved as it commits and resumed next time.
 *
 * @csspart base - The wrapper.
 * @csspart items - The list of the lesson's items, when it has several.
 * @csspart stage - The content frame and its full-screen toggle (what goes full screen).
 * @csspart frame - The content frame.
 * @csspart fullscreen - The full-screen toggle.
 * @csspart message - Loading, offline and error messages.
 *
 * @cssproperty --lms-scorm-aspect-ratio - Shape of the content frame, which fills the lesson's width. Default `16 / 9`
 *   (the stage of Storyline, Rise and most authoring tools).
 * @cssproperty --lms-scorm-height - A fixed height for the content frame instead (or the lesson's `height`).
 */
export class LmsScormLesson extends LessonViewElement<ScormLesson> {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .stage {
        display: flex;
        flex-direction: column;
        gap: 0.375rem;
      }
      .stage:fullscreen,
      .stage.expanded {
        position: fixed;
        inset: 0;
        z-index: 2147483647;
        padding: 0.5rem;
        background: var(--_surface);
      }
      [part='fullscreen'] {
        align-self: flex-end;
      }
      iframe {
        display: block;
        inline-size: 100%;
        /* Fills the lesson's width at the content's usual shape, so a scaled stage is never cropped. */
        block-size: var(--lms-scorm-height, var(--_height, auto));
        aspect-ratio: var(--lms-scorm-aspect-ratio, 16 / 9);
        min-block-size: 15rem;
        /* A ring drawn outside, so the content box keeps the exact shape. */
        border: 0;
        box-shadow: 0 0 0 1px var(--_border);
        border-radius: var(--_radius);
        background: var(--_frame);
      }
      .stage:fullscreen iframe,
      .stage.expanded iframe {
        flex: 1;
        block-size: auto;
        aspect-ratio: auto;
      }
      .items {
        display: flex;
        flex-wrap: wrap;
        gap: 0.375rem;
        list-style: none;
        padding: 0;
        margin: 0 0 0.75rem;
      }
      .items button[aria-current] {
        font-weight: 600;
      }
      .items button[aria-disabled='true'] {
        opacity: 0.6;
        cursor: not-allowed;
      }
      [part='message'] {
        padding: 0.75rem 1rem;
        border-radius: var(--_radius);
        background: var(--_subtle);
        margin: 0 0 0.75rem;
      }
      [part='message'].error {
        background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
      }
    `,
  ];

  @query('iframe') private frame?: HTMLIFrameElement;
  @query('.stage') private stage?: HTMLElement;
  /** The frame fills the screen (the Fullscreen API, or the whole window where it is refused). */
  private expanded = false;
  /** The headless package session this element shows. */
  readonly launch = new PackageSession();
  private readonly sessionView = new SessionController(this, {}, this.launch);
  private openedFor?: unknown;
  private saveError?: LmsError;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onMessage);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onMessage);
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    this.openedFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const services = this.services.value;
    // A view taken out of the page (the learner moved on) opens nothing: its package would take the
    // sequencer's current activity back.
    if (this.isConnected && this.lesson && services && this.openedFor !== this.lesson) {
      this.openedFor = this.lesson;
      void this.launch.open(this.lesson, this.course, services);
    }
    super.willUpdate(changed);
  }

  /** Resolves once the package is open and the frame shows its launch page (or an error is shown). */
  override get contentReady(): Promise<unknown> {
    return this.updateComplete;
  }

  /** The runtime session of the SCO shown (its scorm-again `api`, `attempt`, `startingCmi`), once launched. */
  get session() {
    return this.launch.session;
  }

  constructor() {
    super();
    this.launch.on('result', (result) => this.reportResult(result));
    this.launch.on('navigate', (target) => void this.dispatchEvent(new LmsLessonReportEvent({ navigate: target })));
    this.launch.on('lms-error', ({ error }) => this.storageFailed(error));
    this.launch.unloadFrame = () => this.unloadFrame();
  }

  /** Navigates the frame away so the content's unload handlers run (and end its session); resolves once they have. */
  private unloadFrame(): Promise<void> {
    const frame = this.frame;
    if (!frame?.contentWindow) return Promise.resolve();
    return new Promise((resolve) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      frame.contentWindow?.location.replace('about:blank');
    });
  }

  private onFrameLoad = (): void => {
    // The blank page the frame shows while the content unloads is not the content (content on another
    // origin, the isolated mode, cannot be read: it is the content).
    let blank = false;
    try {
      blank = this.frame?.contentWindow?.location.href === 'about:blank';
    } catch {
      blank = false;
    }
    if (!blank) this.launch.onFrameLoad();
  };

  private async toggleFullscreen(): Promise<void> {
    const stage = this.stage;
    if (!stage) return;
    if (this.expanded) {
      if (this.shadowRoot?.fullscreenElement === stage) await document.exitFullscreen().catch(() => undefined);
      this.setExpanded(false);
      return;
    }
    // Where full screen is refused (an iframe without allowfullscreen, an old browser), the stage fills the window.
    await stage.requestFullscreen?.().catch(() => undefined);
    this.setExpanded(true);
  }

  private setExpanded(expanded: boolean): void {
    this.expanded = expanded;
    this.requestUpdate();
  }

  private onFullscreenChange = (): void => {
    if (this.expanded && this.shadowRoot?.fullscreenElement !== this.stage && !document.fullscreenElement) this.setExpanded(false);
  };

  /** Escape leaves full screen (the browser does it for the Fullscreen API; the window-filling mode needs this). */
  private onStageKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.expanded) {
      event.stopPropagation();
      void this.toggleFullscreen();
    }
  }

  /** Storage could not keep what the SCO committed: said here and to the page (recoverable: the SCO goes on, the data is journaled). */
  private storageFailed(error: LmsError): void {
    this.saveError = error;
    this.requestUpdate();
    this.dispatchEvent(new LmsErrorEvent({ error, recoverable: true }));
  }

  /** Messages from the content's frames (same origin): a script from the internet failed to load. */
  private onMessage = (event: MessageEvent): void => {
    if (event.origin !== location.origin || (event.data as { type?: string })?.type !== RESOURCE_FAILED_MESSAGE) return;
    if (!this.isOurFrame(event.source as Window | null)) return;
    this.launch.onResourceFailed(String((event.data as { url?: string }).url));
  };

  private isOurFrame(source: Window | null): boolean {
    for (let w = source; w; w = w.parent === w ? null : w.parent) if (w === this.frame?.contentWindow) return true;
    return false;
  }

  private retry(): void {
    this.openedFor = undefined;
    this.requestUpdate();
  }

  protected override render() {
    const { state, current } = this.launch;
    const items = this.launch.listed;
    const height = this.lesson?.height;
    return html`<div part="base" style=${cssomStyle({ '--_height': height ? `${height}px` : undefined })}>
      ${this.renderMessage()}
      ${
        items.length > 1 && state !== 'error'
          ? html`<ol class="items" part="items" aria-label=${this.t('scorm.items')}>
              ${items.map((item, index) => {
                // The package's sequencing may hold an item: it stays in the list, saying why.
                const hold = item === current ? undefined : this.launch.holds.get(item.identifier);
                return html`<li>
                  <button
                    class="action secondary"
                    aria-current=${item === current ? 'step' : nothing}
                    aria-disabled=${hold ? 'true' : nothing}
                    aria-describedby=${hold ? `hold-${index}` : nothing}
                    @click=${() => this.launch.select(item.identifier)}
                  >
                    ${item.title}${this.launch.completedItems.has(item.identifier) ? html` <span aria-hidden="true">✓</span>` : nothing}
                  </button>
                  ${hold ? html`<span class="visually-hidden" id="hold-${index}">${this.t(`lock.sequencing.${hold}`)}</span>` : nothing}
                </li>`;
              })}
            </ol>`
          : nothing
      }
      ${
        state === 'ready' && this.launch.launchUrl
          ? html`<div part="stage" class="stage ${this.expanded ? 'expanded' : ''}" @keydown=${this.onStageKeydown}>
              <button part="fullscreen" class="action secondary" @click=${this.toggleFullscreen}>
                ${this.t(this.expanded ? 'scorm.exitFullScreen' : 'scorm.fullScreen')}
              </button>
              ${
                // A new frame for every launch: the same SCO launched again (a retry) starts anew.
                keyed(
                  this.launch.launches,
                  html`<iframe
                    part="frame"
                    sandbox=${this.launch.isolation?.sandbox ?? nothing}
                    src=${this.launch.launchUrl}
                    title=${this.t('scorm.frameTitle', { title: current?.title ?? this.lesson?.title ?? '' })}
                    allow="fullscreen; autoplay"
                    @load=${this.onFrameLoad}
                  ></iframe>`,
                )
              }
            </div>`
          : nothing
      }
    </div>`;
  }

  /** To the activity the sequencing engine has delivered, when the one asked for is not open. */
  private renderGoToAllowed() {
    const current = this.launch.sequencer?.current;
    return current && current !== this.launch.current?.identifier
      ? html`<button class="action secondary" @click=${() => this.launch.goToAllowed()}>${this.t('scorm.goToAllowed')}</button>`
      : nothing;
  }

  private renderMessage() {
    const { state, error, offlineHost } = this.launch;
    if (this.saveError) {
      return html`<p part="message" class="error" role="alert">
        ${this.t('scorm.notSaved', { title: this.launch.current?.title ?? this.lesson?.title ?? '', message: this.saveError.message })}
        <button class="action secondary" @click=${() => ((this.saveError = undefined), this.requestUpdate())}>
          ${this.t('common.dismiss')}
        </button>
      </p>`;
    }
    if (this.launch.openElsewhere)
      return html`<p part="message" role="status">${this.t('scorm.openElsewhere', { title: this.launch.current?.title ?? '' })}</p>`;
    if (state === 'loading') return html`<p part="message" aria-busy="true">${this.t('scorm.loading')}</p>`;
    if (state === 'error' && error)
      return html`<p part="message" class="error" role="alert">${this.t('scorm.failed', { message: error.message })}</p>`;
    if (state === 'left') {
      return html`<p part="message" role="status">
        ${this.t('scorm.left', { title: this.launch.current?.title ?? '' })}
        ${
          this.launch.reopenable
            ? html`<button class="action secondary" @click=${() => this.retry()}>${this.t('scorm.reopen')}</button>`
            : this.renderGoToAllowed()
        }
      </p>`;
    }
    if (state === 'blocked') {
      return html`<p part="message" role="status">
        ${this.t('scorm.blocked', {
          title: this.launch.current?.title ?? '',
          reason: this.t(`lock.sequencing.${this.launch.blockedBy ?? 'order'}`),
        })}
        ${this.renderGoToAllowed()}
      </p>`;
    }
    if (offlineHost) {
      return html`<p part="message" class="error" role="alert">
        ${this.t('scorm.offline', { host: offlineHost })}
        <button class="action secondary" @click=${() => this.retry()}>${this.t('scorm.retry')}</button>
      </p>`;
    }
    return nothing;
  }
}
