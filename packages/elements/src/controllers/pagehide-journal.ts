import type { LessonPosition } from '../events/lesson-report.js';

/**
 * What a page still had to save when it was hidden for good. IndexedDB writes started in `pagehide`
 * are not sure to commit before the page is torn down, so pending time and positions are written
 * synchronously to localStorage instead, and replayed into the storage adapter by the next session
 * (or by this page if it comes back from the back/forward cache).
 */
export interface JournalEntry {
  scope: string;
  learnerId: string;
  courseId: string;
  lessonId: string;
  timeMs?: number;
  position?: LessonPosition;
  at: string;
}

const KEY = 'lms-kit:pagehide-journal';

function read(): JournalEntry[] {
  try {
    const entries: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(entries) ? (entries as JournalEntry[]) : [];
  } catch {
    return [];
  }
}

function write(entries: JournalEntry[]): void {
  try {
    if (entries.length) localStorage.setItem(KEY, JSON.stringify(entries));
    else localStorage.removeItem(KEY);
  } catch {
    // localStorage full or blocked: nothing more can be kept at this point.
  }
}

export function appendToJournal(entry: JournalEntry): void {
  write([...read(), entry]);
}

/** Removes and returns the entries of one learner's course in one store. */
export function takeFromJournal(scope: string, learnerId: string, courseId: string): JournalEntry[] {
  const all = read();
  const mine = (e: JournalEntry) => e.scope === scope && e.learnerId === learnerId && e.courseId === courseId;
  const taken = all.filter(mine);
  if (taken.length) write(all.filter((e) => !mine(e)));
  return taken;
}
