import {
  isGradingStore,
  type DiscussionStore,
  type GradingStore,
  type LeaderboardReads,
  type LearningReports,
  type SessionBookings,
  type StorageAdapter,
} from '@lms-kit/storage';
import type { LmsServices } from '../../context/services.js';

type Backend = Partial<LearningReports & GradingStore> & {
  roles?: () => Promise<string[]>;
  leaderboard?: LeaderboardReads;
  sessions?: SessionBookings;
  discussion?: DiscussionStore;
};

/**
 * Reports, grading, leaderboard, discussions and roles of a multi-learner backend given as `storage` (the server adapter).
 * Loaded only when a page passes its own storage, so pages on the IndexedDB default never download it.
 */
export async function backendServices(
  storage: StorageAdapter | undefined,
  roles: string[] | undefined,
): Promise<Pick<LmsServices, 'roles' | 'reports' | 'grading' | 'leaderboard' | 'sessions' | 'discussion'>> {
  const backend = storage as Backend | undefined;
  const granted = roles ?? (typeof backend?.roles === 'function' ? await backend.roles() : undefined);
  return {
    ...(granted ? { roles: granted } : {}),
    ...(typeof backend?.courseSummary === 'function' ? { reports: backend as LearningReports } : {}),
    ...(isGradingStore(backend) ? { grading: backend } : {}),
    ...(backend?.leaderboard ? { leaderboard: backend.leaderboard } : {}),
    ...(backend?.sessions ? { sessions: backend.sessions } : {}),
    ...(backend?.discussion ? { discussion: backend.discussion } : {}),
  };
}
