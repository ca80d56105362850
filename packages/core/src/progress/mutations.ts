import { findLesson, type Course } from '../course/model.js';
import { computeCourseState } from './engine.js';
import type { CourseProgress, LessonProgress, LessonResult, Score } from './model.js';

/**
 * Pure updates of a `CourseProgress`. Each returns a new record and is safe to apply to whatever
 * another tab stored in the meantime: they add to or raise what is there, never overwrite it with
 * an older copy. Storage adapters run them inside one transaction (`updateProgress`).
 */

export function createProgress(course: Course, learnerId: string, registration: string, now: Date): CourseProgress {
  const iso = now.toISOString();
  return {
    learnerId,
    courseId: course.id,
    courseVersion: course.version,
    registration,
    lessons: {},
    timeSpentMs: 0,
    startedAt: iso,
    updatedAt: iso,
  };
}

export function openLesson(progress: CourseProgress, lessonId: string, now: Date): CourseProgress {
  const iso = now.toISOString();
  const existing = progress.lessons[lessonId];
  const lesson: LessonProgress = existing ?? { status: 'in-progress', openedAt: iso, timeSpentMs: 0 };
  return { ...progress, lastLessonId: lessonId, lessons: { ...progress.lessons, [lessonId]: lesson }, updatedAt: iso };
}

/** Applies a lesson's reported result: completion and success only move forward, the best score is kept. */
export function applyLessonResult(
  progress: CourseProgress,
  course: Course,
  lessonId: string,
  result: LessonResult,
  now: Date,
): CourseProgress {
  const iso = now.toISOString();
  const previous = progress.lessons[lessonId] ?? { status: 'in-progress', openedAt: iso, timeSpentMs: 0 };
  const passed = previous.passed === true ? true : (result.passed ?? previous.passed);
  const completed = previous.status === 'completed' || result.completed === true;
  const lesson: LessonProgress = {
    ...previous,
    status: completed ? 'completed' : 'in-progress',
    passed,
    score: bestScore(previous.score, result.score),
    progress: maxDefined(previous.progress, result.progress),
  };
  if (completed && !previous.completedAt) lesson.completedAt = iso;
  lesson.points = completed && passed !== false ? scaledPoints(findLesson(course, lessonId)?.points ?? 0, lesson.score) : 0;
  return markCourseCompletion({ ...progress, lessons: { ...progress.lessons, [lessonId]: lesson }, updatedAt: iso }, course, now);
}

const APPLIED_WRITES_KEPT = 50;

/**
 * Adds visible time to a lesson and the course; deltas add up, so two tabs never erase each other's
 * time. With a `writeId` (a journaled write), the same write applied twice counts once.
 */
export function addTimeSpent(progress: CourseProgress, lessonId: string, ms: number, now: Date, writeId?: string): CourseProgress {
  if (!(ms > 0) || (writeId && progress.appliedWrites?.includes(writeId))) return progress;
  const lesson = progress.lessons[lessonId];
  const lessons = lesson ? { ...progress.lessons, [lessonId]: { ...lesson, timeSpentMs: lesson.timeSpentMs + ms } } : progress.lessons;
  const next: CourseProgress = { ...progress, lessons, timeSpentMs: progress.timeSpentMs + ms, updatedAt: now.toISOString() };
  if (writeId) next.appliedWrites = [...(progress.appliedWrites ?? []), writeId].slice(-APPLIED_WRITES_KEPT);
  return next;
}

/** Marks the course completed (once) when its rules say it is. */
export function markCourseCompletion(progress: CourseProgress, course: Course, now: Date): CourseProgress {
  if (progress.completedAt || !computeCourseState(course, progress).completed) return progress;
  return { ...progress, completedAt: now.toISOString() };
}

/**
 * Points of a completed lesson: all of them, or for a lesson that reports a score (a quiz, an
 * assessment embed) its points in proportion to the best score, rounded: 20 points at 85% give 17.
 */
export function scaledPoints(points: number, score: Score | undefined): number {
  const scaled = score ? scaledValue(score) : undefined;
  if (scaled === undefined || !Number.isFinite(scaled)) return points;
  return Math.round(points * Math.min(1, Math.max(0, scaled)));
}

function scaledValue(s: Score): number | undefined {
  if (s.scaled !== undefined) return s.scaled;
  return s.raw !== undefined && s.max ? (s.raw - (s.min ?? 0)) / (s.max - (s.min ?? 0)) : undefined;
}

/** The better of two scores. */
export function bestScore(a: Score | undefined, b: Score | undefined): Score | undefined {
  if (!a || !b) return a ?? b;
  const value = (s: Score) => scaledValue(s) ?? -Infinity;
  return value(b) > value(a) ? b : a;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return Math.max(a, b);
}
