/** Course export: a native course as a SCORM 1.2, SCORM 2004 4th edition or cmi5 package. */
export {
  exportCoursePackage,
  LAUNCH_PAGE,
  type ExportOptions,
  type ExportRuntime,
  type ExportedPackage,
  type FileContent,
} from './export-course.js';
export { packageBridge, type ExportFormat } from './package-bridge.js';
export { scormManifest, type ScormExportVersion } from './scorm-manifest.js';
export { cmi5Structure } from './cmi5-structure.js';
export { courseFileReferences } from './course-files.js';
