import type { StorageChange } from '@lms-kit/storage';
import { computeCourseState, findLesson, type Course, type CourseProgress, type LessonBase } from '@lms-kit/core';
import { css, html, nothing } from 'lit';
import { cssomStyle } from '../../styles/cssom-style.js';
import type { CourseOutline } from '../../course/course-outline-store.js';
import { loadCourse } from '../../course/load-course.js';
import { formatDate, formatDuration, formatPercent } from '../../i18n/localize.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import type { renderResults } from './progress-results.js';
import { AsyncLoad } from '../../controllers/async-load.js';
import { loadElement } from '../../autoload.js';
import { courseStatus, reflectStates, type CourseStatus } from '../../controllers/state-attributes.js';

interface ProgressData {
  outline?: Course | CourseOutline;
  progress?: CourseProgress;
}

/**
 * @tag lms-progress
 * @summary A learner's progress in one course: overall and per module, time spent, points and the
 * next lesson. Follows a player on the same page or in another tab as it advances.
 *
 * @attr {'not-started' | 'in-progress' | 'completed'} status - Set by the element once it knows the course: where the learner is in it (`lms-progress[status='completed']`).
 * @attr {boolean} completed - Set by the element while the course is completed.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart bar - A progress bar (overall and per module).
 * @csspart module - One module's line.
 * @csspart next - The "next lesson" line.
 * @csspart results - The results of lessons that report success or a score (SCORM packages, assessments).
 * @csspart result - One lesson's result: completion, passed or not, score.
 * @csspart certificate - The certificate's line ("renew by …"), for courses that issue one.
 * @csspart sync - With an LRS configured: how the learner's records are syncing (`<lms-sync-status>`).
 *
 * @cssproperty --lms-color-success - Colour of the bars. Default `#047857`.
 */
export class LmsProgress extends LmsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      [part='base'] {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space, 1rem);
        background: var(--_surface);
      }
      .heading {
        margin: 0 0 0.75rem;
        font-size: 1rem;
      }
      .course {
        display: block;
        font-weight: normal;
        color: var(--_muted);
        font-size: 0.875rem;
      }
      .bar {
        block-size: 0.5rem;
        border-radius: 999px;
        background: var(--_subtle);
        overflow: hidden;
        margin-block: 0.25rem 0.5rem;
      }
      .bar > div {
        block-size: 100%;
        background: var(--_success);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0;
      }
      li {
        font-size: 0.875rem;
      }
      p {
        margin: 0.25rem 0;
        font-size: 0.875rem;
      }
      .muted {
        color: var(--_muted);
      }
    `,
  ];

  static override properties = {
    course: {},
    src: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Id of the course to show (as in its JSON `id`). */
  course?: string;
  /** URL of the course JSON; optional when a player on this site has already opened the course. */
  src?: string;
  /** Level of the heading, to fit the page's outline. Default 2. */
  headingLevel = 2;

  /** Bumped when storage reports a change to what is shown, so the data task runs again. */
  private revision = 0;
  /** The course status last shown, reflected as the `status` attribute. */
  private shownStatus?: CourseStatus;
  /** The results list, loaded once a course has lessons with a success or score to show. */
  private results?: typeof renderResults;

  private readonly data = new AsyncLoad(
    this,
    async ([courseId, src, services], { signal }): Promise<ProgressData> => {
      if (!services) return {};
      const outline = src
        ? (await loadCourse(src, signal, services)).course
        : courseId
          ? await (await import('../../course/course-outline-store.js')).readCourseOutline(services.storage, courseId)
          : undefined;
      const id = courseId ?? outline?.id;
      const progress = id ? await services.storage.getProgress({ learnerId: services.learner.id, courseId: id }) : undefined;
      return { outline, progress };
    },
    () => [this.course, this.src, this.services.value, this.revision] as const,
  );

  protected override storageChanged(change: StorageChange): void {
    const learnerId = this.services.value?.learner.id;
    const courseId = this.course ?? this.data.value?.outline?.id;
    const mine =
      (change.type === 'progress' && change.learnerId === learnerId && change.courseId === courseId) ||
      (change.type === 'value' && change.key.endsWith(`:course-outline:${courseId}`));
    if (!mine) return;
    this.revision++;
    this.requestUpdate();
  }

  /** Where the learner is in the course shown, once known; reflected as the `status` attribute. */
  get status(): CourseStatus | undefined {
    return this.shownStatus;
  }

  /** Whether the course shown is completed; reflected as the `completed` attribute. */
  get completed(): boolean {
    return this.shownStatus === 'completed';
  }

  protected override updated(): void {
    reflectStates(this, { status: this.status, completed: this.completed });
  }

  private heading(content: unknown) {
    const level = Math.min(6, Math.max(1, this.headingLevel));
    return html`<div class="heading" part="title" role="heading" aria-level=${level}>${content}</div>`;
  }

  protected override render() {
    return html`<section part="base">
      ${this.data.render({
        initial: () => html`<p aria-busy="true">${this.t('common.loading')}</p>`,
        pending: () => (this.data.value ? this.renderData(this.data.value) : html`<p aria-busy="true">${this.t('common.loading')}</p>`),
        complete: (data) => this.renderData(data),
        error: (error) => html`<p class="error" role="alert">${(error as Error).message}</p>`,
      })}
      ${this.services.value?.sync ? html`<lms-sync-status part="sync"></lms-sync-status>` : nothing}
    </section>`;
  }

  private renderData({ outline, progress }: ProgressData) {
    const title = this.heading(html`${this.t('progress.title')}${outline ? html`<span class="course">${outline.title}</span>` : nothing}`);
    this.shownStatus = undefined;
    if (!outline)
      return html`${title}
        <p class="muted">${progress ? '' : this.t('progress.unknownCourse')}</p>`;
    const state = computeCourseState(outline, progress);
    this.shownStatus = progress ? courseStatus(state) : 'not-started';
    if (!progress)
      return html`${title}
        <p class="muted">${this.t('progress.notStarted')}</p>`;
    const lessonTitle = (id: string) => (findLesson(outline as Course, id) as LessonBase | undefined)?.title ?? id;
    const percent = (value: number) => formatPercent(this.locale, value);
    return html`${title}
      <p>${this.t('progress.overall')}: ${percent(state.percent)}</p>
      ${this.bar(state.percent, this.t('progress.overall'))}
      <ul>
        ${outline.modules.map((module, index) => {
          const moduleState = state.modules[index];
          const label = this.t('progress.modulePercent', { title: module.title, percent: percent(moduleState.percent) });
          return html`<li part="module">${label} ${this.bar(moduleState.percent, module.title)}</li>`;
        })}
      </ul>
      <p>${this.t('progress.timeSpent', { time: formatDuration(this.locale, state.timeSpentMs) })}</p>
      ${state.points > 0 ? html`<p>${this.t('progress.points', { count: state.points })}</p>` : nothing}
      ${this.renderResults(outline, progress)}
      ${
        progress.completedAt
          ? html`<p>${this.t('progress.completedOn', { date: formatDate(this.locale, progress.completedAt) })}</p>`
          : state.nextLessonId
            ? html`<p part="next">${this.t('progress.next', { title: lessonTitle(state.nextLessonId) })}</p>`
            : nothing
      }
      ${outline.certificate ? this.certificateStatus(outline.id) : nothing}`;
  }

  /** Loaded only for courses with a certificate. */
  private certificateStatus(courseId: string) {
    void loadElement('lms-certificate-status');
    return html`<lms-certificate-status part="certificate" course=${courseId}></lms-certificate-status>`;
  }

  private renderResults(outline: Course | CourseOutline, progress: CourseProgress) {
    if (!progress.result && !Object.values(progress.lessons).some((lesson) => lesson.passed !== undefined || lesson.score)) return nothing;
    if (!this.results) {
      void import('./progress-results.js').then((module) => {
        this.results = module.renderResults;
        this.requestUpdate();
      });
      return nothing;
    }
    return this.results(outline, progress, this.t.bind(this), this.locale);
  }

  private bar(percent: number, label: string) {
    return html`<div
      class="bar"
      part="bar"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
    >
      <div style=${cssomStyle({ 'inline-size': `${percent}%` })}></div>
    </div>`;
  }
}
