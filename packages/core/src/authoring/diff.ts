import { courseLessons, type Course, type Lesson } from '../course/model.js';
import type { Question } from '../quiz/model.js';

/** One lesson, question or module in a change summary. */
export interface ChangedItem {
  id: string;
  title: string;
  /** The lesson a question belongs to. */
  lessonId?: string;
  /** For `changed`: which of its fields differ (`title`, `html`, `choices`…). */
  fields?: string[];
}

export interface ChangeList {
  added: ChangedItem[];
  removed: ChangedItem[];
  changed: ChangedItem[];
}

/** What a new version changes, as authors and learners are told it. */
export interface ChangeSummary {
  modules: ChangeList;
  lessons: ChangeList;
  questions: ChangeList;
  /** Lessons that only moved (to another module or place), content unchanged. */
  moved: string[];
  /** Course-level fields that changed (`title`, `completion`, `certificate`…); modules and variants are summarised apart. */
  course: string[];
  /** Nothing at all differs. */
  empty: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, skip: string[] = []): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !skip.includes(name) && !same(before[name], after[name])).sort();
}

function compare<T extends { id: string }>(
  before: Map<string, T>,
  after: Map<string, T>,
  describe: (item: T) => ChangedItem,
  skip: string[] = [],
): ChangeList {
  const list: ChangeList = { added: [], removed: [], changed: [] };
  for (const [id, item] of after) {
    const old = before.get(id);
    if (!old) list.added.push(describe(item));
    else {
      const fields = changedFields(old as Record<string, unknown>, item as Record<string, unknown>, skip);
      if (fields.length) list.changed.push({ ...describe(item), fields });
    }
  }
  for (const [id, item] of before) if (!after.has(id)) list.removed.push(describe(item));
  return list;
}

/** Questions written inline in a course's quiz lessons, by `<lesson>/<question>` (a quiz loaded from `src` is compared by its URL). */
function questionsOf(course: Course): Map<string, Question & { lessonId: string }> {
  const found = new Map<string, Question & { lessonId: string }>();
  for (const lesson of courseLessons(course)) {
    if (lesson.kind !== 'quiz' || !lesson.quiz) continue;
    const all = [...(lesson.quiz.questions ?? []), ...(lesson.quiz.banks ?? []).flatMap((bank) => bank.questions)];
    for (const question of all) found.set(`${lesson.id}/${question.id}`, { ...question, lessonId: lesson.id });
  }
  return found;
}

/** A quiz lesson compared without its questions (those are summarised one by one). */
function withoutQuestions(lesson: Lesson): Lesson {
  if (lesson.kind !== 'quiz' || !lesson.quiz) return lesson;
  const { questions: _questions, banks, ...quiz } = lesson.quiz;
  return { ...lesson, quiz: { ...quiz, banks: banks?.map(({ questions: _q, ...bank }) => bank) } } as Lesson;
}

/**
 * The change summary between two versions of a course: modules, lessons and questions added,
 * removed and changed (with the fields that changed), lessons that only moved, and course-level
 * fields. Pure: the same two courses always give the same summary, in course order.
 */
export function diffCourses(before: Course, after: Course): ChangeSummary {
  const lessonMap = (course: Course) => new Map(courseLessons(course).map((lesson) => [lesson.id, withoutQuestions(lesson)]));
  const moduleMap = (course: Course) => new Map(course.modules.map((module) => [module.id, module]));
  const modules = compare(moduleMap(before), moduleMap(after), ({ id, title }) => ({ id, title }), ['lessons']);
  const lessons = compare(lessonMap(before), lessonMap(after), ({ id, title }) => ({ id, title }));
  const questions = compare(questionsOf(before), questionsOf(after), (q) => ({
    id: q.id,
    title: 'text' in q && typeof q.text === 'string' ? q.text : q.id,
    lessonId: q.lessonId,
  }));
  const place = (course: Course) =>
    new Map(course.modules.flatMap((module) => module.lessons.map((lesson, index) => [lesson.id, `${module.id}#${index}`] as const)));
  const was = place(before);
  const now = place(after);
  const changedIds = new Set(lessons.changed.map((item) => item.id));
  // A lesson "moved" when it is outside the longest common order of the lessons both versions share.
  const order = (course: Course) =>
    course.modules.flatMap((module) =>
      module.lessons.filter((lesson) => was.has(lesson.id) && now.has(lesson.id)).map((lesson) => `${module.id}/${lesson.id}`),
    );
  const kept = longestCommon(order(before), order(after));
  const moved = order(after)
    .filter((key) => !kept.has(key))
    .map((key) => key.slice(key.indexOf('/') + 1))
    .filter((id) => !changedIds.has(id));
  const course = changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, [
    'modules',
    'variants',
    'version',
  ]);
  const count = (list: ChangeList) => list.added.length + list.removed.length + list.changed.length;
  return {
    modules,
    lessons,
    questions,
    moved,
    course,
    empty: count(modules) + count(lessons) + count(questions) + moved.length + course.length === 0 && same(before.variants, after.variants),
  };
}

/** The items of the longest common subsequence of `a` and `b`. */
function longestCommon(a: string[], b: string[]): Set<string> {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return kept;
}
