export {
  PackageSession,
  type LaunchState,
  type PackageServices,
  type PackageSessionEvents,
  type PackageSessionOptions,
  type PackageSessionState,
} from './package-session.js';
export { createCourseRules } from './sequenced-course.js';
