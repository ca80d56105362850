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
/** Journal entries this page is still writing itself: a replay leaves them alone. */
const inFlight = new Map<string, number>();

/**
 * Keeps SCO attempts through the storage adapter, write-ahead: a commit is first written synchronously
 * to a localStorage journal, then to the adapter; the journal entry goes once the adapter has it. A
 * tab closed (or crashed) before IndexedDB commits loses nothing: the next session replays the journal.
 * IndexedDB writes started at `pagehide` may never commit, which is why the journal is synchronous.
 */
export class ScoAttemptStore {
  private pending: Promise<unknown> = Promise.resolve();
  private writes = 0;

  constructor(
    private readonly storage: StorageAdapter,
    private readonly key: AttemptKey,
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

  /** Journals synchronously, then writes to storage in the background (in order). */
  save(attempt: ScoAttempt, statements: Statement[] = []): Promise<void> {
    const entry: JournalEntry = { scope: this.storage.scope, attempt, statements };
    const journalKey = JOURNAL_PREFIX + attempt.id;
    const written = writeJournal(journalKey, entry);
    const write = ++this.writes;
    inFlight.set(journalKey, (inFlight.get(journalKey) ?? 0) + 1);
    const saving = this.pending.then(async () => {
      await this.storage.putAttempt(attempt);
      if (statements.length) await this.storage.enqueueStatements(statements);
      // A newer commit journaled meanwhile keeps its own entry.
      if (written && write === this.writes) removeJournal(journalKey);
      else if (written && statements.length) rewriteWithoutStatements(journalKey, entry);
    });
    const settled = saving.finally(() => {
      const count = (inFlight.get(journalKey) ?? 1) - 1;
      if (count > 0) inFlight.set(journalKey, count);
      else inFlight.delete(journalKey);
    });
    this.pending = settled.catch(() => undefined);
    return settled;
  }

  /** Resolves once every write started so far has reached the adapter. */
  flushed(): Promise<unknown> {
    return this.pending;
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

/** The statements of an older entry are in the outbox now; keep the attempt only if still journaled. */
function rewriteWithoutStatements(key: string, written: JournalEntry): void {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return;
    const current = JSON.parse(raw) as JournalEntry;
    if (current.attempt.updatedAt === written.attempt.updatedAt) localStorage.setItem(key, JSON.stringify({ ...current, statements: [] }));
  } catch {
    // nothing to do
  }
}

/** Saves what earlier pages of this store journaled but may not have written (newest data wins). */
export async function replayScormJournal(storage: StorageAdapter): Promise<void> {
  let keys: string[];
  try {
    keys = Object.keys(localStorage).filter((key) => key.startsWith(JOURNAL_PREFIX) && !inFlight.has(key));
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
