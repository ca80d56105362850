import { toLmsError, type LmsError } from '@lms-kit/core';
import {
  Cmi5Collections,
  auStatusId,
  cmi5Actor,
  cmi5Urls,
  endSession,
  launchAu,
  type Cmi5AuStatus,
  type Cmi5CourseRecord,
  type Cmi5Session,
} from '@lms-kit/xapi/cmi5';
import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { databaseOf, type Cmi5Lesson } from '../../cmi5/load-cmi5-course.js';
import { cmi5Prefix, ensureServiceWorker } from '../../cmi5/service-worker.js';
import { isolatedAu, type IsolatedAu } from '../../cmi5/isolated-launch.js';
import { LmsErrorEvent } from '../../events/error.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { tokens } from '../../styles/shared.styles.js';
import { registerMessages } from '../../i18n/localize.js';
import { cmi5Messages } from '../../i18n/messages-en-cmi5.js';

type Phase = 'idle' | 'starting' | 'framed' | 'windowed' | 'ended' | 'failed';

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

  @state() private phase: Phase = 'idle';
  @state() private url?: string;
  @state() private failure?: LmsError;
  @state() private satisfied = false;
  private session?: Cmi5Session;
  private popup?: Window | null;
  private popupTimer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;
  /** The AU's launch on the content origin, in isolated mode. */
  private isolated?: IsolatedAu;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('lesson') && this.lesson) void this.prepare();
  }

  protected override servicesChanged(): void {
    if (this.lesson && this.phase === 'idle') void this.prepare();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.popupTimer);
    void this.leave();
  }

  private async prepare(): Promise<void> {
    const services = this.services.value;
    const lesson = this.lesson;
    // The player may mount and drop views while one loads: only a connected view launches.
    if (!services || !lesson || this.phase !== 'idle' || !this.isConnected) return;
    this.phase = 'starting';
    this.unsubscribe?.();
    this.unsubscribe = services.storage.subscribe((change) => {
      if (change.type !== 'record') return;
      if (change.collection === Cmi5Collections.auStatus) void this.readStatus();
      if (change.collection === Cmi5Collections.sessions && change.id === this.session?.id) void this.readSession();
    });
    await this.readStatus();
    if (!this.isConnected) return;
    if (lesson.cmi5.launchMethod === 'OwnWindow') this.phase = 'windowed';
    else await this.launch();
  }

  /** The enrollment's registration: given by the player, else read from the stored progress. */
  private async courseRegistration(): Promise<string> {
    if (this.registration) return this.registration;
    const services = this.services.value;
    const progress =
      services && (await services.storage.getProgress({ learnerId: services.learner.id, courseId: this.lesson?.cmi5.courseKey ?? '' }));
    if (!progress) throw new Error('the course progress is not stored yet');
    return progress.registration;
  }

  private async readStatus(): Promise<void> {
    const services = this.services.value;
    const lesson = this.lesson;
    if (!services || !lesson) return;
    const id = auStatusId(await this.courseRegistration().catch(() => ''), lesson.cmi5.auId);
    const status = await services.storage.getRecord<Cmi5AuStatus>(Cmi5Collections.auStatus, id).catch(() => undefined);
    if (!status?.satisfied || this.satisfied) return;
    this.satisfied = true;
    const passed = status.passed ? true : status.failed ? false : undefined;
    this.reportResult({ completed: true, ...(passed !== undefined ? { passed } : {}), ...(status.score ? { score: status.score } : {}) });
  }

  private async readSession(): Promise<void> {
    const session = this.session && (await this.services.value?.storage.getRecord<Cmi5Session>(Cmi5Collections.sessions, this.session.id));
    if (session && (session.state === 'terminated' || session.state === 'abandoned')) {
      // The AU's frame stays: after "terminated" it shows its own last page (or its returnURL).
      this.session = undefined;
      this.phase = 'ended';
    }
  }

  /** Prepares a session and its launch URL; in a new window, that window was opened by the click, before any await. */
  private async launch(popup?: Window | null): Promise<void> {
    const services = this.services.value;
    const lesson = this.lesson;
    if (!services || !lesson) return;
    this.phase = 'starting';
    try {
      const database = databaseOf(services);
      await ensureServiceWorker();
      const course = await services.storage.getRecord<Cmi5CourseRecord>(Cmi5Collections.courses, lesson.cmi5.courseKey);
      if (!course) throw new Error('the course is no longer stored; reload the page');
      const actor = await cmi5Actor(services.learner, location.origin);
      // Isolated mode (the provider's content host): the AU plays on the content origin, in a frame only.
      this.isolated?.close();
      this.isolated = services.contentHost && !popup ? await isolatedAu(services.contentHost, database, services.storage) : undefined;
      const { url, session } = await launchAu(services.storage, {
        course,
        auId: lesson.cmi5.auId,
        learner: { id: services.learner.id, actor },
        registration: await this.courseRegistration(),
        endpoints: cmi5Urls(this.isolated?.prefix ?? cmi5Prefix(), database),
        languagePreference: services.locale,
      });
      this.session = session;
      if (!this.isConnected) {
        await this.leave();
        return;
      }
      if (popup) {
        popup.location.href = url;
        this.popup = popup;
        this.phase = 'windowed';
        clearInterval(this.popupTimer);
        this.popupTimer = setInterval(() => {
          if (!this.popup?.closed) return;
          clearInterval(this.popupTimer);
          this.popup = undefined;
          void this.leave().then(() => (this.phase = 'ended'));
        }, 1000);
      } else {
        this.url = this.isolated ? this.isolated.open(url, (error) => this.fail(error)) : url;
        this.phase = 'framed';
      }
    } catch (error) {
      popup?.close();
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failure = toLmsError(error, 'cmi5/launch-failed');
    this.phase = 'failed';
    this.url = undefined;
    this.dispatchEvent(new LmsErrorEvent({ error: this.failure, recoverable: true }));
  }

  /** The learner left the AU: a session not terminated by the AU is abandoned (cmi5 9.3.6). */
  private async leave(): Promise<void> {
    this.isolated?.close();
    this.isolated = undefined;
    const session = this.session;
    const storage = this.services.value?.storage;
    this.session = undefined;
    if (session && storage) await endSession(storage, session.id).catch(() => false);
  }

  private openWindow(): void {
    // Opened synchronously in the click, so no popup blocker stops it; the URL follows once the session exists.
    void this.launch(window.open('', '_blank'));
  }

  private again(): void {
    this.phase = 'idle';
    this.url = undefined;
    if (this.lesson?.cmi5.launchMethod === 'OwnWindow') this.openWindow();
    else void this.prepare();
  }

  protected override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    if (this.phase === 'idle' || this.phase === 'starting') return html`<p part="base" aria-busy="true">${this.t('cmi5.starting')}</p>`;
    const button = (label: string, primary = false) =>
      html`<button class="action ${primary ? '' : 'secondary'}" part="launch" @click=${primary ? this.openWindow : this.again}>
        ${label}
      </button>`;
    let notice: unknown = nothing;
    if (this.phase === 'windowed') {
      notice = html`${this.popup ? html`<p>${this.t('cmi5.openedWindow')}</p>` : nothing}${button(this.t('cmi5.openWindow'), true)}`;
    } else if (this.phase === 'ended') {
      notice = html`<p>${this.t('cmi5.finished')}</p>
        ${button(this.t('cmi5.launchAgain'))}`;
    } else if (this.phase === 'failed') {
      notice = html`<p class="error" role="alert">${this.t('cmi5.launchFailed', { message: this.failure?.message ?? '' })}</p>
        ${button(this.t('cmi5.launchAgain'))}`;
    }
    // One template for every phase, so the AU's frame is never re-created (that would launch it again).
    return html`<div part="base">
      ${this.satisfied || this.completed ? html`<p role="status">${this.t('cmi5.satisfied')}</p>` : nothing} ${notice}
      ${
        this.url
          ? html`<iframe
              part="frame"
              sandbox=${this.isolated?.sandbox ?? nothing}
              src=${this.url}
              title=${lesson.title}
              allow="fullscreen; autoplay"
            ></iframe>`
          : nothing
      }
    </div>`;
  }
}
