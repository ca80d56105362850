import { uuid } from '@lms-kit/core';
import type { LessonPosition } from '../events.js';

/**
 * Write-ahead journal for the writes a page makes in the background (visible time, positions).
 * An IndexedDB write started as the page goes away (`visibilitychange`, `pagehide`) is not sure to
 * commit before the page is torn down, so every such write is first recorded here, synchronously,
 * in localStorage, and removed once storage has committed it. What is left is replayed by the next
 * session; replays are idempotent (time carries the entry id, positions never go back in time).
 */
export interface JournalEntry {
  id: string;
  scope: string;
  learnerId: string;
  courseId: string;
  lessonId: string;
  timeMs?: number;
  position?: LessonPosition;
  at: string;
}

const KEY = 'lms-kit:write-journal';

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
    // localStorage full or blocked: the write still goes to storage, only its safety net is missing.
  }
}

export function journalWrite(entry: Omit<JournalEntry, 'id' | 'at'>): JournalEntry {
  const full = { ...entry, id: uuid(), at: new Date().toISOString() };
  write([...read(), full]);
  return full;
}

export function forgetWrite(id: string): void {
  const entries = read();
  if (entries.some((e) => e.id === id)) write(entries.filter((e) => e.id !== id));
}

/** The entries of one learner's course in one store, oldest first (left in place until forgotten). */
export function pendingWrites(scope: string, learnerId: string, courseId: string): JournalEntry[] {
  return read().filter((e) => e.scope === scope && e.learnerId === learnerId && e.courseId === courseId);
}
