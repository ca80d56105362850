import type { SequencingHold } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { Scorm2004API } from 'scorm-again';
import { defaultOrganization, type ManifestWarning, type Organization, type ScormPackage } from '../manifest/model.js';
import { compileActivityTree } from './activity-tree.js';
import type { ScormCommit } from './persisting-http.js';
import { findActivity, rolledUpMeasure, type MeasuredActivity } from './measure-rollup.js';
import { sequencingHold, type EngineActivity } from './sequencing-hold.js';
import { walkFlow, type FlowActivity, type FlowOutcome } from './flow-walk.js';

export interface SequencerOptions {
  pkg: ScormPackage;
  storage: StorageAdapter;
  learnerId: string;
  /** Where the engine's state is kept: the course, or `<course>/<lesson>` for a package played as one lesson. */
  courseId: string;
  /** Called when the engine delivers an activity (after start, a choice, or a SCO's navigation request). */
  onDeliver?: (itemId: string) => void;
  /** The sequencing session ended (exitAll, suspendAll, or the end of the package). */
  onSessionEnd?: (reason: string) => void;
  /** What the learner may choose changed. */
  onAvailabilityChange?: () => void;
}

export interface RootStatus {
  completed: boolean;
  passed?: boolean;
  score?: number;
}

/** Navigation requests the learner makes from outside the content (the player's Previous and Next). */
export type FlowRequest = 'continue' | 'previous';

/**
 * SCORM 2004 sequencing for one learner in one package: scorm-again's engine, fed the activity tree
 * compiled from the manifest, decides which activity is delivered, which the learner may choose (and
 * why not), where Previous and Next lead, and how status rolls up to the package. One API instance
 * serves every SCO of the package in turn (reset between SCOs, as the engine's tracking state lives in
 * it); its state is kept through the storage adapter.
 *
 * Events: `deliver` (detail: item id), `relaunch` (detail: item id; the activity playing was delivered
 * again, as a retry: its content starts anew), `availability` (what may be chosen changed), `end` (detail: reason).
 */
export class PackageSequencer extends EventTarget {
  /** The API the SCOs of the package talk to; a new one when a sequencing session starts after one ended. */
  api: Scorm2004API;
  readonly organization: Organization;
  readonly leaves: string[];
  readonly warnings: ManifestWarning[];
  current?: string;
  /** Where the API's commits go: the session of the SCO being played; false when the commit could not be kept. */
  onCommit?: (commit: ScormCommit, terminate: boolean) => boolean;
  /** Called before the shared API is reset for another activity, so the SCO's unsaved values are kept. */
  beforeReset?: () => void;
  private choice: Record<string, 'true' | 'false'> = {};
  private canContinue = false;
  private canGoBack = false;
  private delivered = false;
  private ended = false;
  /** A new sequencing session is starting after one ended: what it delivers is not the learner's doing. */
  private restarting = false;
  /** The engine's last state write. */
  private saved: Promise<unknown> = Promise.resolve();
  /** The learner's choice is being processed: what it delivers is what the player is opening. */
  private choosing = false;
  private readonly compiled: ReturnType<typeof compileActivityTree>;

  constructor(private readonly options: SequencerOptions) {
    super();
    this.organization = defaultOrganization(options.pkg) as Organization;
    this.compiled = compileActivityTree(options.pkg, this.organization);
    this.leaves = this.compiled.leaves;
    this.warnings = this.compiled.warnings;
    this.api = this.createApi();
  }

  private createApi(): Scorm2004API {
    const { options, compiled } = this;
    const key = `lms-kit:scorm-sequencing:${options.learnerId}|${options.courseId}`;
    return new Scorm2004API({
      lmsCommitUrl: 'lms-kit:storage',
      httpService: {
        processHttpRequest: (_url, params, immediate) =>
          this.onCommit?.(params as ScormCommit, immediate) === false
            ? { result: 'false', errorCode: 391 }
            : { result: 'true', errorCode: 0 },
        updateSettings: () => undefined,
      },
      logLevel: 5,
      uninitializedGetLogLevel: 5,
      autocommit: false,
      renderCommonCommitFields: false,
      sequencing: {
        ...compiled.settings,
        logLevel: 'error',
        eventListeners: {
          onActivityDelivery: (activity) => this.deliver(activity.id),
          onNavigationValidityUpdate: (validity) => {
            this.choice = { ...validity.choice };
            this.canContinue = validity.continue;
            this.canGoBack = validity.previous;
            this.changed();
          },
          onSequencingSessionEnd: (data) => {
            this.ended = true;
            options.onSessionEnd?.(data.reason);
            this.dispatchEvent(new CustomEvent('end', { detail: data.reason }));
            // The engine takes no more requests in an ended session: the next one starts now (from the
            // saved state, as a relaunch would), so the outline says what the learner may open next.
            queueMicrotask(() => void this.restart());
          },
        },
      },
      sequencingStatePersistence: {
        autoLoadOnInitialize: false,
        autoSaveOn: 'commit',
        persistence: {
          saveState: async (state) => {
            const saving = options.storage.setValue(key, state);
            this.saved = saving.catch(() => undefined);
            await saving;
            return true;
          },
          loadState: async () => (await options.storage.getValue<string>(key)) ?? null,
        },
      },
    });
  }

  private changed(): void {
    this.options.onAvailabilityChange?.();
    this.dispatchEvent(new Event('availability'));
  }

  private deliver(itemId: string): void {
    // The activity that was playing is delivered again, not at the learner's asking: a retry (post-condition
    // rule, or the SCO's own request). Its content must start anew; the `deliver` event alone would read as
    // "already open".
    const again = this.delivered && itemId === this.current && !this.choosing && !this.restarting;
    if (this.delivered) {
      this.beforeReset?.();
      this.api.reset();
    }
    this.onCommit = undefined;
    this.beforeReset = undefined;
    this.delivered = true;
    this.ended = false;
    this.current = itemId;
    if (this.restarting) return;
    this.options.onDeliver?.(itemId);
    this.dispatchEvent(new CustomEvent('deliver', { detail: itemId }));
    if (again) this.dispatchEvent(new CustomEvent('relaunch', { detail: itemId }));
  }

  /** Restores the saved state and starts (or resumes) the sequencing session. */
  async start(): Promise<void> {
    await this.api.loadSequencingState({ learnerId: this.options.learnerId, courseId: this.options.courseId }).catch(() => false);
    this.suspendInterrupted();
    if (!this.api.processNavigationRequest('resumeAll')) this.api.processNavigationRequest('start');
  }

  /**
   * A session the page left mid-activity (closed or reloaded) is saved with that activity still current,
   * which the engine's start and resumeAll both refuse: with no choice allowed, every item stayed locked.
   * The learner left it as with suspendAll (what an LMS does when its window closes), so it is suspended
   * here and resumeAll delivers it again.
   */
  private suspendInterrupted(): void {
    const tree = this.api.adl.sequencing?.activityTree;
    const current = tree?.currentActivity;
    if (!tree || !current || current.children.length || tree.suspendedActivity) return;
    tree.setCurrentActivityWithoutActivation(null);
    tree.suspendedActivity = current;
  }

  /** A new sequencing session after one ended, on a fresh API: its first delivery opens nothing by itself. */
  private async restart(): Promise<void> {
    this.restarting = true;
    try {
      // The new session starts from the saved state: the save the ended session started must land first
      // (or a shuffle done "once" would be done again).
      await this.saved;
      this.api = this.createApi();
      this.delivered = false;
      await this.start();
    } finally {
      this.restarting = false;
      this.changed();
    }
  }

  /** The learner chose an activity; false when sequencing does not allow it. */
  choose(itemId: string): boolean {
    if (itemId === this.current && !this.api.isTerminated()) return true;
    this.choosing = true;
    try {
      if (this.api.processNavigationRequest('choice', itemId)) return true;
    } finally {
      this.choosing = false;
    }
    if (itemId !== this.current) return false;
    // The current activity's SCO ended without asking to go anywhere: the learner opens it again.
    this.api.reset();
    return true;
  }

  /**
   * Previous or Next from outside the content, as if the SCO had asked: a SCO running is terminated
   * with the request (its data committed first), else the engine processes it. True when the engine
   * took it (it then delivers an activity, or ends the session).
   */
  flow(request: FlowRequest): boolean {
    if (!this.canFlow(request)) return false;
    const running = this.api.isInitialized() && !this.api.isTerminated();
    if (!running) return this.api.processNavigationRequest(request);
    const before = this.current;
    this.api.SetValue('adl.nav.request', request);
    this.api.Terminate('');
    return this.current !== before || this.ended;
  }

  /**
   * Whether Previous or Next leads somewhere now: the engine's look-ahead (the cluster's flow and
   * forward-only controls), then a read-only walk to the activity it would deliver, whose pre-conditions
   * and attempt limits the look-ahead does not check (a disabled next activity would end the SCO for nothing).
   */
  canFlow(request: FlowRequest): boolean {
    if (!this.delivered || this.ended || !(request === 'continue' ? this.canContinue : this.canGoBack)) return false;
    return this.flowOutcome(request).outcome !== 'blocked';
  }

  /** Where Previous or Next would lead from the activity delivered, read from the engine's tracking state. */
  flowOutcome(request: FlowRequest): FlowOutcome {
    const state = this.api.getSequencingService()?.getSequencingState();
    const current = (state?.currentActivity as FlowActivity | null | undefined) ?? undefined;
    return current ? walkFlow(current, request) : { outcome: 'unknown' };
  }

  navigate(request: 'continue' | 'previous' | 'exitAll' | 'suspendAll'): boolean {
    return this.api.processNavigationRequest(request);
  }

  /** Whether the learner may choose the activity now (engine's look-ahead); the activity delivered always is. */
  isAvailable(itemId: string): boolean {
    return itemId === this.current || (this.choice[itemId] !== 'false' && !this.availability().has(itemId));
  }

  /**
   * The launchable activities the learner may not choose now, each with why, in the terms of
   * `SequencingHold`: the engine decides (its choice look-ahead, and the attempt limits it checks
   * when delivering), the reason is read from the activity tree.
   */
  availability(): Map<string, SequencingHold> {
    const held = new Map<string, SequencingHold>();
    const state = this.api.getSequencingService()?.getSequencingState();
    const root = state?.rootActivity as EngineActivity | null | undefined;
    if (!root) return held;
    const current = (state?.currentActivity as EngineActivity | null | undefined) ?? undefined;
    const visit = (activity: EngineActivity) => {
      if (!activity.children.length && activity.id !== this.current) {
        const spent = !!activity.attemptLimit && activity.attemptCount >= activity.attemptLimit;
        if (spent || this.choice[activity.id] === 'false') held.set(activity.id, sequencingHold(activity, current));
      }
      activity.children.forEach(visit);
    };
    visit(root);
    return held;
  }

  activityStatus(itemId: string): RootStatus | undefined {
    const data = this.api.getActivityTrackingData(itemId);
    if (!data) return undefined;
    const status: RootStatus = { completed: data.completionStatus === 'completed' };
    if (data.successStatus === 'passed') status.passed = true;
    else if (data.successStatus === 'failed') status.passed = false;
    // A cluster's score is the spec's weighted measure rollup, not the engine's (see measure-rollup.ts).
    const activity = findActivity(this.api.getSequencingService()?.getSequencingState()?.rootActivity as MeasuredActivity | null, itemId);
    const score = activity?.children.length ? rolledUpMeasure(activity) : (data.score ?? undefined);
    // The engine's measures are computed (0.85 comes back as 0.8500000000000001): SCORM's precision is 4 digits.
    if (score !== undefined) status.score = Math.round(score * 10_000) / 10_000;
    return status;
  }

  /** Whether the manifest has any sequencing for the engine to apply (else every item is free to choose). */
  static needed(pkg: ScormPackage): boolean {
    return pkg.version === '2004' && /"sequencing"/.test(JSON.stringify(defaultOrganization(pkg)));
  }

  /** Completion and success of the whole package, as rolled up by the engine. */
  rootStatus(): RootStatus | undefined {
    return this.activityStatus(this.organization.identifier);
  }
}
