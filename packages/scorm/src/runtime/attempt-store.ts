import { uuid, type Statement } from '@lms-kit/core';
import type { Attempt, StorageAdapter } from '@lms-kit/storage';
import type { ScormVersion } from '../manifest/model.js';
import type { CmiJson } from './cmi.js';

/** What a SCO attempt keeps, in `Attempt.data`. */
export interface ScoAttemptData {
  version: ScormVersion;
  itemId: string;
  lessonId: string;
  /** CMI data of the last commit. */
  cmi: CmiJson;
  /** Sessions started in this attempt. */
  sessions: number;
  /** The package's identifier, kept when the SCO uses shared data (`adl.data`). */
  package?: string;
  /** The shared data stores this SCO may write, as of its last commit, by `targetID`. */
  sharedData?: Record<string, string>;
}

export type ScoAttempt = Attempt & { data: ScoAttemptData };

export interface AttemptKey {
  learnerId: string;
  courseId: string;
  /** The SCO's activity IRI. */
  activityId: string;
}

interface JournalEntry {
  scope: string;
  attempt: ScoAttempt;
  statements: Statement[];
}

const JOURNAL_PREFIX = 'lms-kit:scorm-journal:';

/**
 * Keeps SCO attempts through the storage adapter. Commits are coalesced: one write at a time, always
 * of the latest state, so a SCO committing in a loop never builds a queue. What is not yet confirmed
 * by the adapter is written synchronously to a localStorage journal whenever the page may go away
 * (`pagehide`, hidden, Terminate), because IndexedDB writes started then may never commit; the next
 * session replays the journal. Closing the tab mid-lesson loses nothing.
 */
export class ScoAttemptStore {
  /** Builds the attempt's latest state when it is written (not on every commit). */
  private latestAttempt?: () => ScoAttempt;
  private statements: Statement[] = [];
  private dirty = false;
  private writing?: Promise<void>;
  /** Failed writes are retried with the next commit; this is the last failure, if any. */
  lastError?: unknown;

  /** `onError` hears of each write that fails after the last one that succeeded (storage full, blocked…). */
  constructor(
    private readonly storage: StorageAdapter,
    private readonly key: AttemptKey,
    private readonly onError?: (error: unknown) => void,
  ) {}

  /** The SCO's latest attempt, after replaying what an earlier page journaled. */
  async latest(): Promise<ScoAttempt | undefined> {
    await replayScormJournal(this.storage);
    const attempts = await this.storage.listAttempts({ learnerId: this.key.learnerId, activityId: this.key.activityId });
    return attempts.filter((attempt) => attempt.courseId === this.key.courseId).pop() as ScoAttempt | undefined;
  }

  newAttempt(data: ScoAttemptData): ScoAttempt {
    const now = new Date().toISOString();
    return { id: uuid(), ...this.key, status: 'in-progress', startedAt: now, updatedAt: now, data };
  }

  /**
   * Records the attempt's new state; `journal` also writes it synchronously to the journal first, as
   * does every save while storage is failing. False when the state is nowhere safe: storage failed
   * last time and the journal could not take it either.
   */
  save(attempt: () => ScoAttempt, statements?: Statement[], journal = false): boolean {
    this.latestAttempt = attempt;
    if (statements?.length) this.statements.push(...statements);
    this.dirty = true;
    const safe = journal || this.lastError !== undefined ? this.journal() : true;
    this.writing ??= this.drain();
    return safe;
  }

  private async drain(): Promise<void> {
    while (this.dirty && this.latestAttempt) {
      const attempt = this.latestAttempt();
      const statements = this.statements;
      this.dirty = false;
      try {
        await this.storage.putAttempt(attempt);
        if (statements.length) await this.storage.enqueueStatements(statements);
        this.statements = this.statements.filter((statement) => !statements.includes(statement));
        this.lastError = undefined;
        if (!this.dirty) removeJournal(JOURNAL_PREFIX + attempt.id);
      } catch (error) {
        // Kept for the next commit, and journaled from now on until storage takes it again.
        const first = this.lastError === undefined;
        this.lastError = error;
        this.dirty = true;
        this.journal();
        if (first) this.onError?.(error);
        break;
      }
    }
    this.writing = undefined;
  }

  /** Writes what the adapter has not confirmed to the journal, synchronously; false when the journal could not take it. */
  journal(): boolean {
    if (!this.latestAttempt || (!this.dirty && !this.writing && !this.statements.length)) return true;
    const attempt = this.latestAttempt();
    return writeJournal(JOURNAL_PREFIX + attempt.id, { scope: this.storage.scope, attempt, statements: this.statements });
  }

  /** Resolves once what was saved so far has reached the adapter (or failed). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }
}

function writeJournal(key: string, entry: JournalEntry): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(entry));
    return true;
  } catch {
    return false; // localStorage full or blocked: the adapter write still happens
  }
}

function removeJournal(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** Saves what earlier pages of this store journaled but may not have written (newest data wins). */
export async function replayScormJournal(storage: StorageAdapter): Promise<void> {
  let keys: string[];
  try {
    keys = Object.keys(localStorage).filter((key) => key.startsWith(JOURNAL_PREFIX));
  } catch {
    return;
  }
  for (const key of keys) {
    let entry: JournalEntry;
    try {
      entry = JSON.parse(localStorage.getItem(key) ?? 'null') as JournalEntry;
    } catch {
      removeJournal(key);
      continue;
    }
    if (!entry || entry.scope !== storage.scope) continue;
    const stored = await storage.getAttempt(entry.attempt.id);
    if (!stored || stored.updatedAt <= entry.attempt.updatedAt) await storage.putAttempt(entry.attempt);
    if (entry.statements.length) await storage.enqueueStatements(entry.statements);
    removeJournal(key);
  }
}
