/**
 * Multi-learner reads, beside `StorageAdapter`: what reporting and catalog elements ask of any
 * backend. The server answers them in SQL for everyone the caller may see (`HttpStorageAdapter`);
 * browser-only adapters answer them for their one local learner (`localReports`).
 */
import type { CourseProgress } from '@lms-kit/core';
import type { StorageAdapter } from './adapter.js';

export interface ProgressRow {
  learnerId: string;
  courseId: string;
  completed: boolean;
  timeSpentMs: number;
  /** Scaled score 0..1 of the course result, when it has one. */
  score: number | null;
  updatedAt: string;
  lessonsCompleted: number;
}

export interface ProgressQuery {
  courseId?: string;
  groupId?: string;
  learnerId?: string;
  /** Rows per page (default 100). */
  limit?: number;
  /** The `next` of the previous page. */
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last. */
  next: string | null;
}

export interface LessonReach {
  lessonId: string;
  /** Learners who opened the lesson. */
  reached: number;
  completed: number;
  /** Opened but not completed. */
  dropOff: number;
  timeSpentMs: number;
}

export interface CourseSummary {
  courseId: string;
  enrolled: number;
  started: number;
  completed: number;
  timeSpentMs: { total: number; median: number | null };
  /** Ten buckets of the scaled score: [0, 0.1), [0.1, 0.2) … [0.9, 1]. */
  scoreDistribution: Array<{ from: number; to: number; count: number }>;
  lessons: LessonReach[];
}

export interface LearningReports {
  queryProgress(query: ProgressQuery): Promise<Page<ProgressRow>>;
  courseSummary(courseId: string): Promise<CourseSummary>;
}

const DONE = new Set(['completed', 'passed']);

function row(p: CourseProgress): ProgressRow {
  return {
    learnerId: p.learnerId,
    courseId: p.courseId,
    completed: Boolean(p.completedAt || p.result?.completed),
    timeSpentMs: p.timeSpentMs,
    score: p.result?.score?.scaled ?? null,
    updatedAt: p.updatedAt,
    lessonsCompleted: Object.values(p.lessons).filter((l) => DONE.has(l.status)).length,
  };
}

/** The same reads over a browser-only adapter, for its one local learner (the same numbers the server gives for one learner). */
export function localReports(storage: StorageAdapter, learnerId: string): LearningReports {
  return {
    async queryProgress(query) {
      if ((query.learnerId && query.learnerId !== learnerId) || query.groupId || (query.after !== undefined && query.after >= learnerId))
        return { items: [], next: null };
      const all = await storage.listProgress(learnerId);
      const items = all.filter((p) => !query.courseId || p.courseId === query.courseId).map(row);
      return { items: items.sort((a, b) => a.courseId.localeCompare(b.courseId)), next: null };
    },
    async courseSummary(courseId) {
      const p = await storage.getProgress({ learnerId, courseId });
      const r = p && row(p);
      const bucket = r?.score === null || r?.score === undefined ? -1 : Math.min(9, Math.floor(r.score * 10));
      return {
        courseId,
        enrolled: p ? 1 : 0,
        started: p ? 1 : 0,
        completed: r?.completed ? 1 : 0,
        timeSpentMs: { total: p?.timeSpentMs ?? 0, median: p ? p.timeSpentMs : null },
        scoreDistribution: Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: i === bucket ? 1 : 0 })),
        lessons: Object.entries(p?.lessons ?? {})
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([lessonId, l]) => ({
            lessonId,
            reached: 1,
            completed: DONE.has(l.status) ? 1 : 0,
            dropOff: DONE.has(l.status) ? 0 : 1,
            timeSpentMs: l.timeSpentMs,
          })),
      };
    },
  };
}
