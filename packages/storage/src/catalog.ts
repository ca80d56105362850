/**
 * Catalog reads and self-enrollment, beside `StorageAdapter` like `LearningReports`: a server answers
 * them for the signed-in learner (`HttpStorageAdapter`: its courses, enrollments and due dates);
 * browser-only adapters have none, and the catalog then comes from a Catalog JSON with enrollments kept
 * as records of the `enrollments` collection.
 */
import type { Catalog } from '@lms-kit/core';
import type { StorageAdapter } from './adapter.js';

/** Collection of a browser-only learner's own enrollments (`{ id: courseId, learnerId, courseId, enrolledAt }`). */
export const ENROLLMENTS = 'enrollments';

export interface CatalogReads {
  /** The courses offered, each with the caller's `enrollment` when enrolled. */
  readCatalog(): Promise<Catalog>;
  /** Enrolls the caller; `LmsError('auth/forbidden')` where the course does not allow self-enrollment. */
  enrollInCourse(courseId: string): Promise<void>;
}

/** The adapter's catalog reads, when it has them (a server), else undefined. */
export function catalogReadsOf(storage: StorageAdapter | undefined): CatalogReads | undefined {
  const candidate = storage as Partial<CatalogReads> | undefined;
  return typeof candidate?.readCatalog === 'function' && typeof candidate.enrollInCourse === 'function'
    ? (candidate as CatalogReads)
    : undefined;
}
