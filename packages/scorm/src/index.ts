/**
 * @lms-kit/scorm: SCORM 1.2 and 2004 packages in the browser. Import a zip (`importScormPackage`),
 * read its manifest (`parseManifest`), serve its files from the service worker, and play its SCOs with
 * scorm-again (`@lms-kit/scorm/runtime`, loaded when a package is opened).
 */
export * from './manifest/index.js';
export {
  importScormPackage,
  ensurePackage,
  packageIdFor,
  legacyPackageIdFor,
  type ImportOptions,
  type PackageSource,
} from './import/import-package.js';
export type { UnzipLimits } from './import/unzip.js';
export {
  PACKAGE_DATABASE,
  openPackageDatabase,
  getPackage,
  listPackages,
  listPackageFiles,
  deletePackage,
  closePackageDatabase,
  type StoredPackage,
} from './store/package-db.js';
export { mimeType } from './store/mime.js';
export { registerLmsServiceWorker, configureServiceWorker, serviceWorkerScope, type ServiceWorkerOptions } from './sw/register.js';
export { packageFileUrl, RESOURCE_FAILED_MESSAGE } from './sw/index.js';
export { scormLessonKind, type ScormLesson } from './lesson-kind.js';
export { packageCourse, safeId } from './course/package-course.js';
