/**
 * Catalog JSON, schema version 1: the courses a site offers, for `<lms-catalog>` and `<lms-my-learning>`.
 * The same entries come from a static file or from the server's `GET /v1/catalog`, which adds what the
 * signed-in learner's enrollment says (`enrollment`).
 */
export const CATALOG_SCHEMA = 1;

/** Days a course counts as "new" after `publishedAt` unless the catalog says otherwise. */
export const DEFAULT_NEW_DAYS = 30;

export interface CatalogEntry {
  /** The course id, as in the course JSON and in progress records. */
  id: string;
  title: string;
  /** Plain text (not HTML). */
  description?: string;
  /** Page where the course is taken; the "continue" link. */
  url?: string;
  /** The course JSON (or package), for hosts that play it in place. */
  src?: string;
  /** Version of the course now offered (progress records the version a learner took). */
  version?: string;
  /** Expected time in minutes. */
  durationMinutes?: number;
  /** BCP 47 language tag of the content. */
  language?: string;
  tags?: string[];
  /** Course ids to complete first. */
  prerequisites?: string[];
  /** Required for everyone it is assigned to (compliance training). */
  required?: boolean;
  /** Learners may enroll themselves. */
  selfEnroll?: boolean;
  /** ISO date it was published: "new" for `newDays` after. */
  publishedAt?: string;
  /** ISO date before which it cannot be started ("starts after …"). */
  availableFrom?: string;
  /** What the server knows of the signed-in learner: enrolled (directly or through a group), due date. */
  enrollment?: CatalogEnrollment;
}

export interface CatalogEnrollment {
  /** Assigned by an admin (directly or to a group) rather than chosen by the learner. */
  assigned: boolean;
  dueAt?: string;
}

export interface Catalog {
  schema: typeof CATALOG_SCHEMA;
  title?: string;
  /** Days a course stays "new" after `publishedAt` (default 30). */
  newDays?: number;
  courses: CatalogEntry[];
}
