import type { CourseProgress, LessonState, Statement } from '@lms-kit/core';

export interface ProgressKey {
  learnerId: string;
  courseId: string;
}

export interface LessonStateKey extends ProgressKey {
  lessonId: string;
}

/** One try at an activity that is scored or graded: a quiz attempt, a SCORM attempt, a cmi5 session. */
export interface Attempt {
  id: string;
  learnerId: string;
  courseId: string;
  /** Lesson, quiz or SCO the attempt is of. */
  activityId: string;
  status: 'in-progress' | 'completed' | 'pending-grading' | 'abandoned';
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
  /** Kind-specific content (responses, CMI data, …). */
  data?: unknown;
  [field: string]: unknown;
}

export interface AttemptQuery {
  learnerId: string;
  courseId?: string;
  activityId?: string;
}

/** A statement waiting to be sent to a Learning Record Store, in the order it was queued. */
export interface OutboxEntry {
  seq: number;
  statement: Statement;
  queuedAt: string;
}

/**
 * A record of a collection that has no dedicated methods (certificates, dead letters, enrollments…).
 * Indexed by `learnerId` and `courseId` when present.
 */
export interface StoredRecord {
  id: string;
  learnerId?: string;
  courseId?: string;
  [field: string]: unknown;
}

export interface RecordQuery {
  learnerId?: string;
  courseId?: string;
}

/**
 * Where LMS Kit keeps learner data. Small and async so it can sit on IndexedDB, a server or an LRS.
 *
 * Rules every adapter follows (checked by `runStorageAdapterSuite`):
 * - `update*` read, change and write one record atomically, also against other tabs, so concurrent
 *   updates are never lost;
 * - values come back equal to what was stored, never sharing references with the caller;
 * - failures are `LmsError`s with a `storage/…` code, and a failed write leaves stored data as it was.
 */
export interface StorageAdapter {
  /** Identifies the data store, so change notifications from other adapters on it can be matched. */
  readonly scope: string;

  getProgress(key: ProgressKey): Promise<CourseProgress | undefined>;
  /** `mutate` gets the stored record (or undefined) and returns the new one; it must be synchronous. */
  updateProgress(key: ProgressKey, mutate: (current: CourseProgress | undefined) => CourseProgress): Promise<CourseProgress>;
  listProgress(learnerId: string): Promise<CourseProgress[]>;

  getLessonState(key: LessonStateKey): Promise<LessonState | undefined>;
  updateLessonState(key: LessonStateKey, mutate: (current: LessonState | undefined) => LessonState): Promise<LessonState>;

  putAttempt(attempt: Attempt): Promise<void>;
  getAttempt(id: string): Promise<Attempt | undefined>;
  listAttempts(query: AttemptQuery): Promise<Attempt[]>;

  getValue<T = unknown>(key: string): Promise<T | undefined>;
  setValue(key: string, value: unknown): Promise<void>;
  deleteValue(key: string): Promise<void>;

  enqueueStatements(statements: Statement[]): Promise<void>;
  /** The oldest entries first; with `afterSeq`, only entries queued after that one (a reader's cursor). */
  readOutbox(limit: number, afterSeq?: number): Promise<OutboxEntry[]>;
  removeFromOutbox(seqs: number[]): Promise<void>;
  countOutbox(): Promise<number>;

  putRecord(collection: string, record: StoredRecord): Promise<void>;
  getRecord<T extends StoredRecord = StoredRecord>(collection: string, id: string): Promise<T | undefined>;
  listRecords<T extends StoredRecord = StoredRecord>(collection: string, query?: RecordQuery): Promise<T[]>;
  deleteRecord(collection: string, id: string): Promise<void>;

  close(): Promise<void>;
}

/** The method names of the contract, for wrappers that forward or load an adapter (typed: adding a method fails to compile until listed). */
export const STORAGE_METHODS = Object.keys({
  getProgress: 1,
  updateProgress: 1,
  listProgress: 1,
  getLessonState: 1,
  updateLessonState: 1,
  putAttempt: 1,
  getAttempt: 1,
  listAttempts: 1,
  getValue: 1,
  setValue: 1,
  deleteValue: 1,
  enqueueStatements: 1,
  readOutbox: 1,
  removeFromOutbox: 1,
  countOutbox: 1,
  putRecord: 1,
  getRecord: 1,
  listRecords: 1,
  deleteRecord: 1,
  close: 1,
} satisfies Record<Exclude<keyof StorageAdapter, 'scope'>, 1>) as Array<Exclude<keyof StorageAdapter, 'scope'>>;
