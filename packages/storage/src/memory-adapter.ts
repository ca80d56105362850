import { LmsError, type CourseProgress, type LessonState, type Statement } from '@lms-kit/core';
import type {
  Attempt,
  AttemptQuery,
  LessonStateKey,
  OutboxEntry,
  ProgressKey,
  RecordQuery,
  StorageAdapter,
  StoredRecord,
} from './adapter.js';
import { checkRecordKey } from './record-key.js';

let memoryScopes = 0;

/**
 * Keeps everything in memory for the life of the page: for tests, stories, previews and kiosks that
 * must leave nothing behind. Values are cloned on the way in and out, as IndexedDB does.
 */
export class MemoryAdapter implements StorageAdapter {
  readonly scope = `memory:${++memoryScopes}`;
  private readonly progress = new Map<string, CourseProgress>();
  private readonly lessonStates = new Map<string, LessonState>();
  private readonly attempts = new Map<string, Attempt>();
  private readonly values = new Map<string, unknown>();
  private readonly outbox: OutboxEntry[] = [];
  private readonly collections = new Map<string, Map<string, StoredRecord>>();
  private nextSeq = 1;
  private closed = false;

  private check(): void {
    if (this.closed) throw new LmsError('storage/closed', 'This storage adapter has been closed');
  }

  async getProgress({ learnerId, courseId }: ProgressKey) {
    this.check();
    return clone(this.progress.get(key(learnerId, courseId)));
  }

  async updateProgress({ learnerId, courseId }: ProgressKey, mutate: (current: CourseProgress | undefined) => CourseProgress) {
    this.check();
    const id = key(learnerId, courseId);
    const next = checkRecordKey({ learnerId, courseId }, mutate(clone(this.progress.get(id))));
    this.progress.set(id, clone(next));
    return clone(next);
  }

  async listProgress(learnerId: string) {
    this.check();
    return [...this.progress.values()].filter((p) => p.learnerId === learnerId).map(clone);
  }

  async getLessonState({ learnerId, courseId, lessonId }: LessonStateKey) {
    this.check();
    return clone(this.lessonStates.get(key(learnerId, courseId, lessonId)));
  }

  async updateLessonState({ learnerId, courseId, lessonId }: LessonStateKey, mutate: (current: LessonState | undefined) => LessonState) {
    this.check();
    const id = key(learnerId, courseId, lessonId);
    const next = checkRecordKey({ learnerId, courseId, lessonId }, mutate(clone(this.lessonStates.get(id))));
    this.lessonStates.set(id, clone(next));
    return clone(next);
  }

  async putAttempt(attempt: Attempt) {
    this.check();
    this.attempts.set(attempt.id, clone(attempt));
  }

  async getAttempt(id: string) {
    this.check();
    return clone(this.attempts.get(id));
  }

  async listAttempts(query: AttemptQuery) {
    this.check();
    return [...this.attempts.values()]
      .filter(
        (a) =>
          a.learnerId === query.learnerId &&
          (query.courseId === undefined || a.courseId === query.courseId) &&
          (query.activityId === undefined || a.activityId === query.activityId),
      )
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .map(clone);
  }

  async getValue<T>(name: string) {
    this.check();
    return clone(this.values.get(name)) as T | undefined;
  }

  async setValue(name: string, value: unknown) {
    this.check();
    this.values.set(name, clone(value));
  }

  async deleteValue(name: string) {
    this.check();
    this.values.delete(name);
  }

  async enqueueStatements(statements: Statement[]) {
    this.check();
    const queuedAt = new Date().toISOString();
    for (const statement of statements) this.outbox.push({ seq: this.nextSeq++, statement: clone(statement), queuedAt });
  }

  async readOutbox(limit: number, afterSeq = 0) {
    this.check();
    const start = this.outbox.findIndex((entry) => entry.seq > afterSeq);
    return start < 0 ? [] : this.outbox.slice(start, start + limit).map(clone);
  }

  async removeFromOutbox(seqs: number[]) {
    this.check();
    const remove = new Set(seqs);
    for (let i = this.outbox.length - 1; i >= 0; i--) if (remove.has(this.outbox[i].seq)) this.outbox.splice(i, 1);
  }

  async countOutbox() {
    this.check();
    return this.outbox.length;
  }

  async putRecord(collection: string, record: StoredRecord) {
    this.check();
    if (!this.collections.has(collection)) this.collections.set(collection, new Map());
    this.collections.get(collection)?.set(record.id, clone(record));
  }

  async getRecord<T extends StoredRecord>(collection: string, id: string) {
    this.check();
    return clone(this.collections.get(collection)?.get(id)) as T | undefined;
  }

  async listRecords<T extends StoredRecord>(collection: string, query: RecordQuery = {}) {
    this.check();
    return [...(this.collections.get(collection)?.values() ?? [])].filter((r) => matches(r, query)).map((r) => clone(r) as T);
  }

  async deleteRecord(collection: string, id: string) {
    this.check();
    this.collections.get(collection)?.delete(id);
  }

  async close() {
    this.closed = true;
  }
}

function key(...parts: string[]): string {
  return JSON.stringify(parts);
}

function matches(record: StoredRecord, query: RecordQuery): boolean {
  return (
    (query.learnerId === undefined || record.learnerId === query.learnerId) &&
    (query.courseId === undefined || record.courseId === query.courseId)
  );
}

function clone<T>(value: T): T {
  if (value === undefined) return value;
  try {
    return structuredClone(value);
  } catch (error) {
    throw new LmsError('storage/invalid-record', `The record cannot be stored: ${(error as Error).message}`, { cause: error });
  }
}
