import { toLmsError, type LmsErrorCode } from '@lms-kit/core';
import { LmsErrorEvent } from './error.js';

/**
 * For an element's loading task that failed: report it as a non-recoverable `lms-error` and rethrow
 * it as an `LmsError` for the error state. An aborted load (newer arguments) is not reported.
 */
export function failLoad(host: HTMLElement, error: unknown, signal: AbortSignal, code: LmsErrorCode): never {
  if (signal.aborted) throw error;
  const lmsError = toLmsError(error, code);
  host.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: false }));
  throw lmsError;
}
