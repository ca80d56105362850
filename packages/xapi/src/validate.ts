import { LmsError, formatIssues, type Statement, type ValidationIssue } from '@lms-kit/core';
// `@learninglocker/xapi-validation` precompiled to plain ESM (scripts/vendor-xapi-validation.mjs): no bundler plugin needed.
import validateXapiStatement, { type XapiValidationWarning as Warning } from './vendor/xapi-validation.js';

const DESCRIPTIONS: Record<string, (warning: Warning) => string> = {
  TypeWarning: (w) => `must be ${w.typeName ? `a valid ${w.typeName}` : 'of another type'}, got ${JSON.stringify(w.data)}`,
  RequiredWarning: () => 'required',
  RestrictedKeysWarning: (w) => `has properties xAPI does not allow${w.keys?.length ? `: ${w.keys.join(', ')}` : ''}`,
  NoIfiWarning: () => 'needs exactly one identifier (mbox, mbox_sha1sum, openid or account)',
  IfiCountWarning: () => 'has more than one identifier (mbox, mbox_sha1sum, openid, account)',
  RawLessThanMinWarning: () => 'raw score is below min',
  RawMoreThanMaxWarning: () => 'raw score is above max',
  MinMoreThanMaxWarning: () => 'min is above max',
  ContextPropWarning: () => 'revision and platform are only allowed when the object is an activity',
  VoidWarning: () => 'a voiding statement must point at a StatementRef',
};

/**
 * Checks a statement against xAPI 1.0.3 with `@learninglocker/xapi-validation` and returns every
 * problem with its path (`actor.mbox`, `result.score.scaled`…); an empty list means it is valid.
 */
export function validateStatement(statement: unknown): ValidationIssue[] {
  const warnings = validateXapiStatement(statement);
  return warnings.map((warning) => {
    const path = (warning.path ?? []).slice(1).join('.');
    const describe = DESCRIPTIONS[warning.name ?? ''];
    return { path, message: describe ? describe(warning) : `is not valid xAPI (${warning.name ?? 'unknown problem'})` };
  });
}

/** Throws `LmsError('xapi/invalid-statement')` naming the first invalid statement and each of its problems. */
export function assertValidStatements(statements: readonly Statement[]): void {
  statements.forEach((statement, index) => {
    const issues = validateStatement(statement);
    if (issues.length === 0) return;
    const prefix = statements.length > 1 ? `[${index}]` : '';
    const located = issues.map((issue) => ({
      path: issue.path ? `${prefix}${prefix ? '.' : ''}${issue.path}` : prefix,
      message: issue.message,
    }));
    const id = (statement as { id?: unknown }).id;
    throw new LmsError(
      'xapi/invalid-statement',
      `The xAPI statement${typeof id === 'string' ? ` ${id}` : ''} is not valid and was not queued:\n${formatIssues(located)}`,
      { issues: located },
    );
  });
}
