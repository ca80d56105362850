import Dexie, { type Table } from 'dexie';
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
} from '../adapter.js';
import { checkRecordKey } from '../record-key.js';
import { toStorageError } from './errors.js';
import { applySchema } from './schema.js';

export interface DexieAdapterOptions {
  /** IndexedDB database name. Default `lms-kit`. */
  databaseName?: string;
  /**
   * How long to wait when another tab keeps an older version of the database open before failing
   * with `storage/upgrade-blocked`. Default 5000 ms.
   */
  blockedTimeoutMs?: number;
  /** For environments that provide IndexedDB under another name (tests, workers, polyfills). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

type RecordRow = StoredRecord & { collection: string };

/** The default adapter: everything in one IndexedDB database, through Dexie. */
export class DexieAdapter implements StorageAdapter {
  readonly scope: string;
  private readonly db: Dexie;
  private readonly blockedTimeoutMs: number;
  private opening?: Promise<void>;
  private blocked = false;
  private closed = false;

  constructor(options: DexieAdapterOptions = {}) {
    const name = options.databaseName ?? 'lms-kit';
    this.scope = `indexeddb:${name}`;
    this.blockedTimeoutMs = options.blockedTimeoutMs ?? 5000;
    const platform = options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {};
    this.db = new Dexie(name, { autoOpen: false, ...platform });
    applySchema(this.db);
    this.db.on('blocked', () => {
      this.blocked = true;
    });
  }

  private get progress(): Table<CourseProgress, [string, string]> {
    return this.db.table('progress');
  }
  private get lessonStates(): Table<LessonState, [string, string, string]> {
    return this.db.table('lessonStates');
  }
  private get attempts(): Table<Attempt, string> {
    return this.db.table('attempts');
  }
  private get keyValues(): Table<unknown, string> {
    return this.db.table('keyValues');
  }
  private get outbox(): Table<OutboxEntry, number> {
    return this.db.table('outbox');
  }
  private get records(): Table<RecordRow, [string, string]> {
    return this.db.table('records');
  }

  /**
   * Opens the database. If another tab blocks the upgrade for longer than `blockedTimeoutMs`, the
   * caller gets `storage/upgrade-blocked` while the open goes on, so a later call succeeds as soon
   * as that tab closes. A failed open is retried on the next call.
   */
  open(): Promise<void> {
    if (this.closed) return Promise.reject(new LmsError('storage/closed', 'This storage adapter has been closed'));
    if (this.db.isOpen()) return Promise.resolve();
    this.opening ??= this.db.open().then(
      () => {
        this.opening = undefined;
        this.blocked = false;
      },
      (error: unknown) => {
        this.opening = undefined;
        this.blocked = false;
        throw toStorageError(error, 'open the learning database');
      },
    );
    const opening = this.opening;
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const startTimer = () => {
        timer ??= setTimeout(
          () =>
            reject(
              new LmsError(
                'storage/upgrade-blocked',
                'Another tab of this site keeps an older version of the learning data open. Close other tabs of this site and reload.',
              ),
            ),
          this.blockedTimeoutMs,
        );
      };
      if (this.blocked) startTimer();
      this.db.on('blocked', startTimer);
      opening.then(resolve, reject).finally(() => {
        clearTimeout(timer);
        this.db.on('blocked').unsubscribe(startTimer);
      });
    });
  }

  private async run<T>(action: string, work: () => Promise<T>): Promise<T> {
    await this.open();
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, action);
    }
  }

  getProgress({ learnerId, courseId }: ProgressKey) {
    return this.run('read progress', () => this.progress.get([learnerId, courseId]));
  }

  updateProgress({ learnerId, courseId }: ProgressKey, mutate: (current: CourseProgress | undefined) => CourseProgress) {
    return this.run('save progress', () =>
      // One readwrite transaction: IndexedDB serialises it against every other tab's.
      this.db.transaction('rw', this.progress, async () => {
        const next = checkRecordKey({ learnerId, courseId }, mutate(await this.progress.get([learnerId, courseId])));
        await this.progress.put(next);
        return next;
      }),
    );
  }

  listProgress(learnerId: string) {
    return this.run('read progress', () => this.progress.where('learnerId').equals(learnerId).toArray());
  }

  getLessonState({ learnerId, courseId, lessonId }: LessonStateKey) {
    return this.run('read the lesson position', () => this.lessonStates.get([learnerId, courseId, lessonId]));
  }

  updateLessonState({ learnerId, courseId, lessonId }: LessonStateKey, mutate: (current: LessonState | undefined) => LessonState) {
    return this.run('save the lesson position', () =>
      this.db.transaction('rw', this.lessonStates, async () => {
        const next = checkRecordKey(
          { learnerId, courseId, lessonId },
          mutate(await this.lessonStates.get([learnerId, courseId, lessonId])),
        );
        await this.lessonStates.put(next);
        return next;
      }),
    );
  }

  putAttempt(attempt: Attempt) {
    return this.run('save the attempt', async () => {
      await this.attempts.put(attempt);
    });
  }

  getAttempt(id: string) {
    return this.run('read the attempt', () => this.attempts.get(id));
  }

  listAttempts(query: AttemptQuery) {
    return this.run('read attempts', async () => {
      const rows =
        query.courseId !== undefined
          ? await this.attempts.where('[learnerId+courseId]').equals([query.learnerId, query.courseId]).toArray()
          : query.activityId !== undefined
            ? await this.attempts.where('[learnerId+activityId]').equals([query.learnerId, query.activityId]).toArray()
            : await this.attempts.filter((a) => a.learnerId === query.learnerId).toArray();
      return rows
        .filter((a) => query.activityId === undefined || a.activityId === query.activityId)
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    });
  }

  getValue<T>(key: string) {
    return this.run('read a setting', () => this.keyValues.get(key) as Promise<T | undefined>);
  }

  setValue(key: string, value: unknown) {
    return this.run('save a setting', async () => {
      await this.keyValues.put(value, key);
    });
  }

  deleteValue(key: string) {
    return this.run('delete a setting', () => this.keyValues.delete(key));
  }

  enqueueStatements(statements: Statement[]) {
    const queuedAt = new Date().toISOString();
    return this.run('queue learning records', async () => {
      await this.outbox.bulkAdd(statements.map((statement) => ({ statement, queuedAt }) as OutboxEntry));
    });
  }

  readOutbox(limit: number, afterSeq = 0) {
    return this.run('read queued learning records', () => this.outbox.where('seq').above(afterSeq).limit(limit).toArray());
  }

  removeFromOutbox(seqs: number[]) {
    return this.run('remove sent learning records', () => this.outbox.bulkDelete(seqs));
  }

  countOutbox() {
    return this.run('count queued learning records', () => this.outbox.count());
  }

  putRecord(collection: string, record: StoredRecord) {
    return this.run(`save a ${collection} record`, async () => {
      await this.records.put({ ...record, collection });
    });
  }

  getRecord<T extends StoredRecord>(collection: string, id: string) {
    return this.run(`read a ${collection} record`, async () => stripCollection<T>(await this.records.get([collection, id])));
  }

  listRecords<T extends StoredRecord>(collection: string, query: RecordQuery = {}) {
    return this.run(`read ${collection} records`, async () => {
      const rows =
        query.learnerId !== undefined
          ? await this.records.where('[collection+learnerId]').equals([collection, query.learnerId]).toArray()
          : query.courseId !== undefined
            ? await this.records.where('[collection+courseId]').equals([collection, query.courseId]).toArray()
            : await this.records.where('[collection+id]').between([collection, Dexie.minKey], [collection, Dexie.maxKey]).toArray();
      return rows.filter((r) => query.courseId === undefined || r.courseId === query.courseId).map((r) => stripCollection<T>(r) as T);
    });
  }

  deleteRecord(collection: string, id: string) {
    return this.run(`delete a ${collection} record`, () => this.records.delete([collection, id]));
  }

  async close() {
    this.closed = true;
    this.db.close();
  }
}

function stripCollection<T extends StoredRecord>(row: RecordRow | undefined): T | undefined {
  if (!row) return undefined;
  const { collection: _collection, ...record } = row;
  return record as unknown as T;
}
