/**
 * `StorageAdapter` against an LMS Kit server (`@lms-kit/server`, or any site that implements its
 * OpenAPI protocol). Updates are optimistic: read the record and its version, apply the (pure,
 * synchronous) `mutate`, write with `If-Match`; when another device, tab or server instance wrote
 * first, the server answers 412 with the current record and `mutate` runs again on it. So no update
 * is lost, however many writers.
 */
import { LmsError, type Catalog, type CourseProgress, type LessonState, type Statement } from '@lms-kit/core';
import type {
  Attempt,
  AttemptQuery,
  LessonStateKey,
  OutboxEntry,
  ProgressKey,
  RecordQuery,
  StorageAdapter,
  StoredRecord,
} from '../adapter.js';
import type {
  ComplianceReport,
  CourseSummary,
  GradeInput,
  GradingStore,
  GroupStat,
  ItemStat,
  LearnerCourseRow,
  LearningReports,
  Page,
  PendingAttempt,
  ProgressQuery,
  ProgressRow,
  ReportFilters,
} from '../reports.js';
import type { CatalogReads } from '../catalog.js';
import { seg, ServerClient, type ServerClientOptions } from './client.js';
import type { BatchResult, BatchWrite } from './batch.js';
import { ServerQuizClient } from './quiz-client.js';
import { LeaderboardClient } from './leaderboard-client.js';
import { decodeValue, encodeValue } from './values.js';

export type HttpStorageAdapterOptions = ServerClientOptions;

interface Versioned<T> {
  value: T;
  version: number;
}

/** Conflicts in a row before giving up: only reached if a record is rewritten nonstop by others. */
const MAX_CONFLICTS = 100;

export class HttpStorageAdapter implements StorageAdapter, LearningReports, GradingStore, CatalogReads {
  readonly scope: string;
  private readonly client: ServerClient;
  /** Server-graded quizzes (`"grading": "server"`) of this server: `QuizSession` finds them here. */
  readonly quizzes: ServerQuizClient;
  /** The server's leaderboard (ranked in SQL; off unless the tenant turns it on). */
  readonly leaderboard: LeaderboardClient;
  /** `fetch` with this adapter's token, for the server's other routes (its certificate signer: see @lms-kit/server). */
  readonly authorizedFetch: ServerClient['authorizedFetch'];
  private closed = false;
  /** Updates of one record from this adapter run one after the other (no conflicts among ourselves). */
  private readonly chains = new Map<string, Promise<unknown>>();
  /**
   * The last version of each record this adapter read or wrote: the next update is one conditional PUT
   * based on it, with no read first. If another writer moved on, the 412 brings the current record.
   */
  private readonly known = new Map<string, Versioned<unknown>>();

  constructor(options: HttpStorageAdapterOptions) {
    this.client = new ServerClient(options);
    this.quizzes = new ServerQuizClient(this.client);
    this.leaderboard = new LeaderboardClient(this.client);
    this.authorizedFetch = this.client.authorizedFetch;
    this.scope = `http:${this.client.base}`;
  }

  private check(): void {
    if (this.closed) throw new LmsError('storage/closed', 'This storage adapter has been closed');
  }

  private async get<T>(path: string): Promise<T | undefined> {
    this.check();
    const answer = await this.client.request<T>('GET', path, { accept: [404] });
    return answer.status === 404 ? undefined : answer.body;
  }

  async getProgress({ learnerId, courseId }: ProgressKey): Promise<CourseProgress | undefined> {
    return this.getVersioned<CourseProgress>(`v1/progress/${seg(learnerId)}/${seg(courseId)}`);
  }

  private async getVersioned<T>(path: string): Promise<T | undefined> {
    const doc = await this.get<Versioned<T>>(path);
    if (doc) this.remember(path, structuredClone(doc));
    else this.known.delete(path);
    return doc?.value;
  }

  updateProgress(
    { learnerId, courseId }: ProgressKey,
    mutate: (current: CourseProgress | undefined) => CourseProgress,
  ): Promise<CourseProgress> {
    return this.update(`v1/progress/${seg(learnerId)}/${seg(courseId)}`, mutate);
  }

  async listProgress(learnerId: string): Promise<CourseProgress[]> {
    return (await this.get<{ items: CourseProgress[] }>(`v1/progress?learner=${seg(learnerId)}`))!.items;
  }

  async getLessonState({ learnerId, courseId, lessonId }: LessonStateKey): Promise<LessonState | undefined> {
    return this.getVersioned<LessonState>(`v1/lesson-states/${seg(learnerId)}/${seg(courseId)}/${seg(lessonId)}`);
  }

  updateLessonState(
    { learnerId, courseId, lessonId }: LessonStateKey,
    mutate: (current: LessonState | undefined) => LessonState,
  ): Promise<LessonState> {
    return this.update(`v1/lesson-states/${seg(learnerId)}/${seg(courseId)}/${seg(lessonId)}`, mutate);
  }

  private update<T>(path: string, mutate: (current: T | undefined) => T): Promise<T> {
    this.check();
    const previous = this.chains.get(path) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.updateNow(path, mutate));
    this.chains.set(path, run);
    void run.catch(() => undefined).then(() => this.chains.get(path) === run && this.chains.delete(path));
    return run;
  }

  private async updateNow<T>(path: string, mutate: (current: T | undefined) => T): Promise<T> {
    let current = (this.known.get(path) as Versioned<T> | undefined) ?? (await this.get<Versioned<T>>(path));
    for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
      const next = mutate(current === undefined ? undefined : structuredClone(current.value));
      const precondition: Record<string, string> = current ? { 'If-Match': `"${current.version}"` } : { 'If-None-Match': '*' };
      this.check();
      const answer = await this.client.request<{ version: number; current?: Versioned<T> | null }>('PUT', path, {
        body: { value: next },
        headers: precondition,
        accept: [412],
      });
      if (answer.status !== 412) {
        this.remember(path, { value: structuredClone(next), version: answer.body.version });
        return structuredClone(next);
      }
      current = answer.body.current ?? undefined;
      if (conflicts > 3) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * conflicts));
    }
    throw new LmsError('storage/conflict', 'The record kept changing on the server; the update was not applied.');
  }

  private remember(path: string, doc: Versioned<unknown>): void {
    this.known.delete(path);
    this.known.set(path, doc);
    // Bounded: the oldest entries go first (a Map iterates in insertion order).
    if (this.known.size > 500) this.known.delete(this.known.keys().next().value!);
  }

  /**
   * Sends up to `BATCH_LIMIT` writes in one request and answers each item's result in order, or
   * undefined when the server runs no batches (then send them one by one). Versions it learns are kept
   * for the next update of those records.
   */
  async writeBatch(writes: BatchWrite[]): Promise<BatchResult[] | undefined> {
    this.check();
    const answer = await this.client.request<{ results: BatchResult[] }>('POST', 'v1/batch', {
      body: { items: writes },
      accept: [404, 405],
    });
    if (answer.status === 404 || answer.status === 405 || !Array.isArray(answer.body?.results)) return undefined;
    answer.body.results.forEach((result, i) => {
      const write = writes[i];
      const version = Number(/^"?(\d+)"?$/.exec(result.etag ?? '')?.[1]);
      const value = (write.body as { value?: unknown } | undefined)?.value;
      if (write.method === 'PUT' && Number.isInteger(version) && value !== undefined)
        this.remember(write.path, { value: structuredClone(value), version });
      else this.known.delete(write.path);
    });
    return answer.body.results;
  }

  async putAttempt(attempt: Attempt): Promise<void> {
    this.check();
    await this.client.request('PUT', `v1/attempts/${seg(attempt.id)}`, { body: attempt });
  }

  getAttempt(id: string): Promise<Attempt | undefined> {
    return this.get<Attempt>(`v1/attempts/${seg(id)}`);
  }

  async listAttempts({ learnerId, courseId, activityId }: AttemptQuery): Promise<Attempt[]> {
    const query = new URLSearchParams({ learner: learnerId });
    if (courseId) query.set('course', courseId);
    if (activityId) query.set('activity', activityId);
    return (await this.get<{ items: Attempt[] }>(`v1/attempts?${query}`))!.items;
  }

  async getValue<T = unknown>(key: string): Promise<T | undefined> {
    const found = await this.get<{ value: unknown }>(`v1/values/${seg(key)}`);
    return found && (decodeValue(found.value) as T);
  }

  async setValue(key: string, value: unknown): Promise<void> {
    this.check();
    await this.client.request('PUT', `v1/values/${seg(key)}`, { body: { value: encodeValue(value) } });
  }

  async deleteValue(key: string): Promise<void> {
    this.check();
    await this.client.request('DELETE', `v1/values/${seg(key)}`);
  }

  async enqueueStatements(statements: Statement[]): Promise<void> {
    this.check();
    if (statements.length) await this.client.request('POST', 'v1/outbox', { body: { statements } });
  }

  async readOutbox(limit: number, afterSeq?: number): Promise<OutboxEntry[]> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (afterSeq !== undefined) query.set('after', String(afterSeq));
    return (await this.get<{ items: OutboxEntry[] }>(`v1/outbox?${query}`))!.items;
  }

  async removeFromOutbox(seqs: number[]): Promise<void> {
    this.check();
    if (seqs.length) await this.client.request('POST', 'v1/outbox/remove', { body: { seqs } });
  }

  async countOutbox(): Promise<number> {
    return (await this.get<{ count: number }>('v1/outbox/count'))!.count;
  }

  async putRecord(collection: string, record: StoredRecord): Promise<void> {
    this.check();
    await this.client.request('PUT', `v1/records/${seg(collection)}/${seg(record.id)}`, { body: record });
  }

  getRecord<T extends StoredRecord = StoredRecord>(collection: string, id: string): Promise<T | undefined> {
    return this.get<T>(`v1/records/${seg(collection)}/${seg(id)}`);
  }

  async listRecords<T extends StoredRecord = StoredRecord>(collection: string, query: RecordQuery = {}): Promise<T[]> {
    const params = new URLSearchParams();
    if (query.learnerId) params.set('learner', query.learnerId);
    if (query.courseId) params.set('course', query.courseId);
    return (await this.get<{ items: T[] }>(`v1/records/${seg(collection)}?${params}`))!.items;
  }

  async deleteRecord(collection: string, id: string): Promise<void> {
    this.check();
    await this.client.request('DELETE', `v1/records/${seg(collection)}/${seg(id)}`);
  }

  /** Progress rows of everyone the token's role may see (admin: the tenant; instructor: the learners they teach; learner: themselves). */
  async queryProgress(query: ProgressQuery): Promise<Page<ProgressRow>> {
    const params = new URLSearchParams();
    const names = { courseId: 'course', groupId: 'group', learnerId: 'learner', limit: 'limit', after: 'after' } as const;
    for (const [field, name] of Object.entries(names)) {
      const value = query[field as keyof ProgressQuery];
      if (value !== undefined) params.set(name, String(value));
    }
    return (await this.get<Page<ProgressRow>>(`v1/reports/progress?${params}`))!;
  }

  /** A course's aggregates, computed by the server in SQL (admins and the course's instructors). */
  async courseSummary(courseId: string, filters: ReportFilters = {}): Promise<CourseSummary> {
    const params = query({ group: filters.groupId, from: filters.from, to: filters.to, version: filters.version });
    return (await this.get<CourseSummary>(`v1/reports/courses/${seg(courseId)}/summary?${params}`))!;
  }

  /** Per-question statistics of a course's quizzes, computed in SQL. */
  async itemAnalysis(courseId: string, filters: { activityId?: string; groupId?: string } = {}): Promise<ItemStat[]> {
    const params = query({ activity: filters.activityId, group: filters.groupId });
    return (await this.get<{ items: ItemStat[] }>(`v1/reports/courses/${seg(courseId)}/items?${params}`))!.items;
  }

  async groupComparison(courseId: string): Promise<GroupStat[]> {
    return (await this.get<{ groups: GroupStat[] }>(`v1/reports/courses/${seg(courseId)}/groups`))!.groups;
  }

  async learnerReport(learnerId: string): Promise<LearnerCourseRow[]> {
    return (await this.get<{ courses: LearnerCourseRow[] }>(`v1/reports/learners/${seg(learnerId)}`))!.courses;
  }

  async compliance(options: { courseId?: string; days?: number } = {}): Promise<ComplianceReport> {
    return (await this.get<ComplianceReport>(`v1/reports/compliance?${query({ course: options.courseId, days: options.days })}`))!;
  }

  /** The signed-in user's roles, from the token (`learner`, `instructor`, `admin`). */
  roles(): Promise<string[]> {
    return this.client.roles();
  }

  /** Attempts waiting for a person that the token's role may grade. */
  async pendingGrading(courseId?: string): Promise<PendingAttempt[]> {
    return (await this.get<{ items: PendingAttempt[] }>(`v1/grading/pending?${query({ course: courseId })}`))!.items;
  }

  async saveGrades(attemptId: string, version: number, grades: GradeInput[]): Promise<PendingAttempt> {
    this.check();
    const answer = await this.client.request<PendingAttempt>('POST', `v1/grading/attempts/${seg(attemptId)}`, {
      body: { version, grades },
    });
    return answer.body;
  }

  /** The tenant's catalog, with the signed-in learner's enrollments and due dates. */
  async readCatalog(): Promise<Catalog> {
    this.check();
    return (await this.client.request<Catalog>('GET', 'v1/catalog')).body;
  }

  /** Self-enrollment; the server answers 403 (`auth/forbidden`) where the course does not allow it. */
  async enrollInCourse(courseId: string): Promise<void> {
    this.check();
    await this.client.request('POST', `v1/catalog/${seg(courseId)}/enroll`);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function query(values: Record<string, string | number | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, String(value));
  return params;
}
