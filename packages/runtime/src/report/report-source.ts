import { LmsError } from '@lms-kit/core';
import type { Quiz } from '@lms-kit/core/quiz';
import type {
  ComplianceReport,
  CourseSummary,
  GroupStat,
  LearnerCourseRow,
  LearningReports,
  ProgressRow,
  ReportFilters,
} from '@lms-kit/storage';
import type { LabelledItemStat } from './answer-text.js';

export type ReportView = 'course' | 'items' | 'learner' | 'groups' | 'compliance';

export interface ReportQuery {
  view: ReportView;
  courseId?: string;
  learnerId?: string;
  filters?: ReportFilters;
  /** Compliance: certificates expiring within this many days (default 30). */
  days?: number;
  /** Item analysis: the quizzes of the course, to show questions and answers in words instead of ids. */
  quizzes?: readonly Quiz[];
}

export type ReportData =
  | { view: 'course'; summary: CourseSummary; learners: ProgressRow[] }
  | { view: 'items'; items: LabelledItemStat[] }
  | { view: 'learner'; courses: LearnerCourseRow[] }
  | { view: 'groups'; groups: GroupStat[] }
  | { view: 'compliance'; compliance: ComplianceReport };

/** A column of a report table: `key` names its header (localized by the element), `value` its cell. */
export interface TableColumn<T> {
  key: string;
  value: (row: T) => string | number | null;
  /** How the element formats the value. */
  format?: 'percent' | 'duration' | 'date' | 'number';
}

export interface ReportTable<T = unknown> {
  id: string;
  columns: TableColumn<T>[];
  rows: T[];
}

/** Progress rows are paged by the server; a course report reads them all, a page at a time. */
const PAGE = 1000;

export interface ReportSource {
  load(query: ReportQuery, signal?: AbortSignal): Promise<ReportData>;
}

const unavailable = (view: string) => new LmsError('report/unavailable', `This storage cannot answer the ${view} report.`);

export function reportSource(reports: LearningReports): ReportSource {
  return {
    async load(query, signal) {
      switch (query.view) {
        case 'course': {
          const courseId = required(query.courseId, 'courseId');
          const summary = await reports.courseSummary(courseId, query.filters);
          const learners: ProgressRow[] = [];
          let after: string | undefined;
          do {
            signal?.throwIfAborted();
            const page = await reports.queryProgress({ courseId, groupId: query.filters?.groupId, limit: PAGE, after });
            learners.push(...page.items);
            after = page.next ?? undefined;
          } while (after);
          return { view: 'course', summary, learners };
        }
        case 'items':
          if (!reports.itemAnalysis) throw unavailable('item analysis');
          {
            const items = await reports.itemAnalysis(required(query.courseId, 'courseId'), query.filters);
            if (!query.quizzes?.length) return { view: 'items', items };
            // The quiz model loads only when there are quizzes to name the answers with.
            const { labelItemStats } = await import('./answer-text.js');
            return { view: 'items', items: labelItemStats(items, query.quizzes) };
          }
        case 'learner':
          if (!reports.learnerReport) throw unavailable('learner');
          return { view: 'learner', courses: await reports.learnerReport(required(query.learnerId, 'learnerId')) };
        case 'groups':
          if (!reports.groupComparison) return { view: 'groups', groups: [] };
          return { view: 'groups', groups: await reports.groupComparison(required(query.courseId, 'courseId')) };
        case 'compliance':
          if (!reports.compliance) return { view: 'compliance', compliance: { days: query.days ?? 30, overdue: [], expiring: [] } };
          return { view: 'compliance', compliance: await reports.compliance({ courseId: query.courseId, days: query.days }) };
      }
    },
  };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new LmsError('report/unavailable', `The report needs a ${name}.`);
  return value;
}

/** Nothing to show yet: no learner started the course, or the view has no rows. */
export function isEmptyReport(data: ReportData): boolean {
  if (data.view === 'course') return data.summary.started === 0 && data.learners.length === 0;
  return reportTables(data).every((t) => t.rows.length === 0);
}

/** The tables of a report (each shown, exported as CSV, and the text alternative of its chart). */
export function reportTables(data: ReportData): ReportTable<never>[] {
  const tables: ReportTable<never>[] = [];
  const add = <T>(table: ReportTable<T>) => tables.push(table as unknown as ReportTable<never>);
  switch (data.view) {
    case 'course': {
      const s = data.summary;
      add({
        id: 'totals',
        columns: [
          { key: 'enrolled', value: (r: CourseSummary) => r.enrolled, format: 'number' },
          { key: 'started', value: (r) => r.started, format: 'number' },
          { key: 'completed', value: (r) => r.completed, format: 'number' },
          { key: 'passed', value: (r) => r.passed ?? null, format: 'number' },
          { key: 'medianTime', value: (r) => r.timeSpentMs.median, format: 'duration' },
        ],
        rows: [s],
      });
      add({
        id: 'completion',
        columns: [
          { key: 'date', value: (r: { date: string; completed: number }) => r.date, format: 'date' },
          { key: 'completed', value: (r) => r.completed, format: 'number' },
        ],
        rows: s.completionOverTime ?? [],
      });
      add({
        id: 'lessons',
        columns: [
          { key: 'lesson', value: (r: CourseSummary['lessons'][number]) => r.lessonId },
          { key: 'reached', value: (r) => r.reached, format: 'number' },
          { key: 'completed', value: (r) => r.completed, format: 'number' },
          { key: 'dropOff', value: (r) => r.dropOff, format: 'number' },
          { key: 'timeSpent', value: (r) => r.timeSpentMs, format: 'duration' },
        ],
        rows: s.lessons,
      });
      // Seats and attendance of the course's sessions, where a server counts them.
      if (s.sessions?.length)
        add({
          id: 'sessions',
          columns: [
            { key: 'lesson', value: (r: NonNullable<CourseSummary['sessions']>[number]) => r.lessonId },
            { key: 'capacity', value: (r) => r.capacity, format: 'number' },
            { key: 'booked', value: (r) => r.booked, format: 'number' },
            { key: 'waiting', value: (r) => r.waiting, format: 'number' },
            { key: 'attended', value: (r) => r.attended, format: 'number' },
          ],
          rows: s.sessions,
        });
      add({
        id: 'scores',
        columns: [
          {
            key: 'scoreRange',
            value: (r: CourseSummary['scoreDistribution'][number]) => `${Math.round(r.from * 100)}–${Math.round(r.to * 100)} %`,
          },
          { key: 'learners', value: (r) => r.count, format: 'number' },
        ],
        rows: s.scoreDistribution,
      });
      add({
        id: 'learners',
        columns: [
          { key: 'learner', value: (r: ProgressRow) => r.learnerId },
          { key: 'completed', value: (r) => (r.completed ? 1 : 0), format: 'number' },
          { key: 'lessonsCompleted', value: (r) => r.lessonsCompleted, format: 'number' },
          { key: 'score', value: (r) => r.score, format: 'percent' },
          { key: 'timeSpent', value: (r) => r.timeSpentMs, format: 'duration' },
          { key: 'lastActivity', value: (r) => r.updatedAt, format: 'date' },
        ],
        rows: data.learners,
      });
      break;
    }
    case 'items':
      add({
        id: 'items',
        columns: [
          { key: 'question', value: (r: LabelledItemStat) => r.questionText ?? r.questionId },
          { key: 'answered', value: (r) => r.answered, format: 'number' },
          { key: 'correct', value: (r) => r.pCorrect, format: 'percent' },
          { key: 'commonWrong', value: (r) => r.commonWrongText ?? (r.commonWrong == null ? null : JSON.stringify(r.commonWrong)) },
          { key: 'commonWrongCount', value: (r) => r.commonWrongCount, format: 'number' },
          { key: 'discrimination', value: (r) => (r.discrimination === null ? null : Math.round(r.discrimination * 100) / 100) },
        ],
        rows: data.items,
      });
      break;
    case 'learner':
      add({
        id: 'courses',
        columns: [
          { key: 'course', value: (r: LearnerCourseRow) => r.courseId },
          { key: 'completed', value: (r) => (r.completed ? 1 : 0), format: 'number' },
          { key: 'score', value: (r) => r.score, format: 'percent' },
          { key: 'attempts', value: (r) => r.attempts, format: 'number' },
          { key: 'bestScore', value: (r) => r.bestScore, format: 'percent' },
          { key: 'pending', value: (r) => r.pending, format: 'number' },
          { key: 'certificateExpires', value: (r) => r.certificateExpiresAt, format: 'date' },
        ],
        rows: data.courses,
      });
      break;
    case 'groups':
      add({
        id: 'groups',
        columns: [
          { key: 'group', value: (r: GroupStat) => r.name ?? r.groupId },
          { key: 'learners', value: (r) => r.learners, format: 'number' },
          { key: 'started', value: (r) => r.started, format: 'number' },
          { key: 'completed', value: (r) => r.completed, format: 'number' },
          { key: 'score', value: (r) => r.meanScore, format: 'percent' },
          { key: 'medianTime', value: (r) => r.medianTimeMs, format: 'duration' },
        ],
        rows: data.groups,
      });
      break;
    case 'compliance':
      add({
        id: 'overdue',
        columns: [
          { key: 'learner', value: (r: ComplianceReport['overdue'][number]) => r.learnerId },
          { key: 'course', value: (r) => r.courseId },
          { key: 'due', value: (r) => r.dueAt, format: 'date' },
        ],
        rows: data.compliance.overdue,
      });
      add({
        id: 'expiring',
        columns: [
          { key: 'learner', value: (r: ComplianceReport['expiring'][number]) => r.learnerId },
          { key: 'course', value: (r) => r.courseId },
          { key: 'certificateExpires', value: (r) => r.expiresAt, format: 'date' },
        ],
        rows: data.compliance.expiring,
      });
  }
  return tables;
}
