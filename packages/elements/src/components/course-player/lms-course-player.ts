import { findLesson, moduleOfLesson, toLmsError, type Course, type CourseState, type LoadedCourse } from '@lms-kit/core';
import { html, nothing } from 'lit';
import { cssomStyle } from '../../styles/cssom-style.js';
import type { CourseSession, CourseSessionEvents } from '@lms-kit/runtime/course';
import type { LmsServices } from '../../context/services.js';
import { SessionController } from '../../controllers/session-controller.js';
import { LmsCourseCompleteEvent } from '../../events/course-complete.js';
import { LmsErrorEvent } from '../../events/error.js';
import { LmsLessonCompleteEvent } from '../../events/lesson-complete.js';
import { LmsProgressChangeEvent } from '../../events/progress-change.js';
import { loadCourseRules } from '../../lessons/registry.js';
import { loadCourse, parseCourseLazily } from '../../course/load-course.js';
import type { LmsLessonReportEvent } from '../../events/lesson-report.js';
import { LmsLessonSelectEvent } from '../../events/lesson-select.js';
import { contentDirection } from '../../i18n/direction.js';
import { formatPercent } from '../../i18n/localize.js';
import { directionArrow } from '../../styles/icons.js';
import { LmsElement, pageLanguage } from '../../lessons/lms-element.js';
import type { ContentLanguageOf } from '../../course/localize-course.js';
import { renderOutline } from './course-outline.js';
import { describeLockReasons } from './lock-reasons.js';
import { playerStyles } from './lms-course-player.styles.js';
import { mountLessonView } from './mount-lesson.js';
import { failLoad } from '../../events/fail-load.js';
import { AsyncLoad } from '../../controllers/async-load.js';
import { renderLoadError } from '../shared/load-error.js';
import { courseStatus, reflectStates, type CourseStatus } from '../../controllers/state-attributes.js';
import { PlayerOffline } from './player-offline.js';
import { loadElement } from '../../autoload.js';

/**
 * @tag lms-course-player
 * @summary Plays a course on any page: outline with lesson states and lock reasons, the lesson,
 * previous/next. Progress is saved as the learner goes and the course resumes where they left off.
 *
 * @event lms-lesson-complete - A lesson was just completed. `detail: { courseId, lessonId, result }`
 * @event lms-course-complete - The course was just completed. `detail: { courseId, completedAt, points }`
 * @event lms-progress-change - Progress changed. `detail: { courseId, percent, completedLessons, requiredLessons, points, completed }`
 * @event lms-lesson-select - The learner asks to open a lesson; cancelable. `detail: { courseId, lessonId, fromLessonId }`
 * @event lms-certificate-issue - The completion earned the course's certificate, now signed and stored. `detail: { certificate }`
 * @event lms-error - Loading or saving failed, or a certificate could not be signed (issued on the next visit), or an offline download failed (`offline/quota`, `offline/download-failed`). `detail: { error, recoverable }`
 * @event lms-offline-change - With `offline`: the course's offline copy was saved, updated to a new version, removed or left half-way. `detail: { courseUrl, change }`
 *
 * @attr {'not-started' | 'in-progress' | 'completed'} status - Set by the player once a course is loaded: where the learner is in it (`lms-course-player[status='completed']`).
 * @attr {boolean} completed - Set by the player while the course is completed.
 *
 * @csspart base - The player's frame.
 * @csspart header - Title and progress bar.
 * @csspart title - The course title.
 * @csspart progress-bar - The progress bar.
 * @csspart outline - The outline navigation.
 * @csspart outline-module - A module in the outline; `outline-module-completed`, `outline-module-in-progress`, `outline-module-available` or `outline-module-locked` as well.
 * @csspart outline-lesson - A lesson button in the outline, with its state as more part names: `outline-lesson-current` for the open one, `outline-lesson-completed`, `outline-lesson-in-progress`, `outline-lesson-available` or `outline-lesson-locked` (also a started lesson the content's sequencing holds), as in `lms-course-player::part(outline-lesson-completed)`.
 * @csspart lesson - The lesson area.
 * @csspart lesson-body - The scrolling content of the lesson.
 * @csspart nav - Previous/next bar.
 * @csspart discussion - The lesson's `<lms-discussion>`, when the course JSON turns `discussion` on for the lesson or the course.
 * @csspart completion - The "course completed" message.
 * @csspart offline - With `offline`: the "Make available offline" button, the download's progress and the copy's size.
 * @csspart offline-progress - The offline download's progress bar.
 * @csspart offline-banner - The "offline — your progress will sync" banner shown while the network is off.
 * @csspart lesson - The current lesson's view. Its own parts are exported as well (`question`, `choice`, `feedback`, `timer`, `result`, `video`, `document`, `frame`…; its `base` as `lesson-base`), so a page styles a quiz inside the player with `lms-course-player::part(question)`.
 *
 * @cssproperty --lms-player-height - Maximum height of the lesson and outline. Default `min(80vh, 44rem)`.
 * @cssproperty --lms-outline-width - Width of the outline column. Default `18rem`.
 * @cssproperty --lms-color-accent - Accent colour. Default `#1d4ed8`.
 * @cssproperty --lms-color-success - Completion colour. Default `#047857`.
 */
export class LmsCoursePlayer extends LmsElement {
  static override styles = playerStyles;

  static override properties = {
    src: {},
    course: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideTitle: { type: Boolean, attribute: 'hide-title' },
    offline: { type: Boolean },
  };

  /** URL of the course JSON. */
  src?: string;
  /** The course itself, instead of `src`. */
  course?: Course;
  /** Heading level of the course title (2 by default); the lesson title is one below it. */
  headingLevel = 2;
  /** Leaves out the course title, for a page whose own heading already names the course. */
  hideTitle = false;
  /**
   * Offers "Make available offline": the course, its files and the code its lessons need are kept on this
   * device (Cache Storage, served by LMS Kit's service worker), updated when the course's `version` changes.
   * Off by default; needs `src` and the service worker.
   */
  offline = false;
  /** More files to keep with the offline copy, e.g. the page itself and its styles (the page's shell is the site's to choose). */
  offlineFiles: string[] = [];
  /** Bumped when the offline copy switched to a new version: the course loads again. */
  private revision = 0;
  private readonly offlinePart = new PlayerOffline(
    this,
    (id, params) => this.t(id, params),
    () => this.services.value?.storage,
  );

  private get lessonBody(): HTMLElement | null {
    return this.renderRoot.querySelector('.lesson-body');
  }

  private get lessonHeadingLevel(): number {
    return this.hideTitle ? this.headingLevel : this.headingLevel + 1;
  }

  private get lessonTitle(): HTMLElement | null {
    return this.renderRoot.querySelector('#lesson-title');
  }

  /**
   * The headless course session this element shows, once a course is loaded (its code loads with the first course).
   * @readonly
   */
  session?: CourseSession;
  private sessionLoading?: Promise<CourseSession>;
  private readonly sessionView = new SessionController<CourseSession, CourseSessionEvents>(this, {
    'lms-lesson-complete': LmsLessonCompleteEvent,
    'lms-course-complete': LmsCourseCompleteEvent,
    'lms-progress-change': LmsProgressChangeEvent,
    'lms-error': LmsErrorEvent,
  });
  private mountedLessonId?: string;
  /** The view host a lesson view is being loaded into. */
  private mounting?: HTMLElement;
  /** Latest message for the live region. */
  private announcement = '';

  private readonly loader = new AsyncLoad(
    this,
    async ([src, course, services], { signal }): Promise<LoadedCourse | undefined> => {
      if (!services || (!src && !course)) return undefined;
      try {
        const parsed = course ? { course: await parseCourseLazily(course) } : await loadCourse(src as string, signal, services);
        const loaded = await this.inLearnerLanguage(parsed, services);
        await (await this.createSession()).start(loaded, services);
        // For <lms-progress course="…"> elsewhere; its code loads with the first course, not with the page.
        void import('../../course/course-outline-store.js')
          .then((store) => store.saveCourseOutline(services.storage, loaded.course))
          .catch(() => undefined);
        return loaded;
      } catch (error) {
        failLoad(this, error, signal, 'course/load-failed');
      }
    },
    () => [this.src, this.course, this.services.value, this.revision] as const,
  );

  /** The language of each string shown, for courses with language variants. */
  private languageOf?: ContentLanguageOf;

  /** A course with language variants, in the learner's language; its code loads only for such courses. */
  private async inLearnerLanguage(loaded: LoadedCourse, services: LmsServices): Promise<LoadedCourse> {
    this.languageOf = undefined;
    if (!loaded.course.variants) return loaded;
    const { localizeForLearner } = await import('../../course/localize-course.js');
    const preferences = [services.localeFromPage ? undefined : services.locale, pageLanguage(this), ...navigator.languages];
    const localized = localizeForLearner(loaded.course, preferences);
    this.languageOf = localized.languageOf;
    return { ...loaded, course: localized.course };
  }

  protected override willUpdate(): void {
    this.offlinePart.follow(this.loader.value?.course);
  }

  /** The offline copy switched to a new version. @internal */
  reloadCourse(): void {
    this.revision++;
    this.requestUpdate();
  }

  private createSession(): Promise<CourseSession> {
    return (this.sessionLoading ??= import('@lms-kit/runtime/course').then(({ CourseSession }) => {
      const session = new CourseSession({
        loadRules: loadCourseRules,
        // Its code (signing, credentials) loads only for courses that have a certificate.
        issueCertificate: (course, services, baseUrl) =>
          void import('../../certificates/issue-on-completion.js').then((m) =>
            m.issueOnCompletion(this, course, services as LmsServices, baseUrl),
          ),
      });
      this.sessionView.attach(session);
      session.on('lms-lesson-complete', ({ lessonId }) => {
        const course = session.course;
        this.announce(this.t('player.lessonCompleted', { title: (course && findLesson(course, lessonId)?.title) ?? lessonId }));
      });
      session.on('lms-course-complete', () => this.announce(this.t('player.courseComplete')));
      session.navigate = (lessonId) => void this.navigate(lessonId);
      this.session = session;
      return session;
    }));
  }

  /** The learner's state in the course (lesson states, percent, points), once loaded. */
  get progress(): CourseState | undefined {
    return this.session?.state;
  }

  /** Where the learner is in the course, once loaded; reflected as the `status` attribute. */
  get status(): CourseStatus | undefined {
    const state = this.session?.state;
    return state && courseStatus(state);
  }

  /** Whether the course is completed; reflected as the `completed` attribute. */
  get completed(): boolean {
    return this.session?.state?.completed ?? false;
  }

  /** Id of the lesson shown. */
  get currentLessonId(): string | undefined {
    return this.session?.currentLessonId;
  }

  /** Opens a lesson as if the learner chose it; resolves to false if it is locked or the host cancelled. */
  async goToLesson(lessonId: string): Promise<boolean> {
    const session = this.session;
    const courseId = session?.course?.id;
    if (!session || !courseId || lessonId === session.currentLessonId) return lessonId === session?.currentLessonId;
    const select = new LmsLessonSelectEvent({ courseId, lessonId, fromLessonId: session.currentLessonId });
    if (!this.dispatchEvent(select)) return false;
    return session.open(lessonId);
  }

  /** A learner's own navigation: after it, focus goes to the new lesson's heading. */
  private async navigate(lessonId: string): Promise<void> {
    if (!(await this.goToLesson(lessonId))) return;
    await this.updateComplete;
    this.lessonTitle?.focus();
  }

  private select(lessonId: string): void {
    const view = this.session?.state?.lessons[lessonId];
    const course = this.session?.course;
    if (view?.lockReasons.length && course) {
      const title = findLesson(course, lessonId)?.title ?? lessonId;
      this.announce(this.t('player.lessonLocked', { title, reasons: describeLockReasons(course, view.lockReasons, this.t.bind(this)) }));
      return;
    }
    void this.navigate(lessonId);
  }

  /**
   * Previous (-1) or Next (1): whether it leads somewhere and, with `go`, goes there. The course's rules
   * (SCORM sequencing) decide for the lessons they govern; otherwise it is the nearest open lesson.
   */
  private step(step: 1 | -1, go?: boolean): boolean {
    return this.session?.step(step, go) ?? false;
  }

  /** Says `message` in the player's live region. @internal */
  announce(message: string): void {
    this.announcement = message;
    this.requestUpdate();
  }

  private onReport(event: LmsLessonReportEvent): void {
    event.stopPropagation();
    this.session?.report(event.detail);
    const to = event.detail.navigate;
    if (to === 'next' || to === 'previous') this.step(to === 'next' ? 1 : -1, true);
    else if (to) void this.navigate(to);
  }

  private onScroll(): void {
    const body = this.lessonBody;
    if (!body || body.scrollHeight <= body.clientHeight) return;
    this.session?.report({ position: { scroll: body.scrollTop / (body.scrollHeight - body.clientHeight) } });
  }

  protected override updated(): void {
    reflectStates(this, { status: this.status, completed: this.completed });
    const session = this.session;
    const lessonId = session?.currentLessonId;
    const host = this.renderRoot.querySelector<HTMLElement>('.view-host');
    if (!session?.course || !host || !lessonId) return;
    const completed = session.state?.lessons[lessonId]?.status === 'completed';
    // A view still loading for this lesson (lesson views load lazily) is not mounted again: each progress
    // change while it loads would otherwise replace it, ending the session its content had started.
    if (lessonId !== this.mountedLessonId || (!host.firstElementChild && this.mounting !== host)) {
      this.mountedLessonId = lessonId;
      this.mounting = host;
      void mountLessonView(host, {
        lesson: findLesson(session.course, lessonId),
        course: session.course,
        registration: session.progress?.registration,
        baseUrl: session.baseUrl,
        savedState: session.currentLessonState,
        completed,
        isCurrent: () => session.currentLessonId === lessonId,
        scrollContainer: this.lessonBody ?? undefined,
        headingLevel: this.lessonHeadingLevel,
        t: this.t.bind(this),
      }).finally(() => {
        if (this.mounting === host) this.mounting = undefined;
      });
    } else {
      // None while a view is still loading.
      const view = host.firstElementChild as (HTMLElement & { completed?: boolean }) | null;
      if (view && 'completed' in view) view.completed = completed;
    }
  }

  protected override render() {
    if (this.services.error) return renderLoadError(toLmsError(this.services.error, 'storage/failed'), this.t.bind(this), 'loading');
    return this.loader.render({
      initial: () => this.renderEmptyOrLoading(),
      pending: () => html`<p class="loading" part="base" aria-busy="true">${this.t('player.loading')}</p>`,
      complete: (loaded) =>
        loaded && this.session?.state ? this.renderPlayer(loaded.course, this.session, this.session.state) : this.renderEmptyOrLoading(),
      error: (error) => renderLoadError(toLmsError(error, 'course/load-failed'), this.t.bind(this), 'loading'),
    });
  }

  /** Opt-in per course or lesson; the element loads on first use. */
  private renderDiscussion(courseId: string, lessonId: string) {
    void loadElement('lms-discussion');
    return html`<lms-discussion part="discussion" class="discussion" course=${courseId} lesson=${lessonId}></lms-discussion>`;
  }

  private renderEmptyOrLoading() {
    if (!this.src && !this.course) return html`<p class="loading" part="base">${this.t('player.noCourse')}</p>`;
    return html`<p class="loading" part="base" aria-busy="true">${this.t('player.loading')}</p>`;
  }

  private renderPlayer(course: Course, session: CourseSession, state: CourseState) {
    const lessonId = session.currentLessonId;
    const lesson = lessonId ? findLesson(course, lessonId) : undefined;
    const t = this.t.bind(this);
    // Each string in the language it is shown in: a variant's, or the base's where it is not translated.
    const langOf = (path: string) => this.languageOf?.(path) ?? course.language;
    const language = course.language;
    const dir = contentDirection(language);
    const titleLang = langOf('title');
    const lessonPath = lesson ? `${moduleOfLesson(course, lesson.id)?.id}/${lesson.id}` : '';
    const lessonLang = langOf(`${lessonPath}/title`);
    return html`<div part="base">
      <div part="header" class="header">
        ${
          this.hideTitle
            ? nothing
            : html`<div
                part="title"
                class="title"
                role="heading"
                aria-level=${this.headingLevel}
                lang=${titleLang ?? nothing}
                dir=${contentDirection(titleLang)}
              >
                ${course.title}
              </div>`
        }
        <div
          class="bar"
          part="progress-bar"
          role="progressbar"
          aria-label=${t('player.progressLabel')}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${state.percent}
          aria-valuetext=${formatPercent(this.locale, state.percent)}
        >
          <div style=${cssomStyle({ 'inline-size': `${state.percent}%` })}></div>
        </div>
        <p class="summary">${t('player.lessonsDone', { done: state.completedCount, total: state.requiredCount })}</p>
      </div>
      ${this.offlinePart.render()}
      ${state.completed ? html`<p class="notice success" part="completion">${t('player.courseComplete')}</p>` : nothing}
      ${
        session.saveError
          ? html`<div class="notice error" role="alert">
              <span>${t('error.notSaved', { message: session.saveError.message })}</span>
              <button class="action secondary" @click=${() => session.dismissError()}>${t('common.dismiss')}</button>
            </div>`
          : nothing
      }
      ${this.services.value?.persistent === false ? html`<p class="notice error" role="note">${t('error.notPersistent')}</p>` : nothing}
      <div class="layout">
        <nav part="outline" aria-label=${t('player.outline')}>
          ${renderOutline({ course, state, currentLessonId: lessonId, t, onSelect: (id) => this.select(id), language, langOf })}
        </nav>
        <div part="lesson" class="lesson">
          <div
            id="lesson-title"
            class="lesson-title"
            role="heading"
            aria-level=${this.lessonHeadingLevel}
            tabindex="-1"
            lang=${lessonLang ?? nothing}
            dir=${contentDirection(lessonLang)}
          >
            ${lesson?.title ?? ''}
          </div>
          <div
            class="lesson-body"
            part="lesson-body"
            role="region"
            aria-labelledby="lesson-title"
            tabindex="0"
            lang=${language ?? nothing}
            dir=${dir}
            data-lms-content
            @scroll=${this.onScroll}
            @lms-lesson-report=${this.onReport}
          >
            <div class="view-host"></div>
          </div>
          <div part="nav" class="nav">
            <button class="action secondary previous" ?disabled=${!this.step(-1)} @click=${() => this.step(-1, true)}>
              ${directionArrow('previous')}${t('player.previous')}
            </button>
            <span class="position"
              >${t('player.lessonPosition', { index: state.order.indexOf(lessonId ?? '') + 1, total: state.order.length })}</span
            >
            <button class="action next" ?disabled=${!this.step(1)} @click=${() => this.step(1, true)}>
              ${t('player.next')}${directionArrow('next')}
            </button>
          </div>
          ${lesson && (lesson.discussion ?? course.discussion) ? this.renderDiscussion(course.id, lesson.id) : nothing}
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
