import type { Course, CourseProgress, LessonAvailability } from '@lms-kit/core';
import type { LmsServices } from '../context/services.js';

/** What a course session gives the rules a lesson kind adds to a course. */
export interface CourseRulesContext {
  course: Course;
  services: LmsServices;
  /** What the rules decide changed: what is held, or where Previous and Next lead. */
  changed(): void;
  /** The rules put the learner in this lesson (a SCORM activity delivered by sequencing). */
  open(lessonId: string): void;
  /** Applies a change to the course's progress (a result rolled up by the content) with the session's events. */
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
  /** The lesson the rules put the learner in, to start the course with. */
  current?: string;
  /** Whether Previous (-1) or Next (1) leads somewhere from `lessonId`; undefined when the rules do not govern that lesson. */
  canStep(step: 1 | -1, lessonId?: string): boolean | undefined;
  /** Previous or Next as the rules decide; they then `open` the lesson they lead to. */
  step(step: 1 | -1): void;
  dispose(): void;
}

export type CreateCourseRules = (context: CourseRulesContext) => Promise<CourseRules | undefined>;
