import type { StorageAdapter } from '@lms-kit/storage';
import { Scorm2004API } from 'scorm-again';
import { defaultOrganization, type ManifestWarning, type Organization, type ScormPackage } from '../manifest/model.js';
import { compileActivityTree } from './activity-tree.js';

export interface SequencerOptions {
  pkg: ScormPackage;
  storage: StorageAdapter;
  learnerId: string;
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

/**
 * SCORM 2004 sequencing for one learner in one package: scorm-again's engine, fed the activity tree
 * compiled from the manifest, decides which activity is delivered, which the learner may choose, and
 * how status rolls up to the package. One API instance serves every SCO of the package in turn (reset
 * between SCOs, as the engine's tracking state lives in it); its state is kept through the storage adapter.
 */
export class PackageSequencer extends EventTarget {
  readonly api: Scorm2004API;
  readonly organization: Organization;
  readonly leaves: string[];
  readonly warnings: ManifestWarning[];
  current?: string;
  /** Where the API's commits go: the session of the SCO being played. */
  onCommit?: (commit: { runtimeData?: { cmi?: Record<string, unknown> } }, terminate: boolean) => void;
  private choice: Record<string, 'true' | 'false'> = {};
  private delivered = false;

  constructor(private readonly options: SequencerOptions) {
    super();
    this.organization = defaultOrganization(options.pkg) as Organization;
    const compiled = compileActivityTree(options.pkg, this.organization);
    this.leaves = compiled.leaves;
    this.warnings = compiled.warnings;
    const key = `lms-kit:scorm-sequencing:${options.learnerId}|${options.courseId}`;
    this.api = new Scorm2004API({
      lmsCommitUrl: 'lms-kit:storage',
      httpService: {
        processHttpRequest: (_url, params, immediate) => {
          this.onCommit?.(params as Parameters<NonNullable<PackageSequencer['onCommit']>>[0], immediate);
          return { result: 'true', errorCode: 0 };
        },
        updateSettings: () => undefined,
      },
      logLevel: 5,
      uninitializedGetLogLevel: 5,
      autocommit: false,
      renderCommonCommitFields: true,
      sequencing: {
        ...compiled.settings,
        logLevel: 'error',
        eventListeners: {
          onActivityDelivery: (activity) => this.deliver(activity.id),
          onNavigationValidityUpdate: (validity) => {
            this.choice = { ...validity.choice };
            options.onAvailabilityChange?.();
          },
          onSequencingSessionEnd: (data) => {
            options.onSessionEnd?.(data.reason);
            this.dispatchEvent(new CustomEvent('end', { detail: data.reason }));
          },
        },
      },
      sequencingStatePersistence: {
        autoLoadOnInitialize: false,
        autoSaveOn: 'commit',
        persistence: {
          saveState: async (state) => {
            await options.storage.setValue(key, state);
            return true;
          },
          loadState: async () => (await options.storage.getValue<string>(key)) ?? null,
        },
      },
    });
  }

  private deliver(itemId: string): void {
    if (this.delivered) this.api.reset();
    this.onCommit = undefined;
    this.delivered = true;
    this.current = itemId;
    this.options.onDeliver?.(itemId);
    this.dispatchEvent(new CustomEvent('deliver', { detail: itemId }));
  }

  /** Restores the saved state and starts (or resumes) the sequencing session. */
  async start(): Promise<void> {
    await this.api.loadSequencingState({ learnerId: this.options.learnerId, courseId: this.options.courseId }).catch(() => false);
    if (!this.api.processNavigationRequest('resumeAll')) this.api.processNavigationRequest('start');
  }

  /** The learner chose an activity; false when sequencing does not allow it. */
  choose(itemId: string): boolean {
    if (itemId === this.current && !this.api.isTerminated()) return true;
    if (this.api.processNavigationRequest('choice', itemId)) return true;
    if (itemId !== this.current) return false;
    // The current activity's SCO ended without asking to go anywhere: the learner opens it again.
    this.api.reset();
    return true;
  }

  navigate(request: 'continue' | 'previous' | 'exitAll' | 'suspendAll'): boolean {
    return this.api.processNavigationRequest(request);
  }

  /** Whether the learner may choose the activity now (engine's look-ahead); true when it has not said. */
  isAvailable(itemId: string): boolean {
    return this.choice[itemId] !== 'false';
  }

  activityStatus(itemId: string): RootStatus | undefined {
    const data = this.api.getActivityTrackingData(itemId);
    if (!data) return undefined;
    const status: RootStatus = { completed: data.completionStatus === 'completed' };
    if (data.successStatus === 'passed') status.passed = true;
    else if (data.successStatus === 'failed') status.passed = false;
    if (data.score !== null) status.score = data.score;
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
