import type { CourseStatements } from '@lms-kit/core/xapi';
import {
  VisibleTimeCounter,
  addTimeSpent,
  applyLessonResult,
  computeCourseState,
  createProgress,
  migrateProgressVersion,
  findLesson,
  openLesson,
  toLmsError,
  uuid,
  type Course,
  type CourseProgress,
  type CourseState,
  type LessonResult,
  type LessonState,
  type LmsError,
  type LoadedCourse,
  type Statement,
} from '@lms-kit/core';
import type {
  CourseCompleteDetail,
  ErrorDetail,
  LessonCompleteDetail,
  LessonPosition,
  LessonReport,
  ProgressChangeDetail,
} from '../events.js';
import { serialQueue } from '../serial-queue.js';
import { heldStatements } from '../statement-backlog.js';
import { Session } from '../session.js';
import { statementSink, type SessionOptions, type SessionServices } from '../services.js';
import type { CourseRules, CourseRulesContext } from './course-rules.js';
import { forgetWrite, journalWrite, pendingWrites } from './write-journal.js';
import { playerMakesStatements } from './cmi5-statement-policy.js';

type Mutation = (progress: CourseProgress) => CourseProgress;

const POSITION_SAVE_DELAY_MS = 1000;
/** Continuous reports (a playing video reports every ~250 ms) are still saved this often: a crash loses at most this much. */
const POSITION_SAVE_MAX_WAIT_MS = 4000;
const TIME_FLUSH_INTERVAL_MS = 30_000;

/** Events of a course session, named like `<lms-course-player>`'s. */
export interface CourseSessionEvents {
  'lms-lesson-complete': LessonCompleteDetail;
  'lms-course-complete': CourseCompleteDetail;
  'lms-progress-change': ProgressChangeDetail;
  'lms-error': ErrorDetail;
}

/** What a course session shows: the same object until something changes. */
export interface CourseSessionState {
  course?: Course;
  baseUrl?: string;
  progress?: CourseProgress;
  /** Lesson states, percent, points and completion, derived from `progress` (and the course's rules). */
  state?: CourseState;
  currentLessonId?: string;
  /** Where the learner was in the open lesson (position, scroll, kind-specific data). */
  currentLessonState?: LessonState;
  /** The last write storage refused (kept and retried with the next one); cleared by `dismissError()`. */
  saveError?: LmsError;
}

export interface CourseSessionOptions extends SessionOptions {
  /** Loads the rules the course's lesson kinds add (SCORM 2004 sequencing). Default: none. */
  loadRules?: (context: CourseRulesContext) => Promise<CourseRules | undefined>;
  /** Issues the course's certificate when it is due (after completion, and at start if claimed but not stored). */
  issueCertificate?: (course: Course, services: SessionServices, baseUrl?: string) => void;
  /** Whether the learner sees the lesson now (visible time is counted only then). Default: the page is visible. */
  isVisible?: () => boolean;
}

const pageVisible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

/**
 * One learner taking one course: reads and writes progress through the storage adapter, counts
 * visible time, keeps lesson positions, builds xAPI statements and sends the course's events.
 * Writes are mutations applied inside the adapter's transaction, so two tabs never lose each
 * other's work; a write that fails is kept and replayed with the next one, so nothing is lost.
 */
export class CourseSession extends Session<CourseSessionState, CourseSessionEvents> implements CourseRulesContext {
  course?: Course;
  baseUrl?: string;
  progress?: CourseProgress;
  state?: CourseState;
  currentLessonId?: string;
  currentLessonState?: LessonState;
  saveError?: LmsError;
  /** Rules the course's lesson kinds add (SCORM sequencing), when it has such lessons. */
  rules?: CourseRules;
  /** Opens a lesson as the learner's own navigation does (the course's rules lead there). A view may replace it. */
  navigate: (lessonId: string) => void = (lessonId) => void this.open(lessonId);

  services?: SessionServices;
  private statements?: CourseStatements;
  private readonly clock: () => Date;
  private readonly isVisible: () => boolean;
  private readonly timer: VisibleTimeCounter;
  private lessonVisibleMs = 0;
  private unsaved: Mutation[] = [];
  private pendingPosition?: { lessonId: string; position: LessonPosition };
  private positionTimer?: ReturnType<typeof setTimeout>;
  /** When the oldest position not yet saved was reported (performance.now()). */
  private positionPendingSince?: number;
  private flushInterval?: ReturnType<typeof setInterval>;
  /** Ends the page listeners of the session when its view leaves the page. */
  private listening?: AbortController;
  private unsubscribe?: () => void;
  /** Session steps run one after another, so fast clicks cannot interleave them. */
  private readonly serial = serialQueue();

  constructor(private readonly options: CourseSessionOptions = {}) {
    super();
    this.services = options.services;
    this.clock = options.clock ?? (() => new Date());
    this.isVisible = options.isVisible ?? pageVisible;
    this.timer = new VisibleTimeCounter(() => this.clock().getTime());
    this.connect();
  }

  private get key() {
    return { learnerId: this.services?.learner.id ?? '', courseId: this.course?.id ?? '' };
  }

  protected snapshotState(): CourseSessionState {
    const { course, baseUrl, progress, state, currentLessonId, currentLessonState, saveError } = this;
    return { course, baseUrl, progress, state, currentLessonId, currentLessonState, saveError };
  }

  override connect(): void {
    if (this.listening || this.isDisposed) return;
    this.listening = new AbortController();
    this.flushInterval = setInterval(() => void this.flushTime(), TIME_FLUSH_INTERVAL_MS);
    if (typeof window === 'undefined') return;
    const options = { signal: this.listening.signal };
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') {
          this.timer.pause();
          void this.flush();
        } else if (this.currentLessonId) this.timer.start();
      },
      options,
    );
    // The page may be going away for good: save now (every write is journaled before it starts).
    window.addEventListener(
      'pagehide',
      () => {
        clearTimeout(this.positionTimer);
        this.timer.pause();
        void this.flush();
      },
      options,
    );
    // Back from the back/forward cache: save what is still journaled and count time again.
    window.addEventListener(
      'pageshow',
      (event) => {
        if (!event.persisted || !this.course) return;
        void this.serial(() => this.replayJournal());
        if (this.currentLessonId && this.isVisible()) this.timer.start();
      },
      options,
    );
  }

  override disconnect(): void {
    if (!this.listening) return;
    this.listening.abort();
    this.listening = undefined;
    clearInterval(this.flushInterval);
    void this.leaveLesson();
    // Unsubscribing twice (again at the next start) is harmless.
    this.unsubscribe?.();
    this.rules?.dispose();
  }

  /** Starts (or restarts, for a new course or learner) a session, and opens where the learner left off. */
  start(loaded: LoadedCourse, services: SessionServices | undefined = this.options.services): Promise<void> {
    return this.serial(async () => {
      await this.leaveLesson();
      this.unsubscribe?.();
      this.rules?.dispose();
      this.course = loaded.course;
      this.baseUrl = loaded.baseUrl;
      this.services = services;
      this.forgetPrevious();
      if (!services) throw toLmsError(new Error('a course session needs storage and a learner'), 'course/no-services');
      this.rules = (await this.options.loadRules?.(this).catch(() => undefined)) ?? undefined;
      const stored = await services.storage.getProgress(this.key);
      if (stored) this.setProgress(stored);
      // Progress of another version of the course (or none yet) is written now, in the current version.
      if (!stored || stored.courseVersion !== loaded.course.version)
        await this.mutate((progress) => migrateProgressVersion(progress, loaded.course, this.clock()));
      await this.replayJournal();
      const progress = this.progress as CourseProgress;
      // Statement building loads with the first course, not with the page.
      const xapi = await import('@lms-kit/core/xapi');
      this.statements = playerMakesStatements(loaded.course)
        ? new xapi.CourseStatements(loaded.course, services.learner, progress.registration)
        : undefined;
      this.queue([this.statements?.courseLaunched()]);
      this.unsubscribe = services.storage.subscribe((change) => {
        if (change.type === 'progress' && change.learnerId === this.key.learnerId && change.courseId === this.key.courseId)
          void this.refresh();
      });
      const state = this.state as CourseState;
      const last = progress.lastLessonId;
      // With sequencing rules, only what the engine allows is open (the activity it delivered among it).
      const start = last && state.lessons[last] && !state.lessons[last].lockReasons.length ? last : (state.nextLessonId ?? state.order[0]);
      if (start) await this.enter(start);
      // A certificate claimed but not stored last time (the signer was offline) is issued now.
      if (this.state?.completed) this.issueCertificate();
    });
  }

  /** Nothing of a previous course or learner carries over: a session starts from its own key. */
  private forgetPrevious(): void {
    this.unsaved = [];
    this.progress = undefined;
    this.state = undefined;
    this.statements = undefined;
    this.pendingPosition = undefined;
    this.positionPendingSince = undefined;
    this.currentLessonId = undefined;
    this.currentLessonState = undefined;
  }

  /** Opens a lesson unless it is locked; resolves to whether it opened. */
  open(lessonId: string): Promise<boolean> {
    return this.serial(async () => {
      const view = this.state?.lessons[lessonId];
      if (!view || view.lockReasons.length) return false;
      if (lessonId !== this.currentLessonId) {
        await this.leaveLesson();
        await this.enter(lessonId);
      }
      return true;
    });
  }

  /**
   * Previous (-1) or Next (1): whether it leads somewhere from the open lesson and, with `go`, goes there.
   * The course's rules (SCORM sequencing) decide for the lessons they govern; otherwise it is the
   * nearest lesson that is not locked.
   */
  step(step: 1 | -1, go?: boolean): boolean {
    const { rules, currentLessonId, state } = this;
    const ruled = rules?.step(step, currentLessonId, go);
    if (ruled !== undefined || !state) return !!ruled;
    const order = state.order;
    for (let i = order.indexOf(currentLessonId ?? '') + step; i >= 0 && i < order.length; i += step) {
      if (!state.lessons[order[i]].lockReasons.length) {
        if (go) this.navigate(order[i]);
        return true;
      }
    }
    return false;
  }

  private async enter(lessonId: string): Promise<void> {
    const lesson = this.course && findLesson(this.course, lessonId);
    if (!lesson || !this.services) return;
    this.currentLessonId = lessonId;
    this.lessonVisibleMs = 0;
    this.currentLessonState = await this.services.storage.getLessonState({ ...this.key, lessonId }).catch(() => undefined);
    if (this.state?.lessons[lessonId]?.status !== 'locked') {
      await this.mutate((progress) => openLesson(progress, lessonId, this.clock()));
      this.queue([this.statements?.lessonInitialized(lesson)]);
      if (this.isVisible()) this.timer.start();
    }
    this.changed();
  }

  private async leaveLesson(): Promise<void> {
    const lessonId = this.currentLessonId;
    const lesson = lessonId && this.course ? findLesson(this.course, lessonId) : undefined;
    await this.flush();
    this.timer.pause();
    if (lesson && this.lessonVisibleMs > 0) this.queue([this.statements?.lessonExperienced(lesson, this.lessonVisibleMs)]);
    this.lessonVisibleMs = 0;
  }

  /** Resolves once the steps asked for so far (results, lesson changes) are done. */
  settled(): Promise<void> {
    return this.serial(async () => undefined);
  }

  /** Takes a report from the lesson being shown: its result, and/or where the learner is in it. */
  report(detail: LessonReport): void {
    const lessonId = this.currentLessonId;
    if (!lessonId) return;
    if (detail.position) {
      const merged = { ...this.pendingPosition?.position, ...detail.position };
      this.pendingPosition = { lessonId, position: merged };
      this.currentLessonState = { ...this.key, lessonId, ...this.currentLessonState, ...merged, updatedAt: this.clock().toISOString() };
      // Debounced, but never past the maximum wait, so steady reports cannot postpone the save for ever.
      const now = performance.now();
      this.positionPendingSince ??= now;
      const delay = Math.min(POSITION_SAVE_DELAY_MS, this.positionPendingSince + POSITION_SAVE_MAX_WAIT_MS - now);
      clearTimeout(this.positionTimer);
      this.positionTimer = setTimeout(() => void this.savePosition(), Math.max(0, delay));
    }
    const result = detail.result;
    if (result)
      void this.update((progress) => applyLessonResult(progress, this.course as Course, lessonId, result, this.clock()), lessonId, result);
  }

  /**
   * Applies a change to progress, in turn with the session's other steps, then tells what it did:
   * to the lesson that reported `result`, and to the course (progress, completion, certificate).
   */
  update(change: Mutation, lessonId?: string, result?: LessonResult): Promise<void> {
    return this.serial(async () => {
      const { course, state: before } = this;
      if (!course || !before) return;
      await this.flushTime();
      await this.mutate(change);
      const after = this.state as CourseState;
      const lesson = result && findLesson(course, lessonId as string);
      if (lesson) {
        if (before.lessons[lesson.id]?.status !== 'completed' && after.lessons[lesson.id]?.status === 'completed') {
          this.queue([this.statements?.lessonCompleted(lesson, result, this.progress?.lessons[lesson.id]?.timeSpentMs ?? 0)]);
          this.emit('lms-lesson-complete', { courseId: course.id, lessonId: lesson.id, result });
        } else if (result.progress !== undefined) {
          this.queue([this.statements?.lessonProgressed(lesson, result.progress)]);
        }
      }
      if (after.percent !== before.percent || after.points !== before.points) {
        this.queue([this.statements?.courseProgressed(after.percent)]);
        this.emit('lms-progress-change', {
          courseId: course.id,
          percent: after.percent,
          completedLessons: after.completedCount,
          requiredLessons: after.requiredCount,
          points: after.points,
          completed: after.completed,
        });
      }
      if (!before.completed && after.completed) {
        this.queue([this.statements?.courseCompleted(this.progress as CourseProgress)]);
        const completedAt = this.progress?.completedAt ?? this.clock().toISOString();
        this.emit('lms-course-complete', { courseId: course.id, completedAt, points: after.points });
      }
      // Also after completion: a retaken assessment may now pass the certificate's rule.
      if (after.completed) this.issueCertificate();
    });
  }

  private issueCertificate(): void {
    const { course, services, baseUrl } = this;
    if (course?.certificate && services) this.options.issueCertificate?.(course, services, baseUrl);
  }

  /** Saves pending time and position now. Called at pagehide, on hide, on lesson change. */
  flush(): Promise<unknown> {
    return Promise.all([this.flushTime(), this.savePosition()]);
  }

  /** Journals first (synchronously), then writes; the journal entry goes once storage has it. */
  private flushTime(): Promise<void> {
    const lessonId = this.currentLessonId;
    const ms = this.timer.take();
    if (!lessonId || ms <= 0 || !this.services) return Promise.resolve();
    this.lessonVisibleMs += ms;
    const entry = journalWrite({ scope: this.services.storage.scope, ...this.key, lessonId, timeMs: ms });
    return this.applyTime(entry.lessonId, ms, entry.id, new Date(entry.at));
  }

  private async applyTime(lessonId: string, ms: number, writeId: string, at: Date): Promise<void> {
    if (await this.mutate((progress) => addTimeSpent(progress, lessonId, ms, at, writeId))) forgetWrite(writeId);
  }

  private savePosition(): Promise<void> {
    clearTimeout(this.positionTimer);
    const pending = this.pendingPosition;
    this.pendingPosition = undefined;
    this.positionPendingSince = undefined;
    if (!pending || !this.services) return Promise.resolve();
    const entry = journalWrite({ scope: this.services.storage.scope, ...this.key, lessonId: pending.lessonId, position: pending.position });
    return this.applyPosition(entry.lessonId, pending.position, entry.id, entry.at);
  }

  private async applyPosition(lessonId: string, position: LessonPosition, writeId: string, at: string): Promise<void> {
    if (!this.services) return;
    const key = { ...this.key, lessonId };
    try {
      await this.services.storage.updateLessonState(key, (current) =>
        // A newer position saved since (in another tab) wins.
        current && current.updatedAt > at ? current : { ...current, ...key, ...position, updatedAt: at },
      );
      forgetWrite(writeId);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Applies a change to stored progress; if the write fails, keeps it in memory and retries it with
   * the next write. Resolves to whether storage has it.
   */
  private async mutate(change: Mutation): Promise<boolean> {
    const { course, services } = this;
    if (!course || !services) return false;
    const changes = [...this.unsaved, change];
    const base = () => this.progress ?? createProgress(course, services.learner.id, uuid(), this.clock());
    try {
      const stored = await services.storage.updateProgress(this.key, (current) => changes.reduce((p, f) => f(p), current ?? base()));
      this.unsaved = [];
      this.setProgress(stored);
      // Storage takes writes again: statements it refused earlier go to the outbox now.
      if (heldStatements(services.storage.scope).length) this.queue([]);
      return true;
    } catch (error) {
      this.unsaved = changes;
      this.setProgress(change(base()));
      this.fail(error);
      return false;
    }
  }

  private async refresh(): Promise<void> {
    if (!this.services || this.unsaved.length > 0) return;
    const stored = await this.services.storage.getProgress(this.key).catch(() => undefined);
    if (stored) this.setProgress(stored);
  }

  /** Takes progress as stored and derives the course's state (with what the course's rules hold now). */
  setProgress(progress: CourseProgress): void {
    this.progress = progress;
    this.state = this.course ? computeCourseState(this.course, progress, this.rules?.availability) : undefined;
    this.changed();
  }

  private queue(statements: Array<Statement | undefined>): void {
    const ready = statements.filter((s): s is Statement => s !== undefined);
    // `queue([])` only retries held statements: a failure then was reported when they were first refused.
    const retryOnly = statements.length === 0;
    if (!this.services || (!ready.length && !retryOnly)) return;
    statementSink(this.options, this.services)(ready).catch((error: unknown) => (retryOnly ? undefined : this.fail(error)));
  }

  private fail(error: unknown): void {
    const lmsError = toLmsError(error, 'storage/failed');
    this.saveError = lmsError;
    this.changed();
    this.emit('lms-error', { error: lmsError, recoverable: true });
  }

  dismissError(): void {
    this.saveError = undefined;
    this.changed();
  }

  /** Writes a previous page journaled but may not have committed; replaying one twice changes nothing. */
  private async replayJournal(): Promise<void> {
    const services = this.services;
    if (!services) return;
    for (const entry of pendingWrites(services.storage.scope, this.key.learnerId, this.key.courseId)) {
      if (entry.timeMs) await this.applyTime(entry.lessonId, entry.timeMs, entry.id, new Date(entry.at));
      if (entry.position) await this.applyPosition(entry.lessonId, entry.position, entry.id, entry.at);
    }
  }
}
