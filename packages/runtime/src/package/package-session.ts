import { LmsError, courseLessons, toLmsError, uuid, type Course, type LessonResult, type SequencingHold } from '@lms-kit/core';
import type { Item, ScormLesson } from '@lms-kit/scorm';
import type {
  CmiSummary,
  IsolatedLaunch,
  NavigationRequest,
  OpenedPackage,
  PackageSequencer,
  ScoAttemptData,
  ScoSession,
} from '@lms-kit/scorm/runtime';
import type * as RuntimeModule from '@lms-kit/scorm/runtime';
import type { ErrorDetail } from '../events.js';
import { Session } from '../session.js';
import type { SessionOptions, SessionServices } from '../services.js';
import { acquireScoLock, type ScoLock } from './sco-lock.js';
import { governed, packageSequencer, playerOf, type ContentPlayer } from './sequencers.js';

type Runtime = typeof RuntimeModule;

/** How long content may take to unload (its unload handlers end its session) before the player ends it. */
const UNLOAD_TIMEOUT_MS = 3000;

export type LaunchState = 'loading' | 'ready' | 'error' | 'left' | 'blocked';

/** Events of a package session. */
export interface PackageSessionEvents {
  /** The lesson's result changed (what the SCOs reported, or the package's rolled-up status). */
  result: LessonResult;
  /** The content asks to open another lesson of the course: `next`, `previous` or a lesson id. */
  navigate: string;
  /** Storage failed to keep what a SCO committed (it is journaled; the SCO goes on). */
  'lms-error': ErrorDetail;
}

/** What a package session shows: the same object until something changes. */
export interface PackageSessionState {
  state: LaunchState;
  error?: LmsError;
  /** Host of a script the content needed from the internet and could not load. */
  offlineHost?: string;
  items: Item[];
  current?: Item;
  /** The URL the content frame shows (served by the service worker), once ready. */
  launchUrl?: string;
  completedItems: ReadonlySet<string>;
  /** Items the learner may not choose now, and why (a sequenced package played as one lesson). */
  holds: ReadonlyMap<string, SequencingHold>;
  /** Why the sequencing engine refused the item asked for (state `blocked`). */
  blockedBy?: SequencingHold;
  /** The activity the sequencing engine has delivered, when the package has sequencing. */
  sequencedCurrent?: string;
  /** The SCO is live in another tab of this learner: this one waits and launches once it ends there. */
  openElsewhere?: boolean;
}

/** The page's services, and (isolated mode) where package content plays. */
export interface PackageServices extends SessionServices {
  /**
   * URL of `lms-kit-content-host.html` on a content origin of the site's own: content plays there,
   * sandboxed, its SCORM API bridged by postMessage. None: on this page's origin (trusted packages only).
   */
  contentHost?: string;
}

export interface PackageSessionOptions extends Omit<SessionOptions, 'statements'> {
  /** The window whose `API` / `API_1484_11` the content finds. Default: this window. */
  apiWindow?: Window;
  /** What relative package URLs resolve against. Default: the document's base URI. */
  baseUri?: string;
}

/**
 * Plays the items of one `scorm` lesson: opens the package (importing it on first use), runs one
 * `ScoSession` at a time with the API exposed on the window, turns what the SCOs report into the
 * lesson's result, and honours `adl.nav.request` (inside the lesson when it can, else by asking the
 * course). The runtime (scorm-again) loads only here. The view shows `launchUrl` in a frame.
 */
export class PackageSession extends Session<PackageSessionState, PackageSessionEvents> implements ContentPlayer {
  state: LaunchState = 'loading';
  error?: LmsError;
  /** Host of a script the content needed from the internet and could not load. */
  offlineHost?: string;
  items: Item[] = [];
  current?: Item;
  launchUrl?: string;
  readonly completedItems = new Set<string>();
  /** Counts launches, so the view gives each its own frame. */
  launches = 0;

  private runtime?: Runtime;
  private opened?: OpenedPackage;
  /** The SCO being played, if any. */
  session?: ScoSession;
  private context?: { lesson: ScormLesson; course?: Course; services: PackageServices; registration: string };
  /** SCORM 2004 sequencing of the package, when its manifest has any. */
  sequencer?: PackageSequencer;
  /**
   * The package is this one lesson (not items spread over a course's lessons): its sequencing moves
   * between the lesson's items and its rolled-up status is the lesson's result.
   */
  private wholePackage = false;
  /** Items of the lesson the learner may not choose now, and why (a package played as one lesson). */
  holds = new Map<string, SequencingHold>();
  /** Why the sequencing engine refused the item the learner asked for (state `blocked`). */
  blockedBy?: SequencingHold;
  private generation = 0;
  private connected = false;
  /**
   * Set by the view: unloads the content frame and resolves once it has (its unload handlers ran). Without
   * it (no frame), leaving a SCO ends its session at once.
   */
  unloadFrame?: () => Promise<void>;
  /** The SCO is live in another tab (see sco-lock.ts). */
  openElsewhere = false;
  private scoLock?: ScoLock;
  private lockWait?: AbortController;
  /** The content host launch (isolated mode), if the current item plays on the content origin. */
  isolation?: IsolatedLaunch;

  constructor(private readonly options: PackageSessionOptions = {}) {
    super();
    this.connect();
  }

  private get window(): Window {
    return this.options.apiWindow ?? window;
  }

  private get baseUri(): string {
    return this.options.baseUri ?? document.baseURI;
  }

  protected snapshotState(): PackageSessionState {
    const { state, error, offlineHost, items, current, launchUrl, blockedBy } = this;
    const completedItems = new Set(this.completedItems);
    return {
      state,
      error,
      offlineHost,
      items,
      current,
      launchUrl,
      completedItems,
      holds: this.holds,
      blockedBy,
      sequencedCurrent: this.sequencer?.current,
      openElsewhere: this.openElsewhere,
    };
  }

  override connect(): void {
    if (this.connected || this.isDisposed) return;
    this.connected = true;
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  /** Ends the SCO's session (its data saved) and stops following the package's sequencing. */
  override disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    if (this.sequencer && playerOf.get(this.sequencer) === this) playerOf.delete(this.sequencer);
    this.listenTo(undefined);
    this.generation++;
    void this.endSession();
  }

  /** Opens a `scorm` lesson (of `course`, or a package on its own) and launches the item to play first. */
  async open(
    lesson: ScormLesson,
    course: Course | undefined,
    services: PackageServices | undefined = this.options.services,
  ): Promise<void> {
    const generation = ++this.generation;
    this.set('loading');
    try {
      if (!services) throw new Error('a package session needs storage and a learner');
      this.runtime ??= await import('@lms-kit/scorm/runtime');
      const { defaultOrganization, launchableItems } = await import('@lms-kit/scorm');
      this.opened = await this.runtime.openPackage(lesson.src, this.baseUri);
      const organization = defaultOrganization(this.opened.manifest);
      const all = organization ? launchableItems(organization) : [];
      // Items hidden from the outline (`isvisible="false"`) that sequencing may deliver are played by the lesson naming them.
      this.items = lesson.item ? all.filter((item) => item.identifier === lesson.item || lesson.items?.includes(item.identifier)) : all;
      if (!this.items.length) throw toLmsError(new Error(`no item "${lesson.item}" in the package`), 'package/not-launchable');
      const courseId = course?.id ?? `scorm:${this.opened.recordKey}`;
      const progress = await services.storage.getProgress({ learnerId: services.learner.id, courseId }).catch(() => undefined);
      this.context = { lesson, course, services, registration: progress?.registration ?? uuid() };
      if (course && this.runtime.PackageSequencer.needed(this.opened.manifest)) await this.useSequencer(course, lesson);
      await this.readCompletedItems();
      if (generation !== this.generation) return;
      const delivered = this.sequencer && this.items.find((item) => item.identifier === this.sequencer?.current);
      await this.launch(delivered || (this.items.find((item) => !this.completedItems.has(item.identifier)) ?? this.items[0]), generation);
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = toLmsError(error, 'package/load-failed');
      this.set('error');
    }
  }

  /** The items the learner sees in the lesson's list: those the manifest does not hide. */
  get listed(): Item[] {
    return this.items.filter((item) => item.isVisible);
  }

  /** Opens one item of the lesson (the learner chose it, or the SCO asked for it). */
  async select(identifier: string): Promise<void> {
    const item = this.items.find((candidate) => candidate.identifier === identifier);
    if (!item || !this.context) return;
    const generation = ++this.generation;
    await this.unloadContent();
    await this.endSession();
    await this.launch(item, generation);
  }

  /**
   * Lets the content end itself before the player moves on (SCORM 2004 RTE: the LMS unloads the SCO, whose
   * unload handlers set `cmi.exit`, the session time, their status, and call Terminate): the frame is
   * unloaded first, within a time limit. What the content did not end, the caller ends after this.
   */
  async unloadContent(): Promise<void> {
    if (!this.launchUrl) return;
    const unloaded = this.unloadFrame?.();
    if (unloaded) await Promise.race([unloaded, new Promise((resolve) => setTimeout(resolve, UNLOAD_TIMEOUT_MS))]);
    this.launchUrl = undefined;
    this.changed();
  }

  /** Opens the current item again (a navigation request the engine refused after its content was unloaded). */
  relaunch(): void {
    if (this.current) void this.select(this.current.identifier);
  }

  /**
   * The package's sequencer: the course's (its lessons are the package's items; the course's rules turn
   * deliveries into lesson changes) or this lesson's own (the package is the lesson).
   */
  private async useSequencer(course: Course, lesson: ScormLesson): Promise<void> {
    const { runtime, opened, context } = this;
    if (!runtime || !opened || !context) return;
    this.wholePackage = !lesson.item;
    const sources = new Set(
      courseLessons(course)
        .filter((other) => other.kind === 'scorm' && (other as ScormLesson).item)
        .map((other) => new URL((other as ScormLesson).src, this.baseUri).href),
    );
    // Keys as the course's rules do: the course when one package's items make its lessons.
    const scope = this.wholePackage ? `${course.id}/${lesson.id}` : sources.size === 1 ? course.id : `${course.id}|${opened.recordKey}`;
    this.listenTo(await packageSequencer(runtime, opened.manifest, context.services, scope));
    this.refreshHolds();
  }

  private listenTo(sequencer: PackageSequencer | undefined): void {
    this.sequencer?.removeEventListener('deliver', this.onDeliver);
    this.sequencer?.removeEventListener('availability', this.onAvailability);
    this.sequencer?.removeEventListener('end', this.onEnd);
    this.sequencer?.removeEventListener('relaunch', this.onRelaunch);
    this.sequencer = sequencer;
    sequencer?.addEventListener('deliver', this.onDeliver);
    sequencer?.addEventListener('relaunch', this.onRelaunch);
    sequencer?.addEventListener('availability', this.onAvailability);
    sequencer?.addEventListener('end', this.onEnd);
  }

  /** The sequencing engine delivered another activity (the SCO asked to continue, go back, choose…). */
  private onDeliver = (event: Event): void => {
    const itemId = (event as CustomEvent<string>).detail;
    if (itemId === this.current?.identifier || !this.runtime || !this.sequencer) return;
    // A hidden item this lesson plays (or any item of a whole package): played here, once a SCO of the lesson is
    // on (before that, the launch in progress plays what the engine delivered).
    if (this.wholePackage || (this.current && this.items.some((item) => item.identifier === itemId))) void this.select(itemId);
    else if (!governed.has(this.sequencer)) this.emit('navigate', this.runtime.safeId(itemId));
  };

  /** The engine delivered the item playing again (a retry): its content starts anew, as a new attempt. */
  private onRelaunch = (event: Event): void => {
    const itemId = (event as CustomEvent<string>).detail;
    if (itemId === this.current?.identifier) void this.select(itemId);
  };

  private onAvailability = (): void => {
    this.refreshHolds();
    if (this.wholePackage) this.reportLesson({});
    this.changed();
  };

  /** The sequencing session ended (exit all, suspend all, or the end of the package): the content is done for now. */
  private onEnd = (): void => {
    this.onAvailability();
    void this.endSession();
    this.set('left');
  };

  private refreshHolds(): void {
    this.holds = this.wholePackage && this.sequencer ? this.sequencer.availability() : new Map();
  }

  private async launch(item: Item, generation: number): Promise<void> {
    const { runtime, opened, context } = this;
    if (!runtime || !opened || !context) return;
    await this.endSession();
    this.current = item;
    if (this.sequencer && !this.sequencer.choose(item.identifier)) {
      // The manifest's sequencing does not allow this activity now.
      this.blockedBy = this.sequencer.availability().get(item.identifier) ?? 'order';
      this.set('blocked');
      return;
    }
    this.offlineHost = undefined;
    this.launches++;
    const { lesson, course, services, registration } = context;
    const { lessonActivityId, courseActivity } = await import('@lms-kit/core/xapi');
    const courseActivityValue = course
      ? courseActivity(course)
      : { objectType: 'Activity' as const, id: `urn:lms-kit:scorm:${encodeURIComponent(opened.recordKey)}` };
    const scoId = `${course ? lessonActivityId(course, lesson.id) : courseActivityValue.id}/sco/${encodeURIComponent(item.identifier)}`;
    const sco = {
      objectType: 'Activity' as const,
      id: scoId,
      definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { [course?.language ?? 'und']: item.title } },
    };
    if (item.scormType === 'asset') {
      // Assets never talk to the runtime: they count as completed once shown (see onFrameLoad).
      this.launchUrl = this.frameUrl(item);
      this.set('ready');
      return;
    }
    // One live attempt per SCO per learner (sco-lock.ts): wait here while another tab plays it.
    const lockWait = (this.lockWait = new AbortController());
    const lock = await acquireScoLock(
      `lms-kit:sco:${services.storage.scope}:${services.learner.id}:${course?.id ?? opened.id}:${item.identifier}`,
      lockWait.signal,
      () => {
        this.openElsewhere = true;
        this.set('loading');
      },
    );
    if (!lock || generation !== this.generation || this.current !== item) return lock?.release();
    this.scoLock = lock;
    this.openElsewhere = false;
    const session = new runtime.ScoSession({
      pkg: opened.manifest,
      item,
      storage: services.storage,
      learner: services.learner,
      courseId: course?.id ?? `scorm:${opened.recordKey}`,
      lessonId: lesson.id,
      activityId: scoId,
      statements: (attemptId) =>
        new runtime.ScormStatements({
          learner: services.learner,
          registration,
          sco,
          course: courseActivityValue,
          attemptId,
          language: course?.language,
        }),
      onResult: (result, summary) => this.onResult(item, result, summary),
      onStorageError: (error) => void this.emit('lms-error', { error, recoverable: true }),
      // With sequencing, the engine handles navigation requests and delivers the next activity.
      onNavigationRequest: (request, target) =>
        this.sequencer ? this.onSequencedRequest(request) : this.onNavigationRequest(request, target),
      sequencer: this.sequencer,
    });
    await session.prepare();
    if (generation !== this.generation) return;
    this.session = session;
    if (this.sequencer) playerOf.set(this.sequencer, this);
    this.launchUrl = this.frameUrl(item, session.api);
    this.set('ready');
  }

  /**
   * Where the frame goes, and how the content finds its API: on this page's window (same origin, for
   * trusted packages) or, when the services name a `contentHost`, bridged to the content host on its own origin.
   */
  private frameUrl(item: Item, api?: ScoSession['api']): string {
    const { runtime, opened, context } = this;
    if (!runtime || !opened || !context) return '';
    const contentHost = context.services.contentHost;
    if (!contentHost) {
      if (api) runtime.exposeApi(this.window, api);
      return opened.launchUrl(item);
    }
    if (!opened.file)
      throw new LmsError('scorm/isolation-needs-zip', 'Isolated mode plays packages from a zip; this one is an unpacked folder.');
    const isolation = runtime.launchIsolated({
      contentHost,
      packageFile: opened.file,
      entry: item.launch ?? '',
      version: opened.manifest.version,
      api,
      onError: (error) => {
        this.error = error;
        this.set('error');
      },
    });
    this.isolation = isolation;
    return isolation.frameUrl;
  }

  /** The frame finished loading its launch page. */
  onFrameLoad(): void {
    const item = this.current;
    if (item?.scormType === 'asset' && !this.completedItems.has(item.identifier)) {
      this.completedItems.add(item.identifier);
      this.reportLesson({ completed: true });
    }
  }

  /** The content could not load a script from another site (the service worker told the frame to say so). */
  onResourceFailed(url: string): void {
    try {
      this.offlineHost = new URL(url).host;
    } catch {
      this.offlineHost = url;
    }
    this.changed();
  }

  private onResult(item: Item, result: LessonResult, _summary: CmiSummary): void {
    if (result.completed) this.completedItems.add(item.identifier);
    this.reportLesson(result);
  }

  /**
   * A lesson of several items is completed when all are; success and score come from the last one
   * reported. A sequenced package played as the lesson reports its rolled-up status instead.
   */
  private reportLesson(result: LessonResult): void {
    const progress = this.items.length > 1 ? this.completedItems.size / this.items.length : result.progress;
    const root = this.wholePackage ? this.sequencer?.rootStatus() : undefined;
    if (root) {
      const rolledUp: LessonResult = { completed: root.completed };
      if (root.passed !== undefined) rolledUp.passed = root.passed;
      if (root.score !== undefined) rolledUp.score = { scaled: root.score };
      if (progress !== undefined) rolledUp.progress = progress;
      this.emit('result', rolledUp);
      return;
    }
    const counted = this.listed.length ? this.listed : this.items;
    this.emit('result', { ...result, completed: counted.every((item) => this.completedItems.has(item.identifier)), progress });
  }

  private onNavigationRequest(request: NavigationRequest, target?: string): void {
    const index = this.items.findIndex((item) => item === this.current);
    if (request === 'continue' || request === 'previous') {
      const next = this.items[index + (request === 'continue' ? 1 : -1)];
      if (next) void this.select(next.identifier);
      else this.emit('navigate', request === 'continue' ? 'next' : 'previous');
    } else if ((request === 'choice' || request === 'jump') && target) {
      if (this.items.some((item) => item.identifier === target)) void this.select(target);
      else this.emit('navigate', this.runtime?.safeId(target) ?? target);
    } else {
      // exit, exitAll, suspendAll, abandon…: the content is done for now.
      void this.endSession();
      this.set('left');
    }
  }

  private onSequencedRequest(request: NavigationRequest): void {
    if (request === 'exitAll' || request === 'suspendAll' || request === 'abandonAll' || request === 'exit') this.set('left');
  }

  /**
   * Whether the item left can be opened again: always without sequencing; with it, only when the engine
   * would deliver it now (a post-test whose attempts are used up, after the course ended, is not).
   */
  get reopenable(): boolean {
    return !this.sequencer || !this.current || this.sequencer.isAvailable(this.current.identifier);
  }

  /** Opens the activity the sequencing engine has delivered (when the learner's choice was refused). */
  goToAllowed(): void {
    const current = this.sequencer?.current;
    if (!current || !this.runtime) return;
    if (this.wholePackage) void this.select(current);
    else this.emit('navigate', this.runtime.safeId(current));
  }

  private async readCompletedItems(): Promise<void> {
    const { context, opened } = this;
    if (!context || !opened) return;
    const courseId = context.course?.id ?? `scorm:${opened.recordKey}`;
    const attempts = await context.services.storage.listAttempts({ learnerId: context.services.learner.id, courseId }).catch(() => []);
    for (const attempt of attempts) {
      const data = attempt.data as ScoAttemptData | undefined;
      if (!data || data.lessonId !== context.lesson.id || !data.itemId) continue;
      if (attempt.status === 'completed' || this.runtime?.summarizeCmi(data.version, data.cmi).completed)
        this.completedItems.add(data.itemId);
    }
  }

  private async endSession(): Promise<void> {
    this.isolation?.close();
    this.isolation = undefined;
    const session = this.session;
    const lock = this.scoLock;
    this.session = undefined;
    this.scoLock = undefined;
    this.lockWait?.abort();
    this.openElsewhere = false;
    if (session) {
      this.runtime?.withdrawApi(this.window, session.api);
      await session.end().catch(() => undefined);
    }
    // Released once the attempt is saved: another tab waiting for this SCO resumes it from there.
    lock?.release();
  }

  private set(state: LaunchState): void {
    this.state = state;
    this.changed();
  }

  /** The page may be torn down before IndexedDB commits: journal what the SCO set, synchronously. */
  private onPageHide = (): void => this.session?.journalNow();

  private onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.session?.journalNow();
  };
}
