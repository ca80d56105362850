import type { Statement } from '@lms-kit/core';
import { STORAGE_METHODS, forwardExtensions, type StorageAdapter } from '@lms-kit/storage';

/**
 * Wraps an adapter so that `enqueueStatements` checks every statement against the xAPI
 * specification first: an invalid one is rejected at the call site with
 * `LmsError('xapi/invalid-statement')` and nothing of that call is queued. The validator
 * (`@learninglocker/xapi-validation`) loads with the first statement, not with the page.
 */
export function validateBeforeQueueing<T extends StorageAdapter>(adapter: T): T {
  if ((adapter as { validatesStatements?: boolean }).validatesStatements) return adapter;
  const target = adapter as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrapped: Record<string, unknown> = { scope: adapter.scope, validatesStatements: true };
  for (const method of STORAGE_METHODS) wrapped[method] = (...args: unknown[]) => target[method](...args);
  // A server's quiz grader (HttpStorageAdapter.quizzes) stays reachable through the wrapper.
  const { quizzes } = adapter as { quizzes?: unknown };
  if (quizzes) wrapped.quizzes = quizzes;
  forwardExtensions(adapter, wrapped);
  wrapped.enqueueStatements = async (statements: Statement[]) => {
    const { assertValidStatements } = await import('./validate.js');
    assertValidStatements(statements);
    return adapter.enqueueStatements(statements);
  };
  return wrapped as unknown as T;
}
