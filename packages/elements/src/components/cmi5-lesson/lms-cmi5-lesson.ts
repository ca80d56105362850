import { Cmi5AuSession } from '@lms-kit/runtime/cmi5';
import { css, html, nothing, type PropertyValues } from 'lit';
import type { Cmi5Lesson } from '../../cmi5/load-cmi5-course.js';
import { SessionController } from '../../controllers/session-controller.js';
import { LmsErrorEvent } from '../../events/error.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { tokens } from '../../styles/shared.styles.js';
import { registerMessages } from '../../i18n/localize.js';
import { cmi5Messages } from '../../i18n/messages-en-cmi5.js';

// Registered here, not only by importing the strings module: bundlers that trust `sideEffects` drop bare imports.
registerMessages('en', cmi5Messages);

/**
 * @tag lms-cmi5-lesson
 * @summary Launches one cmi5 AU: in a frame (`launchMethod="AnyWindow"`) or, on the learner's
 * click, in its own window (`OwnWindow`). The AU talks to LMS Kit's LRS facade in the service
 * worker; the lesson completes when the AU is satisfied by its `moveOn` rule.
 *
 * @csspart base - The wrapper.
 * @csspart frame - The iframe of an AnyWindow AU.
 * @csspart launch - The button that opens an OwnWindow AU, or starts an AU again.
 *
 * @cssproperty --lms-cmi5-frame-height - Height of the AU's frame. Default `min(75vh, 44rem)`.
 *
 * @event lms-error - The AU could not be launched (no service worker, storage that is not IndexedDB…).
 */
export class LmsCmi5Lesson extends LessonViewElement<Cmi5Lesson> {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      iframe {
        inline-size: 100%;
        block-size: var(--lms-cmi5-frame-height, min(75vh, 44rem));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      p {
        color: var(--_muted);
      }
    `,
  ];

  /** The headless session of the AU this element shows. */
  readonly au = new Cmi5AuSession();
  private readonly view = new SessionController(this, {}, this.au);

  constructor() {
    super();
    this.au.on('result', (result) => this.reportResult(result));
    this.au.on('lms-error', (detail) => void this.dispatchEvent(new LmsErrorEvent(detail)));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('lesson') && this.lesson) this.prepare();
  }

  protected override servicesChanged(): void {
    if (this.lesson && this.au.phase === 'idle') this.prepare();
  }

  private prepare(): void {
    const services = this.services.value;
    const lesson = this.lesson;
    // The player may mount and drop views while one loads: only a connected view launches.
    if (!services || !lesson || !this.isConnected) return;
    const { courseKey, auId, launchMethod } = lesson.cmi5;
    void this.au.prepare(
      { courseKey, auId, launchMethod },
      { services, registration: this.registration, languagePreference: services.locale, contentHost: services.contentHost },
    );
  }

  /** Opened synchronously in the click, so no popup blocker stops it; the URL follows once the session exists. */
  private openWindow(): void {
    void this.au.launch(window.open('', '_blank'));
  }

  private again(): void {
    void this.au.again(this.lesson?.cmi5.launchMethod === 'OwnWindow' ? window.open('', '_blank') : undefined);
  }

  protected override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    const { phase, url, sandbox, relayUrl, windowOpen, satisfied, failure } = this.au.getState();
    if (phase === 'idle' || phase === 'starting') return html`<p part="base" aria-busy="true">${this.t('cmi5.starting')}</p>`;
    const button = (label: string, primary = false) =>
      html`<button class="action ${primary ? '' : 'secondary'}" part="launch" @click=${primary ? this.openWindow : this.again}>
        ${label}
      </button>`;
    let notice: unknown = nothing;
    if (phase === 'windowed') {
      notice = html`${windowOpen ? html`<p>${this.t('cmi5.openedWindow')}</p>` : nothing}${button(this.t('cmi5.openWindow'), true)}`;
    } else if (phase === 'ended') {
      notice = html`<p>${this.t('cmi5.finished')}</p>
        ${button(this.t('cmi5.launchAgain'))}`;
    } else if (phase === 'failed') {
      notice = html`<p class="error" role="alert">${this.t('cmi5.launchFailed', { message: failure?.message ?? '' })}</p>
        ${button(this.t('cmi5.launchAgain'))}`;
    }
    // One template for every phase, so the AU's frame is never re-created (that would launch it again).
    return html`<div part="base">
      ${satisfied || this.completed ? html`<p role="status">${this.t('cmi5.satisfied')}</p>` : nothing} ${notice}
      ${
        url
          ? html`<iframe part="frame" sandbox=${sandbox ?? nothing} src=${url} title=${lesson.title} allow="fullscreen; autoplay"></iframe>`
          : nothing
      }
      ${
        // Isolated mode: the content host relaying the AU window's requests; nothing to see.
        relayUrl
          ? html`<iframe
              hidden
              aria-hidden="true"
              tabindex="-1"
              sandbox=${sandbox ?? nothing}
              src=${relayUrl}
              title=${lesson.title}
            ></iframe>`
          : nothing
      }
    </div>`;
  }
}
