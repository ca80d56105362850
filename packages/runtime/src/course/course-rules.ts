import type { Course, CourseProgress, LessonAvailability } from '@lms-kit/core';
import type { SessionServices } from '../services.js';

/** What a course session gives the rules a lesson kind adds to a course (the session itself). */
export interface CourseRulesContext {
  course?: Course;
  services?: SessionServices;
  progress?: CourseProgress;
  /** Derives the course's state again from `progress`: what the rules hold, or where Previous and Next lead, changed. */
  setProgress(progress: CourseProgress): void;
  /** Opens the lesson the rules put the learner in (a SCORM activity delivered by sequencing). */
  navigate?: (lessonId: string) => void;
  /** Applies a change to the course's progress (a result rolled up by the content), with the session's events. */
  update(change: (progress: CourseProgress) => CourseProgress): Promise<unknown>;
}

/**
 * Rules a lesson kind adds to the whole course it is in (SCORM 2004 sequencing decides which lessons
 * may be chosen, where Previous and Next lead, and the course's result). Loaded only for courses with
 * such lessons.
 */
export interface CourseRules {
  /** Lessons held closed now, and why. */
  availability?: LessonAvailability;
  /**
   * Whether Previous (-1) or Next (1) leads somewhere from `lessonId`, undefined when the rules do not
   * govern that lesson; with `go`, goes there as the rules decide (they then `navigate` to the lesson).
   */
  step(step: 1 | -1, lessonId?: string, go?: boolean): boolean | undefined;
  dispose(): void;
}

export type CreateCourseRules = (context: CourseRulesContext) => Promise<CourseRules | undefined>;
