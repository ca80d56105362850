import { toLmsError, type LessonResult, type LmsError } from '@lms-kit/core';
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
import type { ErrorDetail } from '../events.js';
import type { SessionServices } from '../services.js';
import { Session } from '../session.js';
import { isolatedAu, type IsolatedAu } from './isolated-launch.js';
import { cmi5Database, cmi5Prefix, ensureServiceWorker } from './service-worker.js';

/** Where an AU's launch is: preparing it, playing in a frame or its own window, ended by the AU, or failed. */
export type Cmi5AuPhase = 'idle' | 'starting' | 'framed' | 'windowed' | 'ended' | 'failed';

/** The AU a lesson launches: the imported course's key, the AU's id, and how it opens. */
export interface Cmi5AuRef {
  courseKey: string;
  auId: string;
  launchMethod?: 'AnyWindow' | 'OwnWindow';
}

export interface Cmi5AuLaunchOptions {
  services: SessionServices;
  /** The course enrollment's registration (read from the stored progress when not given). */
  registration?: string;
  /** The learner's language preferences, for the AU (`languagePreference`). */
  languagePreference?: string;
  /** The content host of isolated mode: a framed AU then plays on that origin. */
  contentHost?: string;
}

export interface Cmi5AuEvents {
  /** The AU is satisfied by its `moveOn` rule: the lesson's result. */
  result: LessonResult;
  /** The AU could not be launched (no service worker, storage that is not IndexedDB…). */
  'lms-error': ErrorDetail;
}

export interface Cmi5AuState {
  phase: Cmi5AuPhase;
  /** The frame's URL of a framed AU. */
  url?: string;
  /** The frame's `sandbox` in isolated mode. */
  sandbox?: string;
  /**
   * Isolated mode, OwnWindow AU: the content host's frame that relays the AU window's requests (shown
   * hidden; the AU plays in its window).
   */
  relayUrl?: string;
  /** An OwnWindow AU's window is open. */
  windowOpen: boolean;
  satisfied: boolean;
  failure?: LmsError;
}

/**
 * One cmi5 AU launched for a learner: its session and launch URL (the AU talks to LMS Kit's LRS facade in
 * the service worker, or through the content host in isolated mode), its satisfaction read from storage,
 * and the session abandoned when the learner leaves without the AU terminating it (cmi5 9.3.6).
 * `<lms-cmi5-lesson>` is a view of it.
 */
export class Cmi5AuSession extends Session<Cmi5AuState, Cmi5AuEvents> {
  phase: Cmi5AuPhase = 'idle';
  url?: string;
  /** Isolated mode, OwnWindow AU: the content host frame relaying its window's requests. */
  relayUrl?: string;
  failure?: LmsError;
  satisfied = false;
  private au?: Cmi5AuRef;
  private options?: Cmi5AuLaunchOptions;
  private session?: Cmi5Session;
  private popup?: Window | null;
  private popupTimer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;
  /** The AU's launch on the content origin, in isolated mode. */
  private isolated?: IsolatedAu;
  /** False while the view is off the page: a launch that finishes then is ended at once. */
  private connected = true;

  protected snapshotState(): Cmi5AuState {
    const { phase, url, failure, satisfied, relayUrl } = this;
    return { phase, url, failure, satisfied, sandbox: this.isolated?.sandbox, relayUrl, windowOpen: !!this.popup };
  }

  /** Reads the AU's status, then launches it in a frame (AnyWindow) or waits for the learner's click (OwnWindow). */
  async prepare(au: Cmi5AuRef, options: Cmi5AuLaunchOptions): Promise<void> {
    if (this.phase !== 'idle') return;
    this.au = au;
    this.options = options;
    this.setPhase('starting');
    const { storage } = options.services;
    this.unsubscribe?.();
    this.unsubscribe = storage.subscribe((change) => {
      if (change.type !== 'record') return;
      if (change.collection === Cmi5Collections.auStatus) void this.readStatus();
      if (change.collection === Cmi5Collections.sessions && change.id === this.session?.id) void this.readSession();
    });
    await this.readStatus();
    if (!this.connected) return;
    if (au.launchMethod === 'OwnWindow') this.setPhase('windowed');
    else await this.launch();
  }

  /**
   * Launches the AU: in a frame, or in `popup`, a window the caller opened in the learner's click (so no
   * popup blocker stops it) before any await; its URL follows once the session exists.
   */
  async launch(popup?: Window | null): Promise<void> {
    const { au, options } = this;
    if (!au || !options) return;
    const { services } = options;
    this.setPhase('starting');
    try {
      const database = cmi5Database(services.storage);
      await ensureServiceWorker();
      const course = await services.storage.getRecord<Cmi5CourseRecord>(Cmi5Collections.courses, au.courseKey);
      if (!course) throw new Error('the course is no longer stored; reload the page');
      const actor = await cmi5Actor(services.learner, location.origin);
      // Isolated mode (the provider's content host): the AU plays on the content origin, framed or in its window.
      this.isolated?.close();
      this.isolated = options.contentHost ? await isolatedAu(options.contentHost, database, services.storage) : undefined;
      const { url, session } = await launchAu(services.storage, {
        course,
        auId: au.auId,
        learner: { id: services.learner.id, actor },
        registration: await this.courseRegistration(),
        endpoints: cmi5Urls(this.isolated?.prefix ?? cmi5Prefix(), database),
        languagePreference: options.languagePreference,
      });
      this.session = session;
      if (!this.connected) {
        await this.leave();
        return;
      }
      if (popup && this.isolated) {
        this.relayUrl = this.isolated.open(url, (error) => this.fail(error), popup);
        this.watchWindow(popup);
      } else if (popup) this.watchWindow(popup, url);
      else {
        this.url = this.isolated ? this.isolated.open(url, (error) => this.fail(error)) : url;
        this.setPhase('framed');
      }
    } catch (error) {
      popup?.close();
      this.fail(error);
    }
  }

  /** Launches again after the AU ended or failed. */
  again(popup?: Window | null): Promise<void> {
    this.url = undefined;
    this.relayUrl = undefined;
    this.failure = undefined;
    if (this.au?.launchMethod === 'OwnWindow') return this.launch(popup);
    this.phase = 'idle';
    return this.au && this.options ? this.prepare(this.au, this.options) : Promise.resolve();
  }

  override connect(): void {
    this.connected = true;
  }

  /** Stops following storage and the AU's window; a session the AU did not terminate is abandoned. */
  override disconnect(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.popupTimer);
    void this.leave();
  }

  /** Follows the AU's window until it closes; `url`: where it goes (isolated mode sends it there itself). */
  private watchWindow(popup: Window, url?: string): void {
    if (url) popup.location.href = url;
    this.popup = popup;
    this.setPhase('windowed');
    clearInterval(this.popupTimer);
    this.popupTimer = setInterval(() => {
      if (!this.popup?.closed) return;
      clearInterval(this.popupTimer);
      this.popup = undefined;
      void this.leave().then(() => this.setPhase('ended'));
    }, 1000);
  }

  /** The enrollment's registration: given by the player, else read from the stored progress. */
  private async courseRegistration(): Promise<string> {
    const { options, au } = this;
    if (options?.registration) return options.registration;
    const progress =
      options && au && (await options.services.storage.getProgress({ learnerId: options.services.learner.id, courseId: au.courseKey }));
    if (!progress) throw new Error('the course progress is not stored yet');
    return progress.registration;
  }

  private async readStatus(): Promise<void> {
    const { options, au } = this;
    if (!options || !au) return;
    const id = auStatusId(await this.courseRegistration().catch(() => ''), au.auId);
    const status = await options.services.storage.getRecord<Cmi5AuStatus>(Cmi5Collections.auStatus, id).catch(() => undefined);
    if (!status?.satisfied || this.satisfied) return;
    this.satisfied = true;
    this.changed();
    const passed = status.passed ? true : status.failed ? false : undefined;
    this.emit('result', { completed: true, ...(passed !== undefined ? { passed } : {}), ...(status.score ? { score: status.score } : {}) });
  }

  private async readSession(): Promise<void> {
    const session =
      this.session && (await this.options?.services.storage.getRecord<Cmi5Session>(Cmi5Collections.sessions, this.session.id));
    if (session && (session.state === 'terminated' || session.state === 'abandoned')) {
      // The AU's frame stays: after "terminated" it shows its own last page (or its returnURL).
      this.session = undefined;
      this.setPhase('ended');
    }
  }

  private fail(error: unknown): void {
    this.failure = toLmsError(error, 'cmi5/launch-failed');
    this.url = undefined;
    this.setPhase('failed');
    this.emit('lms-error', { error: this.failure, recoverable: true });
  }

  /** The learner left the AU: a session not terminated by the AU is abandoned (cmi5 9.3.6). */
  private async leave(): Promise<void> {
    this.isolated?.close();
    this.isolated = undefined;
    this.relayUrl = undefined;
    const session = this.session;
    const storage = this.options?.services.storage;
    this.session = undefined;
    if (session && storage) await endSession(storage, session.id).catch(() => false);
  }

  private setPhase(phase: Cmi5AuPhase): void {
    this.phase = phase;
    this.changed();
  }
}
