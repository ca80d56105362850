/**
 * Multi-learner reads, beside `StorageAdapter`: what reporting and catalog elements ask of any
 * backend. The server answers them in SQL for everyone the caller may see (`HttpStorageAdapter`);
 * browser-only adapters answer them for their one local learner (`localReports`).
 */
import type { CourseProgress } from '@lms-kit/core';
import type { Attempt, StorageAdapter } from './adapter.js';

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
  /** Learners whose course result is passed. */
  passed?: number;
  /** Completions per UTC day (`YYYY-MM-DD`), oldest first. */
  completionOverTime?: Array<{ date: string; completed: number }>;
  /** Seats and attendance of the course's `session` lessons (on a server, where sessions were opened). */
  sessions?: SessionAttendance[];
}

/** One session's seats booked, learners waiting and learners marked present. */
export interface SessionAttendance {
  lessonId: string;
  capacity: number;
  booked: number;
  waiting: number;
  attended: number;
}

/** Narrows a course summary: members of a group, last activity in [from, to), learners on a course version. */
export interface ReportFilters {
  groupId?: string;
  /** ISO date or date-time, included. */
  from?: string;
  /** ISO date or date-time, excluded. */
  to?: string;
  version?: string;
}

/** Item analysis of one question over completed attempts. */
export interface ItemStat {
  activityId: string;
  questionId: string;
  answered: number;
  /** Share of full-credit answers, 0..1. */
  pCorrect: number;
  meanCredit: number;
  /** Share correct in the top 27 % of attempts by score minus the bottom 27 %; null with too few attempts. */
  discrimination: number | null;
  /** The wrong answer given most often (the stored response value), and how often. */
  commonWrong: unknown;
  commonWrongCount: number;
}

export interface GroupStat {
  groupId: string;
  name: string | null;
  learners: number;
  started: number;
  completed: number;
  meanScore: number | null;
  medianTimeMs: number | null;
}

/** One course of one learner's report. */
export interface LearnerCourseRow {
  courseId: string;
  completed: boolean;
  score: number | null;
  timeSpentMs: number;
  updatedAt: string;
  attempts: number;
  bestScore: number | null;
  /** Attempts waiting for a grade. */
  pending: number;
  certificateIssuedAt: string | null;
  certificateExpiresAt: string | null;
}

export interface ComplianceReport {
  days: number;
  overdue: Array<{ learnerId: string; courseId: string; dueAt: string }>;
  expiring: Array<{ learnerId: string; courseId: string; certificateId: string; expiresAt: string }>;
}

export interface LearningReports {
  queryProgress(query: ProgressQuery): Promise<Page<ProgressRow>>;
  courseSummary(courseId: string, filters?: ReportFilters): Promise<CourseSummary>;
  itemAnalysis?(courseId: string, filters?: { activityId?: string; groupId?: string }): Promise<ItemStat[]>;
  groupComparison?(courseId: string): Promise<GroupStat[]>;
  learnerReport?(learnerId: string): Promise<LearnerCourseRow[]>;
  compliance?(query?: { courseId?: string; days?: number }): Promise<ComplianceReport>;
}

/** An attempt waiting for a person, with the version a grade must be based on. */
export interface PendingAttempt {
  attempt: Attempt;
  version: number;
  learnerName?: string | null;
}

export interface GradeInput {
  questionId: string;
  /** 0..1 of the question's weight. */
  credit: number;
  feedback?: string;
}

/** The grading queue of a backend that grades for many learners (the server). */
export interface GradingStore {
  pendingGrading(courseId?: string): Promise<PendingAttempt[]>;
  /** Fails with `grading/conflict` when the attempt changed since `version` was read. */
  saveGrades(attemptId: string, version: number, grades: GradeInput[]): Promise<PendingAttempt>;
}

export const isGradingStore = (storage: unknown): storage is GradingStore =>
  typeof (storage as Partial<GradingStore> | null)?.pendingGrading === 'function';

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
    async courseSummary(courseId, filters = {}) {
      const found = filters.groupId ? undefined : await storage.getProgress({ learnerId, courseId });
      const p = found && inRange(found.updatedAt, filters) ? found : undefined;
      const r = p && row(p);
      const bucket = r?.score === null || r?.score === undefined ? -1 : Math.min(9, Math.floor(r.score * 10));
      return {
        courseId,
        enrolled: p ? 1 : 0,
        started: p ? 1 : 0,
        completed: r?.completed ? 1 : 0,
        passed: p?.result?.passed ? 1 : 0,
        completionOverTime: p?.completedAt ? [{ date: p.completedAt.slice(0, 10), completed: 1 }] : [],
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
    async learnerReport(id) {
      if (id !== learnerId) return [];
      const [progress, attempts, certificates] = await Promise.all([
        storage.listProgress(learnerId),
        storage.listAttempts({ learnerId }),
        storage.listRecords<{ id: string; courseId?: string; issuedAt?: string; expiresAt?: string }>('certificates', { learnerId }),
      ]);
      return progress
        .map((p) => {
          const mine = attempts.filter((a) => a.courseId === p.courseId);
          const scores = mine
            .map((a) => (a.data as { result?: { scaled?: number } } | undefined)?.result?.scaled)
            .filter((x) => typeof x === 'number');
          const certificate = certificates
            .filter((c) => c.courseId === p.courseId)
            .sort((a, b) => String(b.issuedAt).localeCompare(String(a.issuedAt)))[0];
          const r = row(p);
          return {
            courseId: p.courseId,
            completed: r.completed,
            score: r.score,
            timeSpentMs: r.timeSpentMs,
            updatedAt: r.updatedAt,
            attempts: mine.length,
            bestScore: scores.length ? Math.max(...scores) : null,
            pending: mine.filter((a) => a.status === 'pending-grading').length,
            certificateIssuedAt: certificate?.issuedAt ?? null,
            certificateExpiresAt: certificate?.expiresAt ?? null,
          };
        })
        .sort((a, b) => a.courseId.localeCompare(b.courseId));
    },
  };
}

function inRange(at: string, { from, to }: ReportFilters): boolean {
  return (!from || at >= from) && (!to || at < to);
}
