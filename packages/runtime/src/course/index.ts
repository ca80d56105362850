export { CourseSession, type CourseSessionEvents, type CourseSessionOptions, type CourseSessionState } from './course-session.js';
export type { CourseRules, CourseRulesContext, CreateCourseRules } from './course-rules.js';
