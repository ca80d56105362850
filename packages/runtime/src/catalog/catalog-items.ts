/**
 * The catalog as one learner sees it, computed without I/O: each entry with the learner's status, what
 * they can do with it (enroll, start, continue, wait), and search, filters and sort over the list.
 */
import { DEFAULT_NEW_DAYS, type Catalog, type CatalogEntry, type CatalogEnrollment, type CourseProgress } from '@lms-kit/core';

/** Where the learner stands: not enrolled, enrolled but not started, started, completed. */
export type CatalogStatus = 'not-enrolled' | 'enrolled' | 'in-progress' | 'completed';

/**
 * What the card offers: `enroll` (self-enrollment), `start`, `continue`, `review` (completed), `wait`
 * (starts after `availableFrom`), `request` (enrollment is by an admin only).
 */
export type CatalogAction = 'enroll' | 'start' | 'continue' | 'review' | 'wait' | 'request';

export interface CatalogItem {
  entry: CatalogEntry;
  status: CatalogStatus;
  action: CatalogAction;
  enrollment?: CatalogEnrollment;
  /** Published within the catalog's `newDays`. */
  isNew: boolean;
  /** Assigned, not completed, and its due date has passed. */
  overdue: boolean;
  /** Prerequisite course ids the learner has not completed (with their titles where the catalog has them). */
  missingPrerequisites: Array<{ id: string; title: string }>;
  /** The lesson to resume (the last one opened), when started. */
  resumeLessonId?: string;
  progress?: CourseProgress;
  /** The version of the course the learner's progress was recorded with. */
  takenVersion?: string;
  /** Lowercased title, description and tags, for search. */
  searchText: string;
}

export interface CatalogQuery {
  /** Words to find in title, description or tags (all of them, any order, case- and accent-insensitive). */
  text?: string;
  tag?: string;
  language?: string;
  status?: CatalogStatus;
  /** `relevance`: assigned and due first, then new, then by title. */
  sort?: 'relevance' | 'title' | 'newest' | 'due' | 'duration';
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export interface CatalogInputs {
  catalog: Catalog;
  progress: CourseProgress[];
  /** Enrollments by course id (the server's, or a browser learner's own records); the entries' own `enrollment` otherwise. */
  enrollments?: Map<string, CatalogEnrollment>;
  now: Date;
}

export function catalogItems({ catalog, progress, enrollments, now }: CatalogInputs): CatalogItem[] {
  const byCourse = new Map(progress.map((p) => [p.courseId, p]));
  const titles = new Map(catalog.courses.map((c) => [c.id, c.title]));
  const newDays = catalog.newDays ?? DEFAULT_NEW_DAYS;
  return catalog.courses.map((entry) => {
    const p = byCourse.get(entry.id);
    const enrollment = enrollments?.get(entry.id) ?? entry.enrollment;
    const completed = Boolean(p?.completedAt || p?.result?.completed);
    const status: CatalogStatus = completed ? 'completed' : p ? 'in-progress' : enrollment ? 'enrolled' : 'not-enrolled';
    const waiting = entry.availableFrom !== undefined && Date.parse(entry.availableFrom) > now.getTime();
    const action: CatalogAction =
      status === 'completed'
        ? 'review'
        : status === 'in-progress'
          ? 'continue'
          : waiting
            ? 'wait'
            : status === 'enrolled'
              ? 'start'
              : entry.selfEnroll
                ? 'enroll'
                : 'request';
    const done = (id: string) => {
      const other = byCourse.get(id);
      return Boolean(other?.completedAt || other?.result?.completed);
    };
    const published = entry.publishedAt ? Date.parse(entry.publishedAt) : NaN;
    return {
      entry,
      status,
      action,
      enrollment,
      isNew: published <= now.getTime() && now.getTime() - published < newDays * 86_400_000,
      overdue: Boolean(enrollment?.dueAt && !completed && Date.parse(enrollment.dueAt) < now.getTime()),
      missingPrerequisites: (entry.prerequisites ?? []).filter((id) => !done(id)).map((id) => ({ id, title: titles.get(id) ?? id })),
      resumeLessonId: p?.lastLessonId,
      progress: p,
      takenVersion: p?.courseVersion,
      searchText: fold([entry.title, entry.description ?? '', ...(entry.tags ?? [])].join(' ')),
    };
  });
}

const due = (item: CatalogItem) => (item.enrollment?.dueAt ? Date.parse(item.enrollment.dueAt) : Infinity);
const byTitle = (a: CatalogItem, b: CatalogItem) => a.entry.title.localeCompare(b.entry.title);
const SORTS: Record<NonNullable<CatalogQuery['sort']>, (a: CatalogItem, b: CatalogItem) => number> = {
  title: byTitle,
  newest: (a, b) => (b.entry.publishedAt ?? '').localeCompare(a.entry.publishedAt ?? '') || byTitle(a, b),
  due: (a, b) => due(a) - due(b) || byTitle(a, b),
  duration: (a, b) => (a.entry.durationMinutes ?? Infinity) - (b.entry.durationMinutes ?? Infinity) || byTitle(a, b),
  relevance: (a, b) => {
    const rank = (i: CatalogItem) => (i.status === 'completed' ? 3 : i.enrollment?.assigned ? 0 : i.isNew ? 1 : 2);
    return rank(a) - rank(b) || due(a) - due(b) || byTitle(a, b);
  },
};

/** The items matching `query`, sorted; the input is not changed. */
export function filterCatalog(items: CatalogItem[], query: CatalogQuery): CatalogItem[] {
  const words = fold(query.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const found = items.filter(
    (item) =>
      (!query.tag || item.entry.tags?.includes(query.tag)) &&
      (!query.language || item.entry.language === query.language || item.entry.language?.startsWith(`${query.language}-`)) &&
      (!query.status || item.status === query.status) &&
      words.every((word) => item.searchText.includes(word)),
  );
  return found.sort(SORTS[query.sort ?? 'relevance']);
}

/** The tags and languages present, sorted, for the filter controls. */
export function catalogFacets(items: CatalogItem[]): { tags: string[]; languages: string[] } {
  const tags = new Set<string>();
  const languages = new Set<string>();
  for (const item of items) {
    item.entry.tags?.forEach((tag) => tags.add(tag));
    if (item.entry.language) languages.add(item.entry.language);
  }
  return { tags: [...tags].sort((a, b) => a.localeCompare(b)), languages: [...languages].sort() };
}
