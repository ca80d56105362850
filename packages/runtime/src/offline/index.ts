export {
  OfflineCourseStore,
  type OfflineCourse,
  type OfflineDownloadOptions,
  type VideoTooLarge,
  type OfflineProgress,
} from './offline-course-store.js';
export { planCourseFiles, type CourseFilePlan, type VideoChoice } from './course-files.js';
export { onOfflineChange, type OfflineChange } from './offline-events.js';
export type { OfflineFile } from './offline-index.js';
export { OfflineQuotaError } from './quota-error.js';
