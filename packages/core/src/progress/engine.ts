import { isRequiredLesson, type CourseCompletionRule, type LessonBase } from '../course/model.js';
import type { CourseProgress } from './model.js';

/** The parts of a course the rules read: a full `Course` or a stored outline without lesson content. */
export interface CourseStructure {
  sequential?: boolean;
  completion?: CourseCompletionRule;
  modules: Array<{ id: string; prerequisites?: string[]; lessons: LessonBase[] }>;
}

type Lesson = LessonBase;

export type LessonStatus = 'locked' | 'available' | 'in-progress' | 'completed';

/**
 * Why the content's own sequencing (SCORM 2004) does not let the learner choose a lesson now:
 * `flow` the course leads through its activities with Next and Previous; `order` not from where the
 * learner is; `backward` the course does not go back; `rules` its rules open it depending on progress
 * and results; `attempts` no attempts left.
 */
export type SequencingHold = 'flow' | 'order' | 'backward' | 'rules' | 'attempts';

/** Why a lesson is locked; a lesson can have several reasons at once. */
export type LockReason =
  | { type: 'prerequisites'; missing: string[] }
  | { type: 'sequence'; previousId: string }
  | { type: 'points'; required: number; current: number }
  | { type: 'remedial'; assessmentId: string }
  | { type: 'sequencing'; hold: SequencingHold };

/**
 * Lessons a lesson kind's own rules keep closed for now (SCORM 2004 sequencing), by lesson id. An input
 * of `computeCourseState`, computed by the kind's runtime; lessons not listed are not held.
 */
export type LessonAvailability = Record<string, Extract<LockReason, { type: 'sequencing' }>>;

export interface LessonView {
  id: string;
  moduleId: string;
  status: LessonStatus;
  /**
   * Why the lesson cannot be opened now; empty when it can. A lesson already started keeps its status
   * while the content's sequencing holds it (`availability`), with the reason here.
   */
  lockReasons: LockReason[];
  required: boolean;
}

export interface ModuleView {
  id: string;
  status: LessonStatus;
  completed: number;
  total: number;
  /** 0..100, whole number. */
  percent: number;
}

export interface CourseState {
  lessons: Record<string, LessonView>;
  /** Lesson ids in course order. */
  order: string[];
  modules: ModuleView[];
  completedCount: number;
  requiredCount: number;
  /** 0..100, whole number; 100 only when every required lesson is completed. */
  percent: number;
  points: number;
  completed: boolean;
  nextLessonId?: string;
  timeSpentMs: number;
}

/**
 * Derives every lesson's state from the course rules and the stored progress. Pure: the same
 * inputs always give the same state, so elements, reports and servers agree. `availability` adds
 * what a lesson kind's own rules hold closed now; a result the content rolled up for the whole course
 * (`progress.result`) decides completion instead of the lessons.
 */
export function computeCourseState(course: CourseStructure, progress?: CourseProgress, availability?: LessonAvailability): CourseState {
  const lessons = course.modules.flatMap((module) => module.lessons);
  const done = (lessonId: string) => progress?.lessons[lessonId]?.status === 'completed';
  const points = earnedPoints(progress);
  const moduleDone = (moduleId: string) =>
    course.modules
      .find((m) => m.id === moduleId)
      ?.lessons.filter(isRequiredLesson)
      .every((l) => done(l.id)) ?? false;
  const isDone = (ref: string) => (course.modules.some((m) => m.id === ref) ? moduleDone(ref) : done(ref));

  const views: Record<string, LessonView> = {};
  let previousRequired: Lesson | undefined;
  for (const module of course.modules) {
    for (const lesson of module.lessons) {
      const lessonProgress = progress?.lessons[lesson.id];
      const reasons = lockReasons(course, lesson, module.prerequisites ?? [], previousRequired, isDone, points, progress);
      const held = availability?.[lesson.id];
      if (held) reasons.push(held);
      let status: LessonStatus = 'available';
      if (lessonProgress?.status === 'completed') status = 'completed';
      else if (lessonProgress) status = 'in-progress';
      // A lesson already started stays open even if a rule would now lock it (e.g. points changed),
      // unless the content's sequencing holds it: that is decided afresh at every step.
      else if (reasons.length > 0) status = 'locked';
      views[lesson.id] = {
        id: lesson.id,
        moduleId: module.id,
        status,
        lockReasons: status === 'locked' ? reasons : held ? [held] : [],
        required: isRequiredLesson(lesson),
      };
      if (isRequiredLesson(lesson)) previousRequired = lesson;
    }
  }

  const requiredIds = course.completion?.lessons ?? lessons.filter(isRequiredLesson).map((l) => l.id);
  const completedCount = requiredIds.filter(done).length;
  const requiredCount = requiredIds.length;
  const result = progress?.result;
  const completed = (result ? result.completed : completedCount === requiredCount) && points >= (course.completion?.minPoints ?? 0);
  const percent = requiredCount === 0 ? 100 : Math.floor((completedCount / requiredCount) * 100);

  return {
    lessons: views,
    order: lessons.map((l) => l.id),
    modules: course.modules.map((module) => moduleView(module.id, module.lessons, views)),
    completedCount,
    requiredCount,
    percent: completed ? 100 : Math.min(percent, 99),
    points,
    completed,
    nextLessonId: nextLesson(lessons, views),
    timeSpentMs: progress?.timeSpentMs ?? 0,
  };
}

export function earnedPoints(progress?: CourseProgress): number {
  if (!progress) return 0;
  return Object.values(progress.lessons).reduce((sum, lesson) => sum + (lesson.points ?? 0), 0);
}

function lockReasons(
  course: CourseStructure,
  lesson: Lesson,
  modulePrerequisites: string[],
  previousRequired: Lesson | undefined,
  isDone: (ref: string) => boolean,
  points: number,
  progress: CourseProgress | undefined,
): LockReason[] {
  const reasons: LockReason[] = [];
  const missing = [...modulePrerequisites, ...(lesson.prerequisites ?? [])].filter((ref) => !isDone(ref));
  if (missing.length > 0) reasons.push({ type: 'prerequisites', missing: [...new Set(missing)] });
  if (course.sequential && isRequiredLesson(lesson) && previousRequired && !isDone(previousRequired.id)) {
    reasons.push({ type: 'sequence', previousId: previousRequired.id });
  }
  if (lesson.unlock && points < lesson.unlock.points) {
    reasons.push({ type: 'points', required: lesson.unlock.points, current: points });
  }
  if (lesson.remedialFor && progress?.lessons[lesson.remedialFor]?.passed !== false) {
    reasons.push({ type: 'remedial', assessmentId: lesson.remedialFor });
  }
  return reasons;
}

function moduleView(id: string, lessons: Lesson[], views: Record<string, LessonView>): ModuleView {
  const required = lessons.filter(isRequiredLesson);
  const completed = required.filter((l) => views[l.id].status === 'completed').length;
  const statuses = lessons.map((l) => views[l.id].status);
  let status: LessonStatus = 'available';
  if (required.length > 0 && completed === required.length) status = 'completed';
  else if (statuses.some((s) => s === 'in-progress' || s === 'completed')) status = 'in-progress';
  else if (statuses.every((s) => s === 'locked')) status = 'locked';
  const percent = required.length === 0 ? 100 : Math.floor((completed / required.length) * 100);
  return { id, status, completed, total: required.length, percent };
}

/** The lesson to continue with: the first open, unfinished required lesson, else any open unfinished one. */
function nextLesson(lessons: Lesson[], views: Record<string, LessonView>): string | undefined {
  const open = (l: Lesson) =>
    (views[l.id].status === 'available' || views[l.id].status === 'in-progress') && !views[l.id].lockReasons.length;
  return (lessons.find((l) => views[l.id].required && open(l)) ?? lessons.find(open))?.id;
}
