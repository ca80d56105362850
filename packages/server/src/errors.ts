/** Errors the API answers with: `{ error: { code, message, issues? } }`, codes shared with `LmsError`. */
import type { ValidationIssue } from '@lms-kit/core';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
  }
}

export const forbidden = (message = 'Your role does not allow this.') => new HttpError(403, 'auth/forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'storage/not-found', `${what} does not exist.`);
export const conflict = () => new HttpError(412, 'storage/conflict', 'The record changed since it was read; read it again and retry.');
