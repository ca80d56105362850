/** A result reported by a lesson: assessments add `passed` and `score`. */
export interface LessonResult {
  completed?: boolean;
  passed?: boolean;
  score?: Score;
  /** Fraction done, 0..1 (for example the part of a video actually watched). */
  progress?: number;
}

export interface Score {
  /** -1..1 as in xAPI. */
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export type LessonProgressStatus = 'in-progress' | 'completed';

export interface LessonProgress {
  status: LessonProgressStatus;
  openedAt: string;
  completedAt?: string;
  timeSpentMs: number;
  /** Latest assessment outcome; stays true once passed. */
  passed?: boolean;
  /** Best score reached. */
  score?: Score;
  progress?: number;
  /** Points earned from this lesson. */
  points?: number;
}

/** One learner's progress in one course: what the storage adapter keeps per (learnerId, courseId). */
export interface CourseProgress {
  learnerId: string;
  courseId: string;
  courseVersion?: string;
  /** xAPI registration: one per enrollment of this learner in this course. */
  registration: string;
  lessons: Record<string, LessonProgress>;
  lastLessonId?: string;
  timeSpentMs: number;
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
  /** Ids of the latest journaled writes already applied, so a replayed write is never counted twice. */
  appliedWrites?: string[];
  /** The certificate issued for this completion (set once, in the same transaction that claims it). */
  certificateId?: string;
  /** Earlier completions, kept when a renewal reopened the course or a module. Oldest first. */
  history?: CompletionRecord[];
  /**
   * The course's own result, as its content rolled it up (a SCORM 2004 package played as the whole
   * course): when present it decides the course's completion and success instead of the lesson rules.
   */
  result?: CourseResult;
  /** Progress of lessons a newer version of the course removed: kept, but no longer counted. */
  retiredLessons?: Record<string, LessonProgress>;
  /** Each move to another version of the course (`courseVersion` is the current one). Oldest first. */
  versionHistory?: Array<{ from: string | null; to: string; at: string }>;
}

/** Completion, success and score of a whole course, as its content rolled them up. */
export interface CourseResult {
  completed: boolean;
  /** Undefined while the content has not said. */
  passed?: boolean;
  score?: Score;
}

/** A completion that a renewal reopened: what was completed, its certificate and the lesson results it had. */
export interface CompletionRecord {
  completedAt?: string;
  certificateId?: string;
  reopenedAt: string;
  /** The lessons reopened, as they were. */
  lessons: Record<string, LessonProgress>;
}

/** Where the learner is inside one lesson (video time, scroll, or kind-specific data such as SCORM CMI). */
export interface LessonState {
  learnerId: string;
  courseId: string;
  lessonId: string;
  /** Seconds into a video or audio. */
  position?: number;
  /** Fraction 0..1 of the lesson scrolled. */
  scroll?: number;
  data?: unknown;
  updatedAt: string;
}
