import { toLmsError, type LessonResult, type Learner, type LmsError, type Statement } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { defaultOrganization, type Item, type ScormPackage } from '../manifest/model.js';
import type { ScormStatements } from '../xapi/scorm-statements.js';
import { ScoAttemptStore, type ScoAttempt } from './attempt-store.js';
import { resultOf, summarizeCmi, type CmiJson, type CmiSummary } from './cmi.js';
import { launchData } from './launch-data.js';
import { PersistingHttpService, type ScormCommit } from './persisting-http.js';
import type { PackageSequencer } from './sequencer.js';
import { applyScorm12Rules } from './scorm12-rules.js';
import { sharedDataStores } from './shared-data.js';

export type ScormApi = Scorm12API | Scorm2004API;

/** `adl.nav.request` values a SCO can ask for when it terminates. */
export type NavigationRequest = 'continue' | 'previous' | 'choice' | 'jump' | 'exit' | 'exitAll' | 'abandon' | 'abandonAll' | 'suspendAll';

export interface ScoSessionOptions {
  pkg: ScormPackage;
  item: Item;
  storage: StorageAdapter;
  learner: Learner;
  courseId: string;
  lessonId: string;
  /** The SCO's xAPI activity IRI: the key of its attempts. */
  activityId: string;
  statements: (attemptId: string) => ScormStatements;
  /** Called after every commit and at the end, with what the SCO reported. */
  onResult?: (result: LessonResult, summary: CmiSummary) => void;
  /** The SCO asked to go somewhere when it terminated (SCORM 2004 `adl.nav.request`). */
  onNavigationRequest?: (request: NavigationRequest, target?: string) => void;
  onTerminate?: (summary: CmiSummary) => void;
  /**
   * Storage failed to keep what the SCO committed (full, blocked…): said once until it works again. The
   * data is journaled meanwhile and written with the next commit; the SCO is not told unless the journal
   * fails too (then Commit returns "false" with error 391).
   */
  onStorageError?: (error: LmsError) => void;
  /** The package's sequencer (SCORM 2004 with sequencing): its API serves this SCO. */
  sequencer?: PackageSequencer;
}

/**
 * One launch of one SCO: a scorm-again API loaded with the SCO's saved data (resume) and the manifest's
 * data (mastery score, launch data, objectives…), whose commits are persisted write-ahead through the
 * storage adapter and turned into xAPI statements. The content finds it as `window.API` (1.2) or
 * `window.API_1484_11` (2004) on the window that hosts the frame.
 */
export class ScoSession {
  readonly api: ScormApi;
  readonly store: ScoAttemptStore;
  attempt!: ScoAttempt;
  /** The CMI data the SCO was launched with (learner, manifest data and, when resuming, what it saved). */
  startingCmi: CmiJson = {};
  private statements!: ScormStatements;
  private reported: { completed?: boolean; passed?: boolean; scoreKey?: string; answered: Set<string> } = { answered: new Set() };
  private startedAt = 0;
  private terminated = false;
  private lastResult?: string;
  private readonly status = new StatusWatch();
  private commitAt = 0;
  private commitCmi?: CmiJson;
  private commitSharedData?: Record<string, string>;
  private finishedAt?: number;
  /** The LMS is ending the session (the learner left the SCO without the content terminating it). */
  private closing = false;

  /** The attempt as of the last commit (built when written, not on every commit). */
  private readonly currentAttempt = (): ScoAttempt => {
    if (this.commitCmi) {
      const updatedAt = new Date(this.commitAt).toISOString();
      const finished = this.finishedAt !== undefined;
      this.attempt = {
        ...this.attempt,
        status: finished ? 'completed' : 'in-progress',
        updatedAt,
        ...(finished ? { completedAt: new Date(this.finishedAt as number).toISOString() } : {}),
        data: { ...this.attempt.data, cmi: this.commitCmi, ...(this.commitSharedData ? { sharedData: this.commitSharedData } : {}) },
      };
      this.commitCmi = undefined;
    }
    return this.attempt;
  };
  private readonly http = new PersistingHttpService((commit, terminate) => this.persist(commit, terminate));

  constructor(private readonly options: ScoSessionOptions) {
    this.store = new ScoAttemptStore(
      options.storage,
      { learnerId: options.learner.id, courseId: options.courseId, activityId: options.activityId },
      (error) => options.onStorageError?.(toLmsError(error, 'storage/failed')),
    );
    const settings = {
      lmsCommitUrl: 'lms-kit:storage',
      httpService: this.http,
      autocommit: false,
      // The commit is scorm-again's rendering of the CMI data (`{ cmi }`), which it makes anyway.
      renderCommonCommitFields: false,
      sendFullCommit: true,
      logLevel: 5 as const,
      uninitializedGetLogLevel: 5 as const,
      scoId: options.item.identifier,
      courseId: options.courseId,
    };
    if (options.sequencer) {
      this.api = options.sequencer.api;
      options.sequencer.onCommit = (commit, terminate) => this.persist(commit, terminate);
      // The shared API is reset when the engine delivers another activity: what this SCO set is kept first.
      options.sequencer.beforeReset = () => this.keepUncommitted();
    } else if (options.pkg.version === '1.2') {
      const api = new Scorm12API(settings);
      applyScorm12Rules(api, () => this.closing);
      this.api = api;
    } else this.api = new Scorm2004API(settings);
  }

  get version() {
    return this.options.pkg.version;
  }

  /** Loads the saved attempt (or starts one) into the API; call before the content loads. */
  async prepare(): Promise<void> {
    const { pkg, item, learner, lessonId } = this.options;
    const previous = await this.store.latest();
    // The attempt goes on until the SCO ends it (completed and exited normally). A session that ended
    // without the SCO saying "normal" or "logout" (suspended, or the frame closed) is resumed.
    const resume = previous !== undefined && previous.status === 'in-progress' && !ENDING_EXITS.has(exitOf(pkg.version, previous.data.cmi));
    const attempt = resume
      ? { ...previous, data: { ...previous.data, sessions: previous.data.sessions + 1 } }
      : this.store.newAttempt({ version: pkg.version, itemId: item.identifier, lessonId, cmi: {}, sessions: 1 });
    if (item.sharedData && pkg.version === '2004') attempt.data.package = pkg.identifier;
    this.attempt = attempt;
    this.statements = this.options.statements(attempt.id);
    const seeded = this.options.sequencer ? seededObjectives(this.options.sequencer.api) : [];
    this.startingCmi = launchData(pkg, item, learner, resume ? previous?.data.cmi : undefined, seeded);
    this.api.loadFromJSON(structuredClone(this.startingCmi));
    if (item.sharedData && this.api instanceof Scorm2004API) await this.loadSharedData(this.api);
    if (resume && previous) this.rememberReported(summarizeCmi(pkg.version, previous.data.cmi));
    this.listen();
  }

  /** `adl.data`: the stores the item maps (`adlcp:data`), with what SCOs of this learner last wrote in them. */
  private async loadSharedData(api: Scorm2004API): Promise<void> {
    const { pkg, item, storage, learner, courseId } = this.options;
    const global = defaultOrganization(pkg)?.sharedDataGlobalToSystem ?? true;
    const stores = await sharedDataStores(storage, {
      learnerId: learner.id,
      package: pkg.identifier,
      courseId: global ? undefined : courseId,
    });
    api.adl.restoreSharedDataSnapshot(stores);
    // A sequenced package's activity tree maps the stores on delivery; without sequencing they are mapped here.
    if (!this.options.sequencer) api.adl.configureSharedDataMaps(item.sharedData ?? []);
  }

  private listen(): void {
    const twelve = this.version === '1.2';
    this.api.on(twelve ? 'LMSInitialize' : 'Initialize', () => {
      this.startedAt = Date.now();
      const entry = summarizeCmi(this.version, this.currentCmi()).entry;
      this.queue([entry === 'resume' ? this.statements.resumed() : this.statements.initialized()]);
    });
  }

  private currentCmi(): CmiJson {
    return (this.api.renderCMIToJSONObject() as { cmi?: CmiJson }).cmi ?? {};
  }

  /** Statements not tied to a commit (initialized, resumed) go to the outbox now; a failure there is the LMS's. */
  private queue(statements: Statement[]): void {
    void this.options.storage
      .enqueueStatements(statements)
      .catch((error: unknown) => this.options.onStorageError?.(toLmsError(error, 'storage/failed')));
  }

  /**
   * Called by scorm-again for every Commit/LMSCommit and at Terminate/LMSFinish; false when the data is
   * nowhere safe (storage and journal both refused it), which the SCO sees as a failed commit.
   */
  private persist(commit: ScormCommit, terminate: boolean): boolean {
    const cmi = commit.cmi ?? {};
    if (terminate) this.completeAtEnd(cmi);
    const at = Date.now();
    // Most commits only move a bookmark: read statuses, score and interactions only when they changed.

    let finished = false;
    let statements: Statement[] | undefined;
    if (this.status.changed(this.version, cmi) || terminate) {
      const summary = summarizeCmi(this.version, cmi);
      statements = this.newStatements(summary, terminate);
      finished = terminate && summary.completed && ENDING_EXITS.has(summary.exit || 'normal');
      const result = resultOf(summary);
      const resultKey = JSON.stringify(result);
      if (resultKey !== this.lastResult) {
        this.lastResult = resultKey;
        this.options.onResult?.(result, summary);
      }
      if (terminate) {
        this.terminated = true;
        this.options.onTerminate?.(summary);
      }
    }
    this.commitAt = at;
    this.commitCmi = cmi;
    if (commit.sharedData) this.commitSharedData = commit.sharedData;
    if (finished) this.finishedAt = at;
    // Terminate (often in the content's unload) and commits while the page is hidden journal at once.
    const safe = this.store.save(this.currentAttempt, statements, terminate || document.visibilityState === 'hidden');
    if (terminate) {
      const request = this.navigationRequest();
      if (request) queueMicrotask(() => this.options.onNavigationRequest?.(request.request, request.target));
    }
    return safe;
  }

  /**
   * SCORM 2004 without sequencing: an attempt the SCO ended (Terminate) without saying whether it is
   * complete is completed, unless the manifest says completion is the content's to set (`completionSetByContent`,
   * default false; SN End Attempt Process). With sequencing, the engine applies the same rule.
   */
  private completeAtEnd(cmi: CmiJson): void {
    const { pkg, item, sequencer } = this.options;
    if (pkg.version !== '2004' || sequencer || this.closing || item.sequencing?.deliveryControls?.completionSetByContent) return;
    const status = cmi.completion_status;
    // A progress measure against a completion threshold is the SCO's say on completion.
    if (cmi.progress_measure !== undefined && cmi.progress_measure !== '' && cmi.completion_threshold) return;
    if (status === undefined || status === '' || status === 'unknown') cmi.completion_status = 'completed';
  }

  private navigationRequest(): { request: NavigationRequest; target?: string } | undefined {
    if (!(this.api instanceof Scorm2004API)) return undefined;
    const raw = String(this.api.adl?.nav?.request ?? '_none_');
    if (!raw || raw === '_none_') return undefined;
    const match = /^\{target=([^}]+)\}(choice|jump)$/.exec(raw);
    if (match) return { request: match[2] as NavigationRequest, target: match[1] };
    return { request: raw as NavigationRequest };
  }

  private rememberReported(summary: CmiSummary): void {
    this.reported.completed = summary.completed;
    this.reported.passed = summary.passed;
    this.reported.scoreKey = JSON.stringify(summary.score ?? null);
    for (const interaction of summary.interactions) this.reported.answered.add(answerKey(interaction));
  }

  private newStatements(summary: CmiSummary, terminate: boolean): Statement[] {
    const out: Statement[] = [];
    const s = this.statements;
    for (const interaction of summary.interactions) {
      const key = answerKey(interaction);
      if (interaction.id && (interaction.learnerResponse !== undefined || interaction.result) && !this.reported.answered.has(key)) {
        this.reported.answered.add(key);
        out.push(s.answered(interaction));
      }
    }
    const scoreKey = JSON.stringify(summary.score ?? null);
    if (summary.score && scoreKey !== this.reported.scoreKey) out.push(s.scored(summary.score));
    if (summary.completed && !this.reported.completed) out.push(s.completed());
    if (summary.passed !== undefined && summary.passed !== this.reported.passed) {
      out.push(summary.passed ? s.passed(summary.score) : s.failed(summary.score));
    }
    this.rememberReported(summary);
    if (terminate) {
      const ms = this.startedAt ? Date.now() - this.startedAt : 0;
      out.push(summary.exit === 'suspend' ? s.suspended(ms) : s.terminated(ms));
    }
    return out;
  }

  /** Ends the session when the learner leaves the SCO without the content terminating it. */
  async end(): Promise<void> {
    if (!this.terminated && this.api.isInitialized()) {
      this.closing = true;
      if (this.api instanceof Scorm12API) this.api.LMSFinish('');
      else this.api.Terminate('');
    }
    await this.store.flushed();
  }

  /**
   * Journals the current state synchronously and saves it: for `pagehide` and hidden pages, so values
   * the content set without committing are kept too.
   */
  journalNow(): void {
    if (this.keepUncommitted()) this.store.journal();
  }

  /** Saves (and journals) what the SCO set since its last commit; false when there was nothing to take. */
  private keepUncommitted(): boolean {
    if (this.terminated || !this.api.isInitialized()) return true;
    this.commitCmi = this.currentCmi();
    if (this.api instanceof Scorm2004API && this.options.item.sharedData)
      this.commitSharedData = this.api.adl.captureWritableSharedDataSnapshot();
    this.commitAt = Date.now();
    this.store.save(this.currentAttempt, [], true);
    return false;
  }
}

/**
 * Watches the parts of CMI data that statements and results depend on: statuses, score, and the
 * interactions' count and last one (content appends interactions or updates the last). Runs at every
 * commit, so it compares in place and allocates nothing.
 */
class StatusWatch {
  private readonly values: unknown[] = [];

  changed(version: ScormVersion, cmi: CmiJson): boolean {
    const core = (version === '1.2' ? cmi.core : cmi) as Record<string, unknown> | undefined;
    const score = core?.score as Record<string, unknown> | undefined;
    // Rendered as `{ "0": …, "1": … }`.
    const interactions = cmi.interactions as Record<string, Record<string, unknown>> | undefined;
    let count = 0;
    if (interactions) for (const _ in interactions) count++;
    const last = count ? interactions?.[count - 1] : undefined;
    const values = this.values;
    let changed = false;
    changed = see(values, 0, version === '1.2' ? core?.lesson_status : cmi.completion_status) || changed;
    changed = see(values, 1, cmi.success_status) || changed;
    changed = see(values, 2, cmi.progress_measure) || changed;
    changed = see(values, 3, score?.raw) || changed;
    changed = see(values, 4, score?.scaled) || changed;
    changed = see(values, 5, score?.min) || changed;
    changed = see(values, 6, score?.max) || changed;
    changed = see(values, 7, count) || changed;
    changed = see(values, 8, last?.id) || changed;
    changed = see(values, 9, last?.learner_response ?? last?.student_response) || changed;
    return see(values, 10, last?.result) || changed;
  }
}

/** Records `value` at `index`; whether it differs from what was there. */
function see(values: unknown[], index: number, value: unknown): boolean {
  if (values[index] === value) return false;
  values[index] = value;
  return true;
}

/** Exits after which the next launch starts a new attempt, when the SCO is also completed. */
const ENDING_EXITS = new Set(['normal', 'logout', 'time-out']);

function exitOf(version: ScormVersion, cmi: CmiJson): string {
  return summarizeCmi(version, cmi).exit;
}

type ScormVersion = ScormPackage['version'];

function answerKey(interaction: { id: string; learnerResponse?: string; result?: string }): string {
  return `${interaction.id}|${interaction.learnerResponse ?? ''}|${interaction.result ?? ''}`;
}

/** Ids of the objectives the sequencing engine put in `cmi.objectives` when it delivered the activity, in order. */
function seededObjectives(api: Scorm2004API): string[] {
  return api.cmi.objectives.childArray.map((objective) => String((objective as { id?: unknown }).id ?? ''));
}
