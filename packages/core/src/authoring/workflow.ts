import { LmsError } from '../errors.js';

/** Where a course's next version is: being written, waiting for review, or published (nothing pending). */
export type ReviewState = 'draft' | 'in-review' | 'published';

/** Who may publish in a tenant: admins always; instructors when the tenant turns `instructorsMayPublish` on. */
export interface PublishPolicy {
  instructorsMayPublish?: boolean;
}

export interface ReviewComment {
  id: string;
  /** The lesson it is about; none for the course as a whole. */
  lessonId?: string;
  author: string;
  text: string;
  at: string;
}

/** A course's review: its state, the draft under review and the reviewers' comments on it. */
export interface CourseReview {
  courseId: string;
  state: ReviewState;
  /** The course submitted for review (its shared objects still as references). */
  draft?: unknown;
  comments: ReviewComment[];
  updatedAt?: string;
  updatedBy?: string;
}

/** Authors (admins and instructors) write drafts, submit them, comment and send them back. */
export const mayAuthor = (roles: readonly string[]) => roles.includes('admin') || roles.includes('instructor');

/** Publishing (and rolling back, and updating a shared object everywhere) is for admins, and instructors where the tenant allows it. */
export const mayPublish = (roles: readonly string[], policy: PublishPolicy = {}) =>
  roles.includes('admin') || (policy.instructorsMayPublish === true && roles.includes('instructor'));

/** The moves between states, and who may make each. */
const TRANSITIONS: Record<string, 'author' | 'publisher'> = {
  'draft>in-review': 'author',
  'published>in-review': 'author',
  'in-review>draft': 'author',
  'published>draft': 'author',
  'in-review>published': 'publisher',
};

/**
 * Throws unless `roles` may move a review from `from` to `to`: `authoring/invalid-transition` for a
 * move the workflow has not (a draft is reviewed before it is published), `auth/forbidden` for a role
 * that may not make it.
 */
export function assertTransition(from: ReviewState, to: ReviewState, roles: readonly string[], policy: PublishPolicy = {}): void {
  const needs = TRANSITIONS[`${from}>${to}`];
  if (!needs) throw new LmsError('authoring/invalid-transition', `A course cannot go from "${from}" to "${to}".`);
  if (needs === 'publisher' ? !mayPublish(roles, policy) : !mayAuthor(roles))
    throw new LmsError(
      'auth/forbidden',
      needs === 'publisher' ? 'Only admins (and instructors where the tenant allows it) may publish.' : 'Only authors may do this.',
    );
}

/** Throws `auth/forbidden` unless `roles` may publish. */
export function assertMayPublish(roles: readonly string[], policy: PublishPolicy = {}): void {
  if (!mayPublish(roles, policy))
    throw new LmsError('auth/forbidden', 'Only admins (and instructors where the tenant allows it) may publish.');
}

export function assertMayAuthor(roles: readonly string[]): void {
  if (!mayAuthor(roles)) throw new LmsError('auth/forbidden', 'Only authors (admins and instructors) may do this.');
}
