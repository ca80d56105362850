/**
 * Every failure LMS Kit reports is an `LmsError` with a namespaced `code`, so hosts can branch on
 * `error.code` instead of parsing messages. The original failure, if any, is kept as `cause`.
 * The list is closed: a typo in a code does not compile, and a test fails when code throws one not listed here.
 */
export const LMS_ERROR_CODES = [
  'course/invalid',
  'course/load-failed',
  'course/unsupported-schema',
  'course/no-services',
  'catalog/invalid',
  'catalog/load-failed',
  'catalog/enroll-refused',
  'storage/quota-exceeded',
  'storage/unavailable',
  'storage/upgrade-blocked',
  'storage/closed',
  'storage/invalid-record',
  'storage/failed',
  'storage/conflict',
  'storage/not-found',
  'lesson/load-failed',
  'lesson/unknown-kind',
  'quiz/invalid',
  'quiz/import-invalid',
  'quiz/load-failed',
  'quiz/not-submitted',
  'quiz/no-services',
  'quiz/time-up',
  'quiz/no-attempts-left',
  'quiz/not-in-progress',
  'package/invalid',
  'package/invalid-manifest',
  'package/corrupt-zip',
  'package/not-a-zip',
  'package/no-manifest',
  'package/missing-file',
  'package/unsafe-path',
  'package/duplicate-entry',
  'package/not-launchable',
  'package/too-large',
  'package/download-failed',
  'package/load-failed',
  'scorm/service-worker-unavailable',
  'scorm/content-origin-invalid',
  'scorm/content-host-unreachable',
  'scorm/content-host-failed',
  'scorm/isolation-needs-zip',
  'url/unsafe',
  'xapi/invalid-statement',
  'certificate/invalid',
  'certificate/not-found',
  'certificate/signing-failed',
  'certificate/pdf-failed',
  'certificate/not-earned',
  'lrs/invalid-config',
  'lrs/unavailable',
  'lrs/unauthorized',
  'lrs/forbidden',
  'lrs/rejected',
  'export/missing-file',
  'translation/invalid-xliff',
  'authoring/invalid-transition',
  'authoring/unresolved-ref',
  'export/unsafe-path',
  'export/failed',
  'editor/upload-failed',
  'cmi5/invalid-course',
  'cmi5/invalid-package',
  'cmi5/unknown-au',
  'cmi5/needs-indexeddb',
  'cmi5/no-service-worker',
  'cmi5/launch-failed',
  'auth/unauthenticated',
  'auth/forbidden',
  'server/invalid-request',
  'server/not-found',
  'server/payload-too-large',
  'server/failed',
  'import/invalid-rows',
  'grading/conflict',
  'grading/unavailable',
  'report/unavailable',
  'offline/quota',
  'offline/download-failed',
  'offline/unavailable',
  'engagement/invalid-config',
  'session/full',
  'session/not-open',
  'session/capacity-below-booked',
  'session/attended',
  'discussion/empty',
  'discussion/too-long',
  'discussion/rate-limited',
] as const;

/** One of `LMS_ERROR_CODES`. */
export type LmsErrorCode = (typeof LMS_ERROR_CODES)[number];

/** One problem found in a document, located by a JSON-path-like string such as `modules[1].lessons[3].src`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export interface LmsErrorOptions {
  cause?: unknown;
  /** Problems found while validating input, for errors of the `…/invalid` kind. */
  issues?: ValidationIssue[];
}

export class LmsError extends Error {
  override readonly name = 'LmsError';
  readonly code: LmsErrorCode;
  readonly issues: ValidationIssue[];

  constructor(code: LmsErrorCode, message: string, options: LmsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export function isLmsError(value: unknown, code?: LmsErrorCode): value is LmsError {
  return value instanceof Error && value.name === 'LmsError' && (code === undefined || (value as LmsError).code === code);
}

/** Wraps anything thrown into an `LmsError`, keeping an existing one as it is. */
export function toLmsError(value: unknown, fallbackCode: LmsErrorCode, message?: string): LmsError {
  if (isLmsError(value)) return value;
  const detail = value instanceof Error ? value.message : String(value);
  return new LmsError(fallbackCode, message ?? detail, { cause: value });
}

export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('\n');
}
