export type * from './adapter.js';
export { STORAGE_METHODS } from './adapter.js';
export { STORAGE_EXTENSIONS, forwardExtensions } from './extensions.js';
export { MemoryAdapter } from './memory-adapter.js';
export { observeStorage, type ObservableStorage, type StorageChange, type StorageChangeListener } from './change-feed.js';
export { lazyStorage } from './lazy-storage.js';
export { createIndexedDbStorage } from './default-storage.js';
export type { DexieAdapterOptions } from './dexie/dexie-adapter.js';
export type {
  LearningReports,
  ProgressQuery,
  ProgressRow,
  Page,
  CourseSummary,
  SessionAttendance,
  LessonReach,
  ReportFilters,
  ItemStat,
  GroupStat,
  LearnerCourseRow,
  ComplianceReport,
  PendingAttempt,
  GradeInput,
  GradingStore,
} from './reports.js';
export { localReports, isGradingStore } from './reports.js';
export { ENROLLMENTS, catalogReadsOf, type CatalogReads } from './catalog.js';
export {
  leaderboardPeriodKey,
  localLeaderboard,
  type Leaderboard,
  type LeaderboardMembership,
  type LeaderboardPeriod,
  type LeaderboardQuery,
  type LeaderboardReads,
  type LeaderboardRow,
  type LeaderboardScope,
} from './leaderboard.js';
export {
  localSessionBookings,
  SESSION_BOOKINGS,
  type SessionBookingList,
  type SessionBookingRow,
  type SessionBookings,
  type SessionRef,
} from './sessions.js';
export { checkCommentBody, localNotes, NOTES_COLLECTION, type DiscussionListOptions, type DiscussionStore } from './discussion.js';
