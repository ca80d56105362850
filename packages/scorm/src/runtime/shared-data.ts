import type { StorageAdapter } from '@lms-kit/storage';
import type { ScoAttemptData } from './attempt-store.js';

export interface SharedDataScope {
  learnerId: string;
  /** The package's identifier. */
  package: string;
  /** Only attempts of this course: the package's stores are not global to the system (`sharedDataGlobalToSystem="false"`). */
  courseId?: string;
}

/**
 * The SCORM 2004 shared data stores (`adl.data`) of a learner in a package: for each `targetID`, the
 * value in the attempt that wrote it last. Each SCO's attempt keeps the stores it may write, so they
 * are journaled and saved with its commits and need no record of their own.
 */
export async function sharedDataStores(storage: StorageAdapter, scope: SharedDataScope): Promise<Record<string, string>> {
  const attempts = await storage.listAttempts({ learnerId: scope.learnerId, ...(scope.courseId ? { courseId: scope.courseId } : {}) });
  const stores: Record<string, string> = {};
  const at: Record<string, string> = {};
  for (const attempt of attempts) {
    const data = attempt.data as Partial<ScoAttemptData> | undefined;
    if (data?.package !== scope.package || !data.sharedData) continue;
    for (const [targetID, value] of Object.entries(data.sharedData)) {
      if (typeof value === 'string' && (at[targetID] === undefined || attempt.updatedAt >= at[targetID])) {
        stores[targetID] = value;
        at[targetID] = attempt.updatedAt;
      }
    }
  }
  return stores;
}
