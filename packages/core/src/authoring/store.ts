import type { ChangeSummary } from './diff.js';
import type { LearningObject, LearningObjectQuery } from './objects.js';
import type { CourseVersion, CourseVersionInfo } from './versions.js';
import type { CourseReview } from './workflow.js';

/** A course's use of a shared object, for "where used". */
export interface ObjectUse {
  courseId: string;
  /** The course's latest version, which uses the object. */
  version: number;
  title: string;
}

/**
 * Versions, review and the shared-object repository of an author's courses: one contract, kept on the
 * page's storage (`LocalAuthoring` of `@lms-kit/runtime/authoring`, IndexedDB by default) or on an
 * LMS Kit server (`AuthoringClient` of `@lms-kit/storage/http`, where the server enforces roles).
 */
export interface AuthoringStore {
  /** The course's review (state `draft` with no draft before anything was submitted). */
  review(courseId: string): Promise<CourseReview>;
  /** Submits a draft (a course, shared objects as references) for review: `draft` → `in-review`. */
  submitForReview(courseId: string, draft: unknown): Promise<CourseReview>;
  /** Sends the draft under review back to its authors: `in-review` → `draft`. */
  returnToDraft(courseId: string): Promise<CourseReview>;
  comment(courseId: string, comment: { lessonId?: string; text: string }): Promise<CourseReview>;
  /** Publishes the draft under review as the next version: `in-review` → `published`. */
  publish(courseId: string, note?: string): Promise<CourseVersionInfo>;
  listVersions(courseId: string): Promise<CourseVersionInfo[]>;
  getVersion(courseId: string, number: number): Promise<CourseVersion | undefined>;
  /** The version learners get. */
  published(courseId: string): Promise<CourseVersion | undefined>;
  /** The diff of two versions. */
  compare(courseId: string, from: number, to: number): Promise<ChangeSummary>;
  /** Publishes version `number`'s content again as a new version. */
  rollBack(courseId: string, number: number, note?: string): Promise<CourseVersionInfo>;

  /** Saves a new object (version 1) or a change to one (its version + 1), without touching courses. */
  saveObject(object: Omit<LearningObject, 'version' | 'updatedAt'>): Promise<LearningObject>;
  getObject(id: string): Promise<LearningObject | undefined>;
  searchObjects(query?: LearningObjectQuery): Promise<LearningObject[]>;
  whereUsed(id: string): Promise<ObjectUse[]>;
  /** "Update everywhere": saves the change, then publishes a new version of every course that uses the object. */
  updateEverywhere(object: Omit<LearningObject, 'version' | 'updatedAt'>, note?: string): Promise<CourseVersionInfo[]>;
  /** "Fork for this course": the course's latest source with the object copied in, submitted as the course's draft (`draft` state). */
  forkForCourse(courseId: string, objectId: string): Promise<CourseReview>;
}
