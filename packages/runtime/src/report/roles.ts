/**
 * Which roles may use the management elements. The server refuses the data anyway; this decides
 * what an element shows before asking (a clear "not available for your role" instead of an error).
 */
export type LmsRole = 'learner' | 'instructor' | 'admin';

export type ManagementFeature = 'report' | 'grading';

/**
 * On a backend of many learners (the server) reports and grading take an instructor or an admin.
 * A browser-only backend holds one local learner, who may look at (and self-grade) their own records.
 */
export function mayUse(_feature: ManagementFeature, roles: readonly string[], multiLearner: boolean): boolean {
  return !multiLearner || roles.includes('admin') || roles.includes('instructor');
}
