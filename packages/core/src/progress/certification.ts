import { isAssessmentLesson } from '../course/lesson-kinds.js';
import { courseLessons, type CertificateValidity, type Course } from '../course/model.js';
import { computeCourseState } from './engine.js';
import type { CourseProgress, LessonProgress, Score } from './model.js';

/**
 * Certification rules, pure like the rest of the progress engine: whether a completion earns a
 * certificate, when it expires, and the renewal that reopens the course while keeping its history.
 */

export const DEFAULT_REMIND_DAYS = 30;

export type CertificateIneligibility = 'no-certificate' | 'not-completed' | 'not-passed' | 'score-too-low' | 'already-issued';

export interface CertificateEligibility {
  eligible: boolean;
  reason?: CertificateIneligibility;
  /** The course score (0..100), when any lesson reported a score. */
  score?: number;
  /** Whether every assessment the learner took was passed. */
  passed: boolean;
}

/** A score as a percentage 0..100, from `scaled` or from `raw` within `min`..`max`. */
export function scorePercent(score: Score | undefined): number | undefined {
  if (!score) return undefined;
  if (score.scaled !== undefined) return Math.max(0, Math.min(100, score.scaled * 100));
  if (score.raw !== undefined && score.max !== undefined && score.max > (score.min ?? 0)) {
    return Math.max(0, Math.min(100, ((score.raw - (score.min ?? 0)) / (score.max - (score.min ?? 0))) * 100));
  }
  return undefined;
}

/**
 * The course score: the score its content rolled up for the whole course, else the average, rounded to
 * a whole percent, of the best scores of the lessons that reported one.
 */
export function courseScore(course: Course, progress: CourseProgress | undefined): number | undefined {
  const rolledUp = scorePercent(progress?.result?.score);
  if (rolledUp !== undefined) return Math.round(rolledUp);
  const scores = courseLessons(course)
    .map((lesson) => scorePercent(progress?.lessons[lesson.id]?.score))
    .filter((score): score is number => score !== undefined);
  if (scores.length === 0) return undefined;
  return Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length);
}

/**
 * Every assessment lesson is passed, and no other lesson reported a failure (remedial lessons do not
 * count); for a course whose content rolls up its own result, that result is not failed.
 */
export function coursePassed(course: Course, progress: CourseProgress | undefined): boolean {
  if (progress?.result) return progress.result.passed !== false;
  return courseLessons(course)
    .filter((lesson) => lesson.remedialFor === undefined)
    .every((lesson) => {
      const result = progress?.lessons[lesson.id];
      if (isAssessmentLesson(lesson as unknown as Record<string, unknown>) && !lesson.optional) return result?.passed === true;
      return result?.passed !== false;
    });
}

/** Whether the learner's current completion earns the course's certificate now. */
export function certificateEligibility(course: Course, progress: CourseProgress | undefined): CertificateEligibility {
  const rule = course.certificate;
  const score = courseScore(course, progress);
  const passed = coursePassed(course, progress);
  const result = (reason?: CertificateIneligibility) => ({ eligible: reason === undefined, reason, score, passed });
  if (!rule) return result('no-certificate');
  if (!progress || !computeCourseState(course, progress).completed) return result('not-completed');
  if (rule.issueWhen === 'passed' && !passed) return result('not-passed');
  if (rule.minScore !== undefined && (score ?? 0) < rule.minScore) return result('score-too-low');
  if (progress.certificateId) return result('already-issued');
  return result();
}

/** Records the certificate issued for the current completion, unless one was already (by another tab). */
export function claimCertificate(progress: CourseProgress, certificateId: string, now: Date): CourseProgress {
  if (progress.certificateId) return progress;
  return { ...progress, certificateId, updatedAt: now.toISOString() };
}

/** When a certificate issued at `issuedAt` expires; undefined when it never does. Months are calendar months. */
export function certificateExpiry(issuedAt: Date, validity: CertificateValidity | null | undefined): Date | undefined {
  if (!validity || (!validity.months && !validity.days)) return undefined;
  const expiry = new Date(issuedAt.getTime());
  if (validity.months) {
    const day = expiry.getUTCDate();
    expiry.setUTCDate(1);
    expiry.setUTCMonth(expiry.getUTCMonth() + validity.months);
    // 31 January + 1 month is the last day of February, not 3 March.
    const lastDay = new Date(Date.UTC(expiry.getUTCFullYear(), expiry.getUTCMonth() + 1, 0)).getUTCDate();
    expiry.setUTCDate(Math.min(day, lastDay));
  }
  if (validity.days) expiry.setUTCDate(expiry.getUTCDate() + validity.days);
  return expiry;
}

export type CertificateTimeline = 'valid' | 'expiring' | 'expired';

/** Where a certificate stands at `now`: valid, within `remindDays` of its expiry, or expired. */
export function certificateTimeline(expiresAt: string | undefined, now: Date, remindDays = DEFAULT_REMIND_DAYS): CertificateTimeline {
  if (!expiresAt) return 'valid';
  const expiry = new Date(expiresAt).getTime();
  if (now.getTime() >= expiry) return 'expired';
  return expiry - now.getTime() <= remindDays * 86_400_000 ? 'expiring' : 'valid';
}

/** The lesson ids a renewal reopens, per the course's rule: every lesson, or those of the recertification module. */
export function lessonsToRenew(course: Course): string[] {
  const renewal = course.certificate?.renewal;
  if (renewal?.reopen === 'module' && renewal.module) {
    return course.modules.find((module) => module.id === renewal.module)?.lessons.map((lesson) => lesson.id) ?? [];
  }
  return courseLessons(course).map((lesson) => lesson.id);
}

/**
 * Reopens the course (or its recertification module) to renew certificate `certificateId`: the
 * lessons to take again lose their results, which move with the completion and its certificate to
 * `history`. Applying it again, or after another tab did, changes nothing: it only acts while
 * `certificateId` is the current certificate.
 */
export function reopenForRenewal(progress: CourseProgress, course: Course, certificateId: string, now: Date): CourseProgress {
  if (progress.certificateId !== certificateId) return progress;
  const reopened = lessonsToRenew(course);
  const kept: Record<string, LessonProgress> = {};
  const moved: Record<string, LessonProgress> = {};
  for (const [id, lesson] of Object.entries(progress.lessons)) (reopened.includes(id) ? moved : kept)[id] = lesson;
  const iso = now.toISOString();
  const record = { completedAt: progress.completedAt, certificateId, reopenedAt: iso, lessons: moved };
  // A result the content rolled up belonged to that completion: the course is taken again.
  const { completedAt: _completedAt, certificateId: _certificateId, result: _result, ...rest } = progress;
  return {
    ...rest,
    lessons: kept,
    lastLessonId: reopened[0] ?? progress.lastLessonId,
    history: [...(progress.history ?? []), record],
    updatedAt: iso,
  };
}
