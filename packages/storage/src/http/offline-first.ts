/**
 * Offline first over the server: IndexedDB (any local `StorageAdapter`) stays the learner's cache and a
 * write-behind queue, so the player keeps working offline, and queued writes go up when the server can
 * be reached, in order, with backoff, from one tab at a time (Web Locks).
 *
 * Exactly once: a queue entry is removed only after the server acknowledged it, and replaying one is
 * harmless (documents are written whole, statements are deduplicated by id on the server), so a tab
 * killed or reloaded mid-sync loses nothing and doubles nothing. Entries for the same record coalesce:
 * only the latest value goes up.
 *
 * Reads ask the server first (so another device's progress is seen) and refresh the cache; when the
 * server cannot be reached they answer from the cache, with the writes still queued applied.
 */
import { isLmsError, LmsError, type CourseProgress, type LessonState, type Statement } from '@lms-kit/core';
import {
  STORAGE_METHODS,
  type Attempt,
  type AttemptQuery,
  type LessonStateKey,
  type ProgressKey,
  type RecordQuery,
  type StorageAdapter,
  type StoredRecord,
} from '../adapter.js';
import { BATCH_LIMIT, batchItemError, type BatchWrite } from './batch.js';
import type { HttpStorageAdapter } from './http-adapter.js';
import { encodeValue } from './values.js';

const QUEUE = 'lms-kit:write-behind';

type QueuedWrite =
  | { kind: 'progress'; key: ProgressKey; value: CourseProgress }
  | { kind: 'lesson-state'; key: LessonStateKey; value: LessonState }
  | { kind: 'attempt'; value: Attempt }
  | { kind: 'value'; key: string; value: unknown; deleted?: boolean }
  | { kind: 'record'; collection: string; value: StoredRecord; deleted?: boolean }
  | { kind: 'statements'; value: Statement[] };

interface QueueEntry extends StoredRecord {
  /** Which record it writes: a later entry for the same target replaces an earlier one. */
  target: string;
  write: QueuedWrite;
}

export interface OfflineFirstOptions {
  local: StorageAdapter;
  remote: HttpStorageAdapter;
  /** First retry delay after a failed sync (doubles, with jitter, up to `retryMaxMs`). */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface WriteBehindStatus {
  pending: number;
  lastError?: unknown;
}

let clock = 0;
/** Queue ids sort in write order within a tab and roughly across tabs (time first). */
const nextId = () =>
  `${Date.now().toString().padStart(15, '0')}-${(++clock).toString().padStart(9, '0')}-${Math.random().toString(36).slice(2, 8)}`;

/** What one batch carries at most, in JSON characters. */
const BATCH_BYTES = 256 * 1024;

const unreachable = (error: unknown) => isLmsError(error, 'storage/unavailable');

export class OfflineFirstStorage implements StorageAdapter {
  readonly scope: string;
  /** Server-graded quizzes go straight to the server: grading needs it online. */
  readonly quizzes: HttpStorageAdapter['quizzes'];
  /** The leaderboard is the server's: ranks need everyone's points. */
  readonly leaderboard: HttpStorageAdapter['leaderboard'];
  private readonly local: StorageAdapter;
  private readonly remote: HttpStorageAdapter;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  lastError: unknown;

  constructor(private readonly options: OfflineFirstOptions) {
    this.local = options.local;
    this.remote = options.remote;
    this.quizzes = options.remote.quizzes;
    this.leaderboard = options.remote.leaderboard;
    this.scope = options.remote.scope;
    globalThis.addEventListener?.('online', this.onOnline);
    this.schedule(0);
  }

  private readonly onOnline = () => this.schedule(0);

  /** Writes still waiting for the server. */
  async pending(): Promise<number> {
    return (await this.local.listRecords(QUEUE)).length;
  }

  private async queue(target: string, write: QueuedWrite): Promise<void> {
    await this.local.putRecord(QUEUE, { id: nextId(), target, write } satisfies QueueEntry);
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), delay);
  }

  /** Sends every queued write, oldest first; resolves when the queue is empty or the server is unreachable (then retried later). */
  flush(): Promise<void> {
    this.flushing ??= this.withLock(() => this.drain()).finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async withLock(work: () => Promise<void>): Promise<void> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return work();
    await locks.request(`lms-kit:write-behind:${this.scope}`, work);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const entries = (await this.local.listRecords<QueueEntry>(QUEUE)).sort((a, b) => (a.id < b.id ? -1 : 1));
      if (!entries.length || this.closed) return;
      const latest = new Map(entries.map((e) => [e.target, e]));
      // Coalesce: an entry replaced by a later one for the same record goes with it. In queue order,
      // one send per record, as many as a batch carries (one when the server runs no batches).
      const sends: Array<{ send: QueueEntry; covered: QueueEntry[] }> = [];
      const taken = new Set<string>();
      let bytes = 0;
      for (const entry of entries) {
        if (taken.has(entry.target)) continue;
        const send = latest.get(entry.target)!;
        bytes += JSON.stringify(send.write).length;
        // Well under the server's 1 MiB body limit; a single write larger than that goes alone.
        if (sends.length && (sends.length === (this.batches ? BATCH_LIMIT : 1) || bytes > BATCH_BYTES)) break;
        taken.add(entry.target);
        sends.push({ send, covered: entries.filter((e) => e.target === entry.target && e.id <= send.id) });
      }
      let done = 0;
      try {
        done = await this.sendAll(sends.map((s) => s.send.write));
      } catch (error) {
        done = (error as { sent?: number }).sent ?? 0;
        this.lastError = error;
        this.failures++;
        const exponential = Math.min(this.options.retryMaxMs ?? 60_000, (this.options.retryBaseMs ?? 1_000) * 2 ** this.failures);
        this.schedule(exponential / 2 + (Math.random() * exponential) / 2);
        if (unreachable(error)) return;
        throw error;
      } finally {
        for (const { covered } of sends.slice(0, done)) for (const entry of covered) await this.local.deleteRecord(QUEUE, entry.id);
      }
      this.failures = 0;
      this.lastError = undefined;
    }
  }

  /** Whether to try batches: until the server says it runs none. */
  private batches = true;

  /**
   * Sends writes in order, as one batch when there are several and the server runs batches; answers
   * how many went through, or throws the first failure after counting those before it (kept in order:
   * what came after a failure is sent again, which writing whole records and deduplicated statements make harmless).
   */
  private async sendAll(writes: QueuedWrite[]): Promise<number> {
    if (writes.length > 1 && this.batches) {
      const results = await this.remote.writeBatch(writes.map(toBatchWrite));
      if (results) {
        const failed = results.findIndex((r) => batchItemError(r));
        if (failed < 0) return results.length;
        const error = batchItemError(results[failed])!;
        throw Object.assign(error, { sent: failed });
      }
      this.batches = false;
    }
    await this.send(writes[0]);
    return 1;
  }

  private async send(write: QueuedWrite): Promise<void> {
    switch (write.kind) {
      case 'progress':
        // The learner's latest local record wins over what the server had (last writer wins per record).
        await this.remote.updateProgress(write.key, () => write.value);
        return;
      case 'lesson-state':
        await this.remote.updateLessonState(write.key, () => write.value);
        return;
      case 'attempt':
        return this.remote.putAttempt(write.value);
      case 'value':
        return write.deleted ? this.remote.deleteValue(write.key) : this.remote.setValue(write.key, write.value);
      case 'record':
        return write.deleted
          ? this.remote.deleteRecord(write.collection, write.value.id)
          : this.remote.putRecord(write.collection, write.value);
      case 'statements':
        return this.remote.enqueueStatements(write.value);
    }
  }

  /**
   * Queued writes go up first, then the server answers (another device's writes included) and refreshes
   * the cache; offline, or while writes of these records still wait, the cache answers.
   */
  private read<T>(
    prefix: string,
    fromServer: () => Promise<T>,
    fromCache: () => Promise<T>,
    refresh: (value: T) => Promise<void>,
  ): Promise<T> {
    return this.locked(prefix, () => this.readNow(prefix, fromServer, fromCache, refresh));
  }

  /** One record's read-refresh and update-queue steps never interleave, in this tab or another (Web Locks). */
  private locked<T>(name: string, work: () => Promise<T>): Promise<T> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return work();
    return locks.request(`lms-kit:offline:${this.scope}:${name}`, work) as Promise<T>;
  }

  private async readNow<T>(
    prefix: string,
    fromServer: () => Promise<T>,
    fromCache: () => Promise<T>,
    refresh: (value: T) => Promise<void>,
  ): Promise<T> {
    if (this.closed) throw new LmsError('storage/closed', 'This storage adapter has been closed');
    await this.flush().catch(() => undefined);
    const waiting = (await this.local.listRecords<QueueEntry>(QUEUE)).some((e) => e.target.startsWith(prefix));
    if (waiting) return fromCache();
    try {
      const value = await fromServer();
      await refresh(value);
      return value;
    } catch (error) {
      if (unreachable(error)) return fromCache();
      throw error;
    }
  }

  private progressRead(key: ProgressKey) {
    return [
      `progress|${key.learnerId}|${key.courseId}|`,
      () => this.remote.getProgress(key),
      () => this.local.getProgress(key),
      async (value: CourseProgress | undefined) => void (value && (await this.local.updateProgress(key, () => value))),
    ] as const;
  }

  getProgress(key: ProgressKey) {
    return this.read(...this.progressRead(key));
  }

  updateProgress(key: ProgressKey, mutate: (current: CourseProgress | undefined) => CourseProgress) {
    const read = this.progressRead(key);
    return this.locked(read[0], async () => {
      await this.readNow(...read); // the freshest base: the server's when it can be reached
      const value = await this.local.updateProgress(key, mutate);
      await this.queue(read[0], { kind: 'progress', key, value });
      return value;
    });
  }

  listProgress(learnerId: string) {
    return this.read(
      `progress|${learnerId}|`,
      () => this.remote.listProgress(learnerId),
      () => this.local.listProgress(learnerId),
      async () => undefined,
    );
  }

  private lessonRead(key: LessonStateKey) {
    return [
      `lesson|${key.learnerId}|${key.courseId}|${key.lessonId}|`,
      () => this.remote.getLessonState(key),
      () => this.local.getLessonState(key),
      async (value: LessonState | undefined) => void (value && (await this.local.updateLessonState(key, () => value))),
    ] as const;
  }

  getLessonState(key: LessonStateKey) {
    return this.read(...this.lessonRead(key));
  }

  updateLessonState(key: LessonStateKey, mutate: (current: LessonState | undefined) => LessonState) {
    const read = this.lessonRead(key);
    return this.locked(read[0], async () => {
      await this.readNow(...read);
      const value = await this.local.updateLessonState(key, mutate);
      await this.queue(read[0], { kind: 'lesson-state', key, value });
      return value;
    });
  }

  async putAttempt(attempt: Attempt) {
    await this.local.putAttempt(attempt);
    await this.queue(`attempt|${attempt.id}|`, { kind: 'attempt', value: structuredClone(attempt) });
  }

  getAttempt(id: string) {
    return this.read(
      `attempt|${id}|`,
      () => this.remote.getAttempt(id),
      () => this.local.getAttempt(id),
      async (a) => void (a && (await this.local.putAttempt(a))),
    );
  }

  listAttempts(query: AttemptQuery) {
    return this.read(
      'attempt|',
      () => this.remote.listAttempts(query),
      () => this.local.listAttempts(query),
      async () => undefined,
    );
  }

  getValue<T = unknown>(key: string) {
    return this.read<T | undefined>(
      `value|${key}|`,
      () => this.remote.getValue<T>(key),
      () => this.local.getValue<T>(key),
      async () => undefined,
    );
  }

  async setValue(key: string, value: unknown) {
    await this.local.setValue(key, value);
    await this.queue(`value|${key}|`, { kind: 'value', key, value });
  }

  async deleteValue(key: string) {
    await this.local.deleteValue(key);
    await this.queue(`value|${key}|`, { kind: 'value', key, value: null, deleted: true });
  }

  /** Statements go up with the other writes (the server forwards them); the local outbox is left to a page's own LRS sync. */
  async enqueueStatements(statements: Statement[]) {
    if (statements.length) await this.queue(`statements|${nextId()}`, { kind: 'statements', value: structuredClone(statements) });
  }

  async readOutbox(limit: number, afterSeq?: number) {
    await this.flush();
    return this.remote.readOutbox(limit, afterSeq);
  }

  removeFromOutbox(seqs: number[]) {
    return this.remote.removeFromOutbox(seqs);
  }

  async countOutbox() {
    await this.flush();
    return this.remote.countOutbox();
  }

  async putRecord(collection: string, record: StoredRecord) {
    await this.local.putRecord(collection, record);
    await this.queue(`record|${collection}|${record.id}|`, { kind: 'record', collection, value: structuredClone(record) });
  }

  getRecord<T extends StoredRecord = StoredRecord>(collection: string, id: string) {
    return this.read<T | undefined>(
      `record|${collection}|${id}|`,
      () => this.remote.getRecord<T>(collection, id),
      () => this.local.getRecord<T>(collection, id),
      async () => undefined,
    );
  }

  listRecords<T extends StoredRecord = StoredRecord>(collection: string, query?: RecordQuery) {
    return this.read<T[]>(
      `record|${collection}|`,
      () => this.remote.listRecords<T>(collection, query),
      () => this.local.listRecords<T>(collection, query),
      async () => undefined,
    );
  }

  async deleteRecord(collection: string, id: string) {
    await this.local.deleteRecord(collection, id);
    await this.queue(`record|${collection}|${id}|`, { kind: 'record', collection, value: { id }, deleted: true });
  }

  async close() {
    this.closed = true;
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
    await this.flushing?.catch(() => undefined);
    await Promise.all([this.local.close(), this.remote.close()]);
  }
}

// Compile-time check that every contract method is here.
void (STORAGE_METHODS satisfies Array<keyof OfflineFirstStorage>);

/** A queued write as the single request it stands for. Progress and lesson states: the learner's latest local record wins. */
function toBatchWrite(write: QueuedWrite): BatchWrite {
  const e = encodeURIComponent;
  switch (write.kind) {
    case 'progress':
      return { method: 'PUT', path: `v1/progress/${e(write.key.learnerId)}/${e(write.key.courseId)}`, body: { value: write.value } };
    case 'lesson-state': {
      const { learnerId, courseId, lessonId } = write.key;
      return { method: 'PUT', path: `v1/lesson-states/${e(learnerId)}/${e(courseId)}/${e(lessonId)}`, body: { value: write.value } };
    }
    case 'attempt':
      return { method: 'PUT', path: `v1/attempts/${e(write.value.id)}`, body: write.value };
    case 'value':
      return write.deleted
        ? { method: 'DELETE', path: `v1/values/${e(write.key)}` }
        : { method: 'PUT', path: `v1/values/${e(write.key)}`, body: { value: encodeValue(write.value) } };
    case 'record': {
      const path = `v1/records/${e(write.collection)}/${e(write.value.id)}`;
      return write.deleted ? { method: 'DELETE', path } : { method: 'PUT', path, body: write.value };
    }
    case 'statements':
      return { method: 'POST', path: 'v1/outbox', body: { statements: write.value } };
  }
}
